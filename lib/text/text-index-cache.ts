/**
 * Position tables of the documents being annotated, kept between requests:
 * each span write converts offsets in its document, and building the tables
 * walks the whole text (tens of milliseconds at 2,000,000 characters, on
 * every create). A document's text never changes after import, so the cache
 * is keyed by id and text hash and needs no invalidation; it holds the most
 * recently used documents up to a total length.
 */
import { TextIndex } from "./offsets";

const MAX_CHARACTERS = 8_000_000; // a few long reports; tables cost about 4–8 bytes a character
const cache = new Map<string, TextIndex>();
let held = 0;

const keyOf = (doc: { id: string; textHash: string }) => `${doc.id}:${doc.textHash}`;

function cached(key: string): TextIndex | undefined {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recent last
    cache.set(key, hit);
  }
  return hit;
}

/** The document's index, reading its text (`loadText`) only when the index is not held already. */
export async function documentTextIndexOf(doc: { id: string; textHash: string }, loadText: (documentId: string) => Promise<string>): Promise<TextIndex> {
  return cached(keyOf(doc)) ?? documentTextIndex({ ...doc, text: await loadText(doc.id) });
}

export function documentTextIndex(doc: { id: string; textHash: string; text: string }): TextIndex {
  const key = keyOf(doc);
  const hit = cached(key);
  if (hit) return hit;
  const index = new TextIndex(doc.text);
  if (doc.text.length > MAX_CHARACTERS) return index;
  cache.set(key, index);
  held += doc.text.length;
  for (const [k, old] of cache) {
    if (held <= MAX_CHARACTERS) break;
    cache.delete(k);
    held -= old.text.length;
  }
  return index;
}
