/**
 * Entity types for news and intelligence text (PRODUCT.md), with hotkeys 1–9.
 * The twelve default colours (from Okabe & Ito's and Paul Tol's palettes) stay
 * apart for people with protanopia, deuteranopia and tritanopia too, and
 * contrast 3:1 or more with the white page (default-labels.test.ts).
 */
export const ENTITY_LABELS = [
  { name: "PERSON", color: "#0077bb", description: "People, real or fictional, named by name (Haider al-Abadi, Kerry)." },
  { name: "ORG", color: "#aa4499", description: "Organisations: companies, agencies, armed groups (Islamic State, Interfax)." },
  { name: "GPE", color: "#117733", description: "Countries, cities, states: geopolitical entities (Iraq, Baghdad, Moscow)." },
  { name: "LOC", color: "#6699cc", description: "Non-GPE locations: regions, bodies of water, mountains (Middle East)." },
  { name: "NORP", color: "#999933", description: "Nationalities, religious or political groups (Russian, Shiite, Sunni Arab)." },
  { name: "FAC", color: "#882255", description: "Facilities: buildings, airports, bases (an air base near Latakia)." },
  { name: "EVENT", color: "#cc3311", description: "Named events: wars, assemblies, operations (U.N. General Assembly)." },
  { name: "DATE", color: "#332288", description: "Absolute or relative dates and periods (Sunday, September 27)." },
  { name: "QUANTITY", color: "#cc79a7", description: "Measurements and counts (thousands of terrorists, 240,000 people)." },
].map((l, i) => ({ ...l, kind: "ENTITY" as const, hotkey: String(i + 1) as string | null, sortOrder: i }));

/**
 * Quote attribution in the newsroom shape (content span → cue span → speaker,
 * an ENTITY span) and cited sources; no hotkeys (1–9 are the entity types).
 */
export const QUOTE_LABELS = [
  {
    name: "QUOTE",
    kind: "QUOTE" as const,
    color: "#ee6677",
    description: "The content of a quoted or reported statement; link its cue and speaker in the Quote panel.",
  },
  { name: "CUE", kind: "CUE" as const, color: "#000000", description: "The words that introduce a quote (said, told, quoted … as saying)." },
  {
    name: "CITED_SOURCE",
    kind: "CITED_SOURCE" as const,
    color: "#009e73",
    description: "A source the text cites (Interfax, a military diplomatic source in Moscow).",
  },
].map((l, i) => ({ ...l, hotkey: null as string | null, sortOrder: ENTITY_LABELS.length + i }));

/** What a new project starts with. */
export const DEFAULT_LABELS = [...ENTITY_LABELS, ...QUOTE_LABELS];
