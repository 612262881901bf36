/** How the dashboard writes its numbers. */

/** A coefficient to two decimals ("0.00", never "-0.00"), or "—" where it is undefined. */
export const formatStat = (x: number | null) => (x === null ? "—" : (Math.abs(x) < 0.005 ? 0 : x).toFixed(2));

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** "n = 1,204 words, 3 docs": what a figure rests on. */
export const unitsNote = (units: number, documents: number) => `n = ${plural(units, "word")}, ${plural(documents, "doc")}`;
