/** Zod schemas for project fields, shared by the forms, the API and the domain. */
import { z } from "zod";

export const ProjectName = z.string().trim().min(1, "Give the project a name").max(120, "Project names have at most 120 characters");

/** Also the slug field's `pattern` in the browser. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ProjectSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Give a slug")
  .max(60, "Slugs have at most 60 characters")
  .regex(SLUG_PATTERN, "Slugs are lower-case letters and digits joined by single hyphens, e.g. iraq-2015");

export const Guidelines = z.string().max(50_000, "Guidelines have at most 50,000 characters");

/** A slug suggested from a name: "Iraq & Russia (2015)" → "iraq-russia-2015". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}
