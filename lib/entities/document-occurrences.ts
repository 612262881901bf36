/**
 * Registry names found in a document, remembered per document and registry
 * state. Texts never change, so the occurrences change only when the
 * project's aliases do; finding them scans the whole text once per alias,
 * which on a long report is too slow to repeat for every request of the
 * suggestions panel (it asks again after each change of the layer).
 */
import { createHash } from "node:crypto";
import { findOccurrences, type Needle, type Occurrence } from "./find-occurrences";

const MAX_ENTRIES = 64;
const cache = new Map<string, Occurrence[]>();

export function documentOccurrences(doc: { id: string; text: string }, needles: Needle[]): Occurrence[] {
  const registry = createHash("sha256");
  const names = needles.map((n) => `${n.entityId}\u0000${n.alias}`).sort();
  for (const n of names) registry.update(`${n}\u0001`);
  const key = `${doc.id}:${registry.digest("base64url")}`;
  let found = cache.get(key);
  if (found) {
    cache.delete(key); // most recently used last
  } else {
    found = findOccurrences(doc.text, needles);
    while (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, found);
  return found;
}
