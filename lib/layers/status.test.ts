import { describe, expect, it } from "vitest";
import { nextStatus } from "./status";
import { LAYER_STATUSES } from "@/lib/domain/enums";

describe("layer status", () => {
  it("follows submit → approve, and submit → reject → resubmit", () => {
    expect(nextStatus("IN_PROGRESS", "SUBMIT")).toBe("SUBMITTED");
    expect(nextStatus("SUBMITTED", "APPROVE")).toBe("APPROVED");
    expect(nextStatus("SUBMITTED", "REJECT")).toBe("REJECTED");
    expect(nextStatus("REJECTED", "SUBMIT")).toBe("SUBMITTED");
  });

  it("refuses every other move with a conflict", () => {
    const allowed = new Set(["NOT_STARTED:SUBMIT", "IN_PROGRESS:SUBMIT", "REJECTED:SUBMIT", "SUBMITTED:APPROVE", "SUBMITTED:REJECT"]);
    for (const s of LAYER_STATUSES) {
      for (const a of ["SUBMIT", "APPROVE", "REJECT"] as const) {
        if (allowed.has(`${s}:${a}`)) continue;
        expect(() => nextStatus(s, a), `${s} ${a}`).toThrow(/This layer is/);
      }
    }
  });
});
