import { beforeAll, describe, expect, it } from "vitest";
import { open, seal } from "./secret-box";
import { isLoopback } from "./endpoint-policy";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "unit-test-secret";
});

describe("secret box", () => {
  it("seals so that the key is not in the stored text, and opens it again", () => {
    const sealed = seal("sk-very-secret-key");
    expect(sealed).not.toContain("sk-very-secret-key");
    expect(seal("sk-very-secret-key")).not.toBe(sealed); // a fresh IV each time
    expect(open(sealed)).toBe("sk-very-secret-key");
  });

  it("refuses a tampered value", () => {
    const sealed = seal("abc");
    const parts = sealed.split(".");
    parts[3] = Buffer.from("abd").toString("base64url");
    expect(() => open(parts.join("."))).toThrow(/cannot be read/);
  });
});

describe("endpoint policy", () => {
  it("tells loopback hosts from the rest", () => {
    expect(isLoopback("http://localhost:11434/v1")).toBe(true);
    expect(isLoopback("http://127.0.0.1:8080/v1")).toBe(true);
    expect(isLoopback("http://[::1]:8080/v1")).toBe(true);
    expect(isLoopback("https://api.example.com/v1")).toBe(false);
    expect(isLoopback("http://localhost.example.com/v1")).toBe(false);
    expect(isLoopback("not a url")).toBe(false);
  });
});
