import { afterEach, describe, expect, it } from "vitest";
import { addressKey, clientAddress } from "./client-address";

const h = (o: Record<string, string>) => new Headers(o);

describe("clientAddress", () => {
  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });

  it("takes the TCP peer the preload wrote, over anything the client put in X-Forwarded-For", () => {
    expect(clientAddress(h({ "x-marginalia-peer": "10.0.0.7", "x-forwarded-for": "1.2.3.4" }))).toBe("10.0.0.7");
  });

  it("behind a trusted proxy, takes the entry the proxy appended (the last)", () => {
    process.env.TRUST_PROXY = "1";
    expect(clientAddress(h({ "x-marginalia-peer": "10.0.0.1", "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("without preload, falls back to X-Forwarded-For; without any, null", () => {
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientAddress(h({}))).toBeNull();
  });

  it("counts IPv4-mapped addresses as IPv4 and IPv6 per /64", () => {
    expect(addressKey("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(addressKey("2001:db8:0:1::42")).toBe("2001:db8:0:1::/64");
    expect(addressKey("2001:0db8:0000:0001:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:0:1::/64");
    expect(addressKey("[2001:db8::1]")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});
