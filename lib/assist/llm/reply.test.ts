import { describe, expect, it } from "vitest";
import { parseCompletion, responseFormat } from "./reply";

const completion = (content: string | null, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ choices: [{ index: 0, message: { role: "assistant", content, ...extra }, finish_reason: "stop" }] });

describe("responseFormat", () => {
  it("asks for strict structured output with the label names as an enum", () => {
    const f = responseFormat(["PERSON", "GPE"]);
    expect(f.type).toBe("json_schema");
    expect(f.json_schema.strict).toBe(true);
    expect(f.json_schema.schema.properties.spans.items.properties.label.enum).toEqual(["PERSON", "GPE"]);
    expect(f.json_schema.schema.properties.spans.items.required).toEqual(["label", "text", "occurrence"]);
    expect(JSON.stringify(f)).not.toMatch(/offset|start|end"/);
  });
});

describe("parseCompletion", () => {
  it("reads the spans of a structured reply", () => {
    const r = parseCompletion(completion(JSON.stringify({ spans: [{ label: "GPE", text: "Iraq", occurrence: 1 }] })));
    expect(r).toEqual({ ok: true, spans: [{ label: "GPE", text: "Iraq", occurrence: 1 }] });
  });

  it("takes off one Markdown fence around the JSON", () => {
    const r = parseCompletion(completion('```json\n{"spans": []}\n```'));
    expect(r).toEqual({ ok: true, spans: [] });
  });

  it("says what is wrong without quoting the reply", () => {
    const secret = "SECRET-IN-REPLY";
    const cases: [string, RegExp][] = [
      [`not json ${secret}`, /was not a chat completion/],
      [JSON.stringify({ choices: [] }), /was not a chat completion/],
      [completion(`{"spans": [ ${secret}`), /was not valid JSON/],
      [completion(JSON.stringify({ items: [secret] })), /did not match the asked schema \(spans: invalid_type\)/],
      [completion(JSON.stringify({ spans: [{ label: "GPE", text: 3, occurrence: 1 }] })), /spans\.0\.text/],
      [completion(null), /had no content/],
      [completion(null, { refusal: `no ${secret}` }), /was a refusal/],
      [JSON.stringify({ choices: [{ message: { content: '{"spans": [' }, finish_reason: "length" }] }), /cut off/],
    ];
    for (const [body, problem] of cases) {
      const r = parseCompletion(body);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problem).toMatch(problem);
        expect(r.problem).not.toContain(secret);
      }
    }
  });
});
