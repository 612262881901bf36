/**
 * Deterministic train/dev/test splits by document: a document's bucket comes
 * from SHA-256 of "<seed>:<document id>" alone, so the same seed puts the same
 * document in the same split on any machine, in any export order, whatever
 * else the corpus holds.
 */
import { createHash } from "node:crypto";

export type SplitName = "train" | "dev" | "test";

export type SplitPlan = { names: SplitName[]; shares: number[]; seed: string };

/** Three shares are train/dev/test; two are train/test. */
export function splitPlan(shares: number[], seed: string): SplitPlan {
  if (shares.length < 2 || shares.length > 3 || shares.some((s) => !(s > 0))) throw new RangeError("a split has 2 or 3 positive shares");
  const total = shares.reduce((a, b) => a + b, 0);
  return { names: shares.length === 3 ? ["train", "dev", "test"] : ["train", "test"], shares: shares.map((s) => s / total), seed };
}

/** A number in [0, 1) fixed by the seed and the document id. */
export function splitPoint(seed: string, documentId: string): number {
  const digest = createHash("sha256").update(`${seed}:${documentId}`, "utf8").digest();
  // 48 bits: exact in a double
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export function splitOf(plan: SplitPlan, documentId: string): SplitName {
  const x = splitPoint(plan.seed, documentId);
  let edge = 0;
  for (let i = 0; i < plan.names.length - 1; i++) {
    edge += plan.shares[i];
    if (x < edge) return plan.names[i];
  }
  return plan.names[plan.names.length - 1];
}
