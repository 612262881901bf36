import { describe, expect, it } from "vitest";
import { LlmEndpointConfig } from "./config";

const ok = { baseUrl: "http://localhost:11434/v1/", model: "llama3.1:8b", timeoutMs: 60_000, maxRetries: 3, requestsPerMinute: 60 };
const problem = (input: unknown) => {
  const r = LlmEndpointConfig.safeParse(input);
  return r.success ? null : r.error.issues[0].message;
};

describe("LlmEndpointConfig", () => {
  it("takes an http(s) base URL, without its trailing slash, and a blank key as none", () => {
    expect(LlmEndpointConfig.parse({ ...ok, apiKey: " " })).toEqual({ ...ok, baseUrl: "http://localhost:11434/v1", apiKey: undefined });
    expect(LlmEndpointConfig.parse({ ...ok, baseUrl: "https://api.example.com/v1", apiKey: "sk-abc" }).apiKey).toBe("sk-abc");
  });

  it("refuses base URLs that are not plain http(s) endpoints", () => {
    expect(problem({ ...ok, baseUrl: "localhost:11434" })).toMatch(/http/);
    expect(problem({ ...ok, baseUrl: "not a url" })).toMatch(/Enter a full URL/);
    expect(problem({ ...ok, baseUrl: "x".repeat(3000) })).not.toBeNull();
    expect(problem({ ...ok, baseUrl: "ftp://example.com/v1" })).toMatch(/http:\/\/ or https:\/\//);
    expect(problem({ ...ok, baseUrl: "file:///etc/passwd" })).toMatch(/http:\/\/ or https:\/\//);
    expect(problem({ ...ok, baseUrl: "https://user:sk-secret@example.com/v1" })).toMatch(/API key field/);
    expect(problem({ ...ok, baseUrl: "https://example.com/v1?key=sk-secret" })).toMatch(/no query/);
  });

  it("keeps numbers within bounds", () => {
    expect(problem({ ...ok, timeoutMs: 10 })).not.toBeNull();
    expect(problem({ ...ok, maxRetries: 11 })).not.toBeNull();
    expect(problem({ ...ok, requestsPerMinute: 0 })).not.toBeNull();
    expect(problem({ ...ok, model: "" })).not.toBeNull();
  });

  it("refuses a key that could not be a header, without quoting it", () => {
    const key = "sk-secret\nX-Evil: 1";
    const r = LlmEndpointConfig.safeParse({ ...ok, apiKey: key });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error)).not.toContain("sk-secret");
  });
});
