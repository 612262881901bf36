import { expect } from "vitest";
import type { DrillResult } from "./crash-drill";

/** The drill's outcome: the kill cut saves in flight, and every acknowledged one survived exactly once. */
export function expectNothingLost(r: DrillResult) {
  expect(r.acknowledgedBeforeKill).toBeGreaterThanOrEqual(40);
  expect(r.cutOff, "the kill landed while saves were in flight").toBeGreaterThan(0);
  expect(r.verdict.acknowledgedUpdates + r.verdict.acknowledgedDeletes).toBeGreaterThan(0);
  expect(
    {
      lost: r.verdict.lost,
      doubled: r.verdict.doubled,
      deletedButPresent: r.verdict.deletedButPresent,
      wrongLabel: r.verdict.wrongLabel,
      auditMismatches: r.verdict.auditMismatches,
    },
    r.verdict.examples.join("\n"),
  ).toEqual({
    lost: 0,
    doubled: 0,
    deletedButPresent: 0,
    wrongLabel: 0,
    auditMismatches: 0,
  });
  expect(r.writeAfterRestart).toBe(201);
}
