import { describe, expect, it } from "vitest";
import { htmlPattern } from "./html-pattern";
import { SLUG_PATTERN } from "@/lib/projects/project-input";
import { SPLIT_PATTERN } from "@/lib/export/export-options";
import { IMPORT_NAME_PATTERN } from "@/lib/import/import-options";

// Browsers compile `pattern` as ^(?:…)$ with the v flag: the server's rules must be valid there and mean the same.
const asBrowser = (re: RegExp) => new RegExp(`^(?:${htmlPattern(re)})$`, "v");

describe("htmlPattern", () => {
  it("turns the server's rules into patterns a browser accepts, with the same verdicts", () => {
    const cases: [RegExp, string[], string[]][] = [
      [SLUG_PATTERN, ["iraq-2015", "a"], ["Iraq", "a--b", "-a"]],
      [SPLIT_PATTERN, ["80/10/10", "90/10", "0.5/0.5"], ["80", "80/10/10/0", "a/b"]],
      [IMPORT_NAME_PATTERN, ["ner-v1.2 run", ""], ["a/b", "x<y"]],
    ];
    for (const [re, good, bad] of cases) {
      for (const s of good) expect([re.test(s), asBrowser(re).test(s)], `${re} ${s}`).toEqual([true, true]);
      for (const s of bad) expect([re.test(s), asBrowser(re).test(s)], `${re} ${s}`).toEqual([false, false]);
    }
  });
});
