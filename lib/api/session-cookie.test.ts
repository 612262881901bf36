import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "./session-cookie";

const req = (cookie?: string) => new Request("http://localhost/api/v1/documents", { headers: cookie ? { cookie } : {} });

describe("hasSessionCookie", () => {
  it("sees Auth.js session cookies, plain, secure and chunked", () => {
    expect(hasSessionCookie(req("authjs.session-token=abc"))).toBe(true);
    expect(hasSessionCookie(req("theme=dark; __Secure-authjs.session-token=abc"))).toBe(true);
    expect(hasSessionCookie(req("authjs.session-token.0=abc; authjs.session-token.1=def"))).toBe(true);
  });
  it("is false without one", () => {
    expect(hasSessionCookie(req())).toBe(false);
    expect(hasSessionCookie(req("authjs.csrf-token=x; authjs.callback-url=y"))).toBe(false);
    expect(hasSessionCookie(req("my-authjs.session-token=abc"))).toBe(false);
  });
});
