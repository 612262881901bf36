/**
 * Finds the names and aliases of the project's entity registry in a text:
 * case-sensitive ("IS" the group, not "is"), whole words, any run of spaces
 * or tabs (no-break spaces too) where the alias has a space. Aliases are
 * looked up by their first word at each word start, so the cost grows with
 * the text, not with the text times the size of the registry. Where several
 * aliases start at one place, the longest wins ("Sergey V. Lavrov" over
 * "Sergey").
 */
import type { RegistryEntity } from "@/lib/assist/recognizer";

export type RegistryMatch = { from: number; to: number; entityId: string; label: string }; // UTF-16

type Alias = { tokens: string[]; entityId: string; label: string };

const WORD = /[\p{L}\p{N}]/u;
const FIRST_WORD = /^[\p{L}\p{N}]+/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD.test(c);
const isBlank = (c: string | undefined) => c !== undefined && c !== "\n" && /\s/.test(c);

export class RegistryIndex {
  private readonly byFirstWord = new Map<string, Alias[]>();

  constructor(registry: readonly RegistryEntity[]) {
    for (const entity of registry) {
      for (const name of new Set([entity.name, ...entity.aliases])) {
        const tokens = name.normalize("NFC").trim().split(/\s+/);
        const key = FIRST_WORD.exec(tokens[0])?.[0];
        if (!key) continue; // an alias must start with a letter or digit to be found at a word start
        const list = this.byFirstWord.get(key) ?? [];
        list.push({ tokens, entityId: entity.id, label: entity.type });
        this.byFirstWord.set(key, list);
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.tokens.join(" ").length - a.tokens.join(" ").length);
  }

  get isEmpty(): boolean {
    return this.byFirstWord.size === 0;
  }

  /** Non-overlapping matches in `text[from, to)`, by position; earlier and then longer ones win. */
  find(text: string, from = 0, to = text.length): RegistryMatch[] {
    const out: RegistryMatch[] = [];
    const words = /[\p{L}\p{N}]+/gu;
    words.lastIndex = from;
    let taken = from;
    for (let m = words.exec(text); m !== null && m.index < to; m = words.exec(text)) {
      if (m.index < taken) continue;
      const candidates = this.byFirstWord.get(m[0]);
      if (!candidates) continue;
      for (const alias of candidates) {
        const end = matchAt(text, m.index, to, alias.tokens);
        if (end !== -1) {
          out.push({ from: m.index, to: end, entityId: alias.entityId, label: alias.label });
          taken = end;
          break;
        }
      }
    }
    return out;
  }
}

/** End of `tokens` (joined by blanks) at `at`, as a whole word, or -1. */
function matchAt(text: string, at: number, limit: number, tokens: readonly string[]): number {
  let pos = at;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0) {
      if (!isBlank(text[pos])) return -1;
      while (isBlank(text[pos])) pos++;
    }
    if (!text.startsWith(tokens[i], pos)) return -1;
    pos += tokens[i].length;
  }
  if (pos > limit) return -1;
  if (isWordChar(text[pos - 1]) && isWordChar(text[pos])) return -1;
  return pos;
}
