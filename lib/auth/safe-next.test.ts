import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeNextPath, safeRedirectUrl } from "./safe-next";

const ORIGIN = "https://annotate.example.org";
/** Where a browser would go with `Location: <path>` from ORIGIN. */
const landsOn = (path: string) => new URL(path, ORIGIN).origin;

const FOREIGN = [
  "/\\evil.example/phish",
  "/%5Cevil.example/phish".replace("%5C", "\\"),
  "/\t/evil.example",
  "/\u0009/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "//evil.example",
  "///evil.example",
  "//evil.example/path?x=1",
  "/\\/evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/./\\evil.example",
  "https://evil.example/",
  "http:evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " /documents",
  "evil.example",
  "",
  "/\u0000//evil.example",
  "/\u007f/evil.example",
  "/\u0085/evil.example",
  "/\u2028//evil.example",
];

const SAME = [
  ["/", "/"],
  ["/documents", "/documents"],
  ["/documents/abc?tab=history#span-3", "/documents/abc?tab=history#span-3"],
  ["/review?state=waiting", "/review?state=waiting"],
  ["/%5Cevil.example", "/%5Cevil.example"],
  ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ["/a/../b", "/b"],
  ["/projects/x/../../admin", "/admin"],
  ["/documents/é", "/documents/%C3%A9"],
] as const;

describe("safeNextPath", () => {
  it.each(FOREIGN)("refuses %j", (next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  it.each(SAME)("keeps %j as %j", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it("refuses what is not a string, or too long", () => {
    for (const v of [null, undefined, 42, ["/documents"], { toString: () => "/x" }]) expect(safeNextPath(v)).toBe("/");
    expect(safeNextPath("/" + "a".repeat(5000))).toBe("/");
  });

  it("never leaves the origin, whatever the string (property)", () => {
    const risky = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      "\u0000",
      ".",
      "..",
      "%",
      "5C",
      "2F",
      ":",
      "@",
      "evil.example",
      "?",
      "#",
      " ",
      "\u3000",
      "\uff0f",
    );
    const input = fc.oneof(
      fc.string({ unit: "grapheme-ascii" }),
      fc.array(risky, { maxLength: 12 }).map((a) => a.join("")),
      fc.string(),
    );
    fc.assert(
      fc.property(input, (next) => {
        const out = safeNextPath(next);
        expect(out.startsWith("/")).toBe(true);
        expect(out.startsWith("//")).toBe(false);
        expect(out).not.toMatch(/[\\\u0000-\u001f]/);
        expect(landsOn(out)).toBe(ORIGIN);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("safeRedirectUrl (Auth.js redirect callback)", () => {
  it("keeps same-origin targets and sends everything else home", () => {
    expect(safeRedirectUrl("/documents", ORIGIN)).toBe(`${ORIGIN}/documents`);
    expect(safeRedirectUrl(`${ORIGIN}/review?x=1`, ORIGIN)).toBe(`${ORIGIN}/review?x=1`);
    expect(safeRedirectUrl("/\\evil.example/phish", ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeRedirectUrl("/\t/evil.example", ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeRedirectUrl("https://evil.example/", ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeRedirectUrl("https://annotate.example.org.evil.example/", ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeRedirectUrl(`${ORIGIN}//evil.example`, ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeRedirectUrl("not a url", ORIGIN)).toBe(`${ORIGIN}/`);
  });
});
