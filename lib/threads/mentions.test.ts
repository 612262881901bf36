import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findMentions, type MentionCandidate } from "./mentions";

const people: MentionCandidate[] = [
  { userId: "ana", names: ["Ana María Ruiz", "aruiz"] },
  { userId: "anna", names: ["Anna", "anna.k"] },
  { userId: "ann", names: ["Ann", "ann"] },
  { userId: "bob", names: ["Bob Stone", "bstone"] },
];

describe("findMentions", () => {
  it("matches names with spaces, without regard to case, and email local parts", () => {
    expect(findMentions("@ana maría ruiz please look", people)).toEqual(["ana"]);
    expect(findMentions("cc @BSTONE", people)).toEqual(["bob"]);
    expect(findMentions("@anna.k, and @Bob Stone.", people)).toEqual(["anna", "bob"]);
  });

  it("takes the longest name and only where a word ends", () => {
    expect(findMentions("@Anna see this", people)).toEqual(["anna"]);
    expect(findMentions("@Ann see this", people)).toEqual(["ann"]);
    expect(findMentions("@Annabel see this", people)).toEqual([]);
  });

  it("ignores an @ inside a word, unknown names, and repeats", () => {
    expect(findMentions("write to bob@bstone.example", people)).toEqual([]);
    expect(findMentions("@nobody here", people)).toEqual([]);
    expect(findMentions("@bob stone @Bob Stone @bstone", people)).toEqual(["bob"]);
  });

  it("never mentions someone whose name is not in the text after an @", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        for (const id of findMentions(text, people)) {
          const names = people.find((p) => p.userId === id)!.names.map((n) => `@${n.toLocaleLowerCase()}`);
          expect(names.some((n) => text.toLocaleLowerCase().includes(n))).toBe(true);
        }
      }),
    );
  });

  it("finds a name placed anywhere after a space", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), fc.constantFrom(...people), (before, after, who) => {
        const text = `${before} @${who.names[0]} ${after}`;
        expect(findMentions(text, people)).toContain(who.userId);
      }),
    );
  });
});
