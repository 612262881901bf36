/** Short human-readable text for JSON Schema fragments, for the API reference page. Pure. */
type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  items?: Schema;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: unknown;
};

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

/** "string", "integer", "ENTITY | QUOTE", "string[]", "string | null"… */
export function typeText(s: Schema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(" | ");
  if (s.anyOf) return [...new Set(s.anyOf.map(typeText))].join(" | ");
  if (s.type === "array") return `${s.items ? typeText(s.items) : "any"}[]`;
  if (Array.isArray(s.type)) return s.type.join(" | ");
  if (s.type === "object") return "object";
  return s.type ?? "any";
}

/** Limits and defaults: "1–120 chars", "≤ 100", "default 50", "pattern ^#…". */
export function constraintText(s: Schema): string {
  const parts: string[] = [];
  if (s.format) parts.push(s.format);
  if (s.minLength !== undefined || s.maxLength !== undefined) parts.push(`${s.minLength ?? 0}–${s.maxLength ?? "∞"} chars`);
  if (s.minimum !== undefined && s.maximum !== undefined && s.maximum < SAFE_MAX) parts.push(`${s.minimum}–${s.maximum}`);
  else if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  else if (s.maximum !== undefined && s.maximum < SAFE_MAX) parts.push(`≤ ${s.maximum}`);
  if (s.maxItems !== undefined) parts.push(`at most ${s.maxItems} items`);
  if (s.pattern && !s.format) parts.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  if (s.description) parts.push(s.description);
  return parts.join("; ");
}

export type FieldRow = { name: string; type: string; required: boolean; notes: string };

/** The fields of an object schema, or of each object of a union ("one of"); null for anything else. */
export function objectVariants(s: Schema): FieldRow[][] | null {
  const variants = s.anyOf ?? [s];
  if (!variants.every((v) => v.type === "object" && v.properties)) return null;
  return variants.map((v) =>
    Object.entries(v.properties!).map(([name, p]) => ({ name, type: typeText(p), required: v.required?.includes(name) ?? false, notes: constraintText(p) })),
  );
}
