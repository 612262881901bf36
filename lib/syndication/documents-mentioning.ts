/**
 * Whether another document of the project holds the words of a span (as a
 * cited source's name reappears), outside a given set of documents: the
 * database-backed counterpart of SyndicationIndex.documentsMentioning, for
 * the corroboration check. The needle is usually shorter than a shingle, so
 * the shingle index cannot answer it; instead the project's texts are read
 * page by page (time-sliced), each checked first by a cheap necessary
 * condition (its letters and digits, folded as words are, contain the
 * needle's) and only then word by word. It stops at the first mention.
 */
import { db } from "@/lib/db";
import { VISIBLE_DOCUMENT } from "@/lib/documents/visible";
import { slicer } from "@/lib/util/time-slice";
import { syndicationWordsAsync, type Word } from "./words";

const PAGE = 100;
const NOT_WORD = /[^\p{L}\p{M}\p{N}]/gu;

/** The text's letters, marks and digits, folded as word norms are (final sigma as sigma). */
export const squash = (text: string) => text.normalize("NFKC").toLowerCase().replace(NOT_WORD, "").replace(/ς/g, "σ");

export function containsWords(words: Word[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= words.length; i++) {
    if (needle.every((n, k) => words[i + k].norm === n)) return true;
  }
  return false;
}

export async function mentionedOutside(opts: { projectId: string; documentId: string; needle: string[]; except: ReadonlySet<string> }): Promise<boolean> {
  if (opts.needle.length === 0) return false;
  const folded = squash(opts.needle.join(""));
  const skip = [opts.documentId, ...opts.except];
  const clock = slicer();
  let cursor: string | undefined;
  for (;;) {
    const page = await db.document.findMany({
      where: { projectId: opts.projectId, ...VISIBLE_DOCUMENT, id: { notIn: skip } },
      select: { id: true, text: true },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const d of page) {
      if (clock.due()) await clock.pause();
      if (!squash(d.text).includes(folded)) continue;
      if (containsWords(await syndicationWordsAsync(d.text), opts.needle)) return true;
    }
    if (page.length < PAGE) return false;
    cursor = page[page.length - 1].id;
  }
}
