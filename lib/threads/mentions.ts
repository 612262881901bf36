/**
 * `@name` mentions in a post's plain text. A name is a project member's name
 * as the writer sees it (a pseudonym under blind review), matched without
 * regard to case and possibly with spaces ("@Ana María Ruiz"), or the local
 * part of their email ("@aruiz"). After an `@`, the longest name that matches
 * wins, and it must end where a word ends ("@Ann" does not mention "Anna").
 * An `@` inside a word (an email address in the text) mentions nobody.
 */

/** A person who may be mentioned, under every name that mentions them. */
export type MentionCandidate = { userId: string; names: string[] };

const WORD = /[\p{L}\p{N}_]/u;

/** The ids of the candidates the text mentions, in order of first mention, each once. */
export function findMentions(text: string, candidates: MentionCandidate[]): string[] {
  const names: { lower: string; userId: string }[] = [];
  for (const c of candidates) {
    for (const name of c.names) {
      const lower = name.trim().toLocaleLowerCase();
      if (lower) names.push({ lower, userId: c.userId });
    }
  }
  names.sort((a, b) => b.lower.length - a.lower.length);
  const found: string[] = [];
  const lowerText = text.toLocaleLowerCase();
  // Lower-casing may change lengths for a few characters (İ); compare on the lowered text only where it kept the length.
  const sameLength = lowerText.length === text.length;
  const haystack = sameLength ? lowerText : text;
  for (let at = haystack.indexOf("@"); at !== -1; at = haystack.indexOf("@", at + 1)) {
    if (at > 0 && WORD.test(haystack[at - 1])) continue;
    const rest = haystack.slice(at + 1);
    const hit = names.find((n) => (sameLength ? rest.startsWith(n.lower) : rest.toLocaleLowerCase().startsWith(n.lower)) && endsWord(rest, n.lower.length));
    if (hit && !found.includes(hit.userId)) found.push(hit.userId);
  }
  return found;
}

function endsWord(rest: string, length: number): boolean {
  const next = rest.slice(length, length + 2);
  if (!next) return true;
  const first = String.fromCodePoint(next.codePointAt(0)!);
  return !WORD.test(first);
}
