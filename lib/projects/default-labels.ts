/** Entity types for news and intelligence text (PRODUCT.md), with hotkeys 1–9. */
export const DEFAULT_LABELS = [
  { name: "PERSON", color: "#2563eb", description: "People, real or fictional, named by name (Haider al-Abadi, Kerry)." },
  { name: "ORG", color: "#7c3aed", description: "Organisations: companies, agencies, armed groups (Islamic State, Interfax)." },
  { name: "GPE", color: "#059669", description: "Countries, cities, states: geopolitical entities (Iraq, Baghdad, Moscow)." },
  { name: "LOC", color: "#0891b2", description: "Non-GPE locations: regions, bodies of water, mountains (Middle East)." },
  { name: "NORP", color: "#d97706", description: "Nationalities, religious or political groups (Russian, Shiite, Sunni Arab)." },
  { name: "FAC", color: "#b45309", description: "Facilities: buildings, airports, bases (an air base near Latakia)." },
  { name: "EVENT", color: "#dc2626", description: "Named events: wars, assemblies, operations (U.N. General Assembly)." },
  { name: "DATE", color: "#4b5563", description: "Absolute or relative dates and periods (Sunday, September 27)." },
  { name: "QUANTITY", color: "#be185d", description: "Measurements and counts (thousands of terrorists, 240,000 people)." },
].map((l, i) => ({ ...l, kind: "ENTITY" as const, hotkey: String(i + 1), sortOrder: i }));
