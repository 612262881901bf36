/**
 * Blind review: reviewers see "Annotator 1, 2, …" (numbered by when each
 * layer was started, so the numbers stay put) instead of names.
 */
export function annotatorName(opts: { blind: boolean; position: number; name: string }): string {
  return opts.blind ? `Annotator ${opts.position + 1}` : opts.name;
}
