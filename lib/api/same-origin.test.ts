import { afterEach, describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const req = (headers: Record<string, string>) => ({ headers: new Headers(headers) });

describe("isSameOrigin", () => {
  afterEach(() => {
    delete process.env.TRUST_PROXY;
    delete process.env.APP_URL;
  });

  it("accepts the host the browser addressed, whatever it is", () => {
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(isSameOrigin(req({ host: "annotate.team.lan", origin: "https://annotate.team.lan" }))).toBe(true);
    expect(isSameOrigin(req({ host: "Annotate.Team.LAN:8080", origin: "http://annotate.team.lan:8080" }))).toBe(true);
  });

  it("accepts requests without an Origin (API clients, same-origin GETs)", () => {
    expect(isSameOrigin(req({ host: "localhost:3000" }))).toBe(true);
  });

  it("refuses another host, another port, null and malformed origins", () => {
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "http://evil.example" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3001" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "null" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "::::" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "http://127.0.0.1:3000" }))).toBe(false);
  });

  it("ignores X-Forwarded-Host unless the proxy is trusted", () => {
    const r = req({ host: "app:3000", "x-forwarded-host": "annotate.example.org", origin: "https://annotate.example.org" });
    expect(isSameOrigin(r)).toBe(false);
    process.env.TRUST_PROXY = "1";
    expect(isSameOrigin(r)).toBe(true);
  });

  it("accepts the public address named by APP_URL", () => {
    const r = req({ host: "app:3000", origin: "https://annotate.example.org" });
    expect(isSameOrigin(r)).toBe(false);
    process.env.APP_URL = "https://annotate.example.org/";
    expect(isSameOrigin(r)).toBe(true);
  });
});
