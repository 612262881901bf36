/**
 * What callers may send about registry entities. The external identifier is
 * free text (any authority's id or a URL) with one convenience: anything that
 * looks like a Wikidata item ("Q42", "q42", "wd:Q42" or a wikidata.org URL)
 * is stored as the bare QID "Q42"; a "Q…" that is not Q plus digits is refused.
 */
import { z } from "zod";

const Text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

export const AliasText = Text(200);

const WIKIDATA = /^(?:https?:\/\/(?:www\.|m\.)?wikidata\.org\/(?:wiki|entity)\/|wd:)?([Qq])(\d+)$/;

export const ExternalId = z
  .string()
  .trim()
  .max(300)
  .transform((s, ctx) => {
    if (s === "") return null;
    const m = WIKIDATA.exec(s);
    if (m) return `Q${m[2]}`;
    if (/^Q\S*$/.test(s) && !/^Q\d+$/.test(s)) {
      ctx.addIssue({ code: "custom", message: `"${s}" looks like a Wikidata id but is not one (Q followed by digits, e.g. Q42)` });
      return z.NEVER;
    }
    return s;
  })
  .nullable();

export const NewEntity = z.object({
  name: Text(200),
  type: Text(100),
  aliases: z.array(AliasText).max(100).default([]),
  note: z.string().max(5000).default(""),
  externalId: ExternalId.optional(),
});

export const EntityPatch = z
  .object({
    name: Text(200).optional(),
    type: Text(100).optional(),
    note: z.string().max(5000).optional(),
    externalId: ExternalId.optional(),
    /** the `updatedAt` the caller last saw; a later change answers 409 */
    updatedAt: z.string().datetime().optional(),
  })
  .refine(
    (v) => v.name !== undefined || v.type !== undefined || v.note !== undefined || v.externalId !== undefined,
    "Change at least one of name, type, note, externalId",
  );
