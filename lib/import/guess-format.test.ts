import { describe, expect, it } from "vitest";
import { guessFormat } from "./guess-format";

describe("guessFormat (what the import form shows before uploading)", () => {
  it("follows the parser's rules: names first, then the first record's shape", () => {
    expect(guessFormat([], "")).toBe("");
    expect(guessFormat(["a.txt", "b.TXT"], "anything")).toBe("txt");
    expect(guessFormat(["tasks.json"], "{}")).toBe("label-studio");
    expect(guessFormat(["x.jsonl"], '  [{"data":{}}]')).toBe("label-studio");
    expect(guessFormat(["x.jsonl"], '{"manifest":{}}\n{"data":{"text":"a"}}')).toBe("label-studio");
    expect(guessFormat(["x.jsonl"], '{"text":"a","label":[[0,1,"X"]]}')).toBe("doccano");
    expect(guessFormat(["x.jsonl"], '{"title":"t","text":"a","meta":{},"spans":[]}')).toBe("native");
    expect(guessFormat(["x.jsonl"], '{"text":"a","spans":[]}')).toBe("spacy");
    expect(guessFormat(["x.jsonl"], "not json")).toBe("");
  });
});
