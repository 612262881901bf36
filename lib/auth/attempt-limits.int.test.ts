import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { makeUser, TEST_PASSWORD, unique } from "@/lib/testing/factories";
import { actorOf, signInOverHttp } from "@/lib/testing/auth-session";
import { call } from "@/lib/testing/http";
import * as documents from "@/app/api/v1/documents/route";
import { db } from "@/lib/db";
import { setUserActive } from "@/lib/users/set-user-active";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { ATTEMPT_RULES } from "./attempt-limits";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx;
beforeAll(async () => {
  admin = await makeUser("ADMIN");
});

/** A fresh documentation-range address per test, so tests do not share address counters. */
const newAddress = () => `192.0.2.${randomBytes(1)[0]}-${randomBytes(3).toString("hex")}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The same check run by another process on the same database (another app instance). */
function checkFromAnotherProcess(email: string, password: string, address: string) {
  const out = execFileSync("npx", ["tsx", "lib/testing/check-credentials.ts", email, password, address], { env: process.env, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").at(-1)!) as { ok: boolean; retryAfter?: number | null };
}

/** CPU time of the whole process (scrypt runs on libuv's pool threads, which count too), in ms. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

describe(`failed sign-ins and tokens are limited, on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("per account: after 10 wrong passwords (from any addresses) even the right one is refused with 429 and Retry-After", async () => {
    const u = await makeUser();
    const { points } = ATTEMPT_RULES.signInAccount;
    for (let i = 0; i < points - 1; i++) {
      const r = await signInOverHttp(u.user.email, `wrong-${i}`, { address: newAddress() });
      expect(r.signedIn).toBe(false);
      expect(r.status).not.toBe(429);
    }
    // the failure that uses the last point already answers 429
    const last = await signInOverHttp(u.user.email, "wrong-again", { address: newAddress() });
    expect(last.status).toBe(429);
    const right = await signInOverHttp(u.user.email, TEST_PASSWORD, { address: newAddress() });
    expect(right.status).toBe(429);
    expect(right.signedIn).toBe(false);
    expect(Number(right.retryAfter)).toBeGreaterThan(60);
    expect(Number(right.retryAfter)).toBeLessThanOrEqual(ATTEMPT_RULES.signInAccount.blockDuration);
    // Another instance on the same database sees the same block.
    expect(checkFromAnotherProcess(u.user.email, TEST_PASSWORD, newAddress())).toMatchObject({ ok: false, retryAfter: expect.any(Number) });
    // Other accounts are not affected.
    const other = await makeUser();
    expect((await signInOverHttp(other.user.email, TEST_PASSWORD, { address: newAddress() })).signedIn).toBe(true);
  }, 60_000);

  it("an unknown email is limited exactly like a known one (no enumeration by lockout)", async () => {
    const email = `${unique("nobody")}@test.local`;
    for (let i = 0; i < ATTEMPT_RULES.signInAccount.points; i++) await signInOverHttp(email, `wrong-${i}`, { address: newAddress() });
    const over = await signInOverHttp(email, "wrong", { address: newAddress() });
    expect(over.status).toBe(429);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
  }, 60_000);

  it("per address: 50 failures over many accounts block the address, even for a right password", async () => {
    const address = newAddress();
    const { points } = ATTEMPT_RULES.signInAddress;
    for (let i = 0; i < points; i++) {
      const r = await signInOverHttp(`${unique("guess")}@test.local`, "password", { address });
      expect(r.status).toBe(i < points - 1 ? 302 : 429);
    }
    const u = await makeUser();
    const blocked = await signInOverHttp(u.user.email, TEST_PASSWORD, { address });
    expect(blocked.status).toBe(429);
    expect(blocked.signedIn).toBe(false);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(60);
    expect((await signInOverHttp(u.user.email, TEST_PASSWORD, { address: newAddress() })).signedIn).toBe(true);
  }, 120_000);

  it("a successful sign-in forgets the account's failures", async () => {
    const u = await makeUser();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < ATTEMPT_RULES.signInAccount.points - 1; i++) await signInOverHttp(u.user.email, "wrong", { address: newAddress() });
      expect((await signInOverHttp(u.user.email, TEST_PASSWORD, { address: newAddress() })).signedIn).toBe(true);
    }
  }, 60_000);

  it("unknown, deactivated and existing accounts cost the same password hash (medians within 20%)", async () => {
    const known = await makeUser();
    const off = await makeUser();
    await setUserActive({ actor: admin.actor, userId: off.user.id, active: false });
    const cases = {
      unknown: () => `${unique("ghost")}@test.local`,
      deactivated: () => off.user.email,
      existing: () => known.user.email,
    };
    const times: Record<keyof typeof cases, number[]> = { unknown: [], deactivated: [], existing: [] };
    const cpu: Record<keyof typeof cases, number[]> = { unknown: [], deactivated: [], existing: [] };
    await signInOverHttp(cases.unknown(), "warm-up", { address: newAddress() });
    // Interleaved rounds, each a wrong password (the right one for `deactivated`), below the per-account limit.
    for (let round = 0; round < 9; round++) {
      for (const name of Object.keys(cases) as (keyof typeof cases)[]) {
        const password = name === "deactivated" ? TEST_PASSWORD : "wrong-password";
        const [t0, c0] = [performance.now(), cpuMs()];
        const r = await signInOverHttp(cases[name](), password, { address: newAddress() });
        times[name].push(performance.now() - t0);
        cpu[name].push(cpuMs() - c0);
        expect(r.signedIn).toBe(false);
      }
    }
    const report = (t: typeof times) => JSON.stringify(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(median(v))])));
    console.log(`sign-in failure medians over 9 rounds: wall ms ${report(times)}, CPU ms ${report(cpu)}`);
    // CPU time is what the hash costs and what other processes on a busy machine barely disturb; a skipped hash would halve it.
    const cpuMedians = Object.values(cpu).map(median);
    expect(Math.max(...cpuMedians) / Math.min(...cpuMedians), report(cpu)).toBeLessThan(1.2);
    // Wall time is noisy on a shared machine: only a gross difference (a skipped hash) fails here.
    const wallMedians = Object.values(times).map(median);
    expect(Math.max(...wallMedians) / Math.min(...wallMedians), report(times)).toBeLessThan(1.6);
  }, 120_000);

  it("API tokens: failures per address end in 429 with Retry-After for further guesses; working tokens and other addresses are not affected", async () => {
    const u = await makeUser();
    const address = newAddress();
    const list = (token: string, from: string) => call(documents.GET, { path: "/api/v1/documents", token, headers: { "x-forwarded-for": from } });
    for (let i = 0; i < ATTEMPT_RULES.tokenAddress.points - 1; i++)
      expect((await list(`mrg_${randomBytes(32).toString("base64url")}`, address)).status).toBe(401);
    const over = await list("mrg_guess", address);
    expect(over.status).toBe(429);
    expect(over.json.error?.code).toBe("RATE_LIMITED");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(60);
    expect((await list(`mrg_${randomBytes(32).toString("base64url")}`, address)).status).toBe(429);
    expect((await list(u.token, address)).status).toBe(200); // a colleague behind the same address keeps working
    expect((await list(u.token, newAddress())).status).toBe(200);
    // a malformed header counts too
    const bad = await call(documents.GET, { path: "/api/v1/documents", headers: { authorization: "Basic x", "x-forwarded-for": address } });
    expect(bad.status).toBe(429);
  });

  it("API tokens: failures with a revoked token of the account block that token, never the account's live ones", async () => {
    const u = await makeUser();
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: u.user.id } });
    await revokeApiToken({ actor: u.actor, tokenId: row.id });
    const { createApiToken } = await import("./api-tokens");
    const live = await createApiToken({ userId: u.user.id, name: "live" });
    const list = (token: string) => call(documents.GET, { path: "/api/v1/documents", token, headers: { "x-forwarded-for": newAddress() } });
    for (let i = 0; i < ATTEMPT_RULES.tokenAccount.points - 1; i++) expect((await list(u.token)).status).toBe(401);
    const over = await list(u.token);
    expect(over.status).toBe(429);
    expect(Number((await list(u.token)).headers.get("retry-after"))).toBeGreaterThan(60);
    expect((await list(live.token)).status).toBe(200); // holding an old token is no way to lock the user out
  });

  it("signs in normally, and the session acts for the user", async () => {
    const u = await makeUser();
    const r = await signInOverHttp(u.user.email, TEST_PASSWORD, { address: newAddress() });
    expect(r.signedIn).toBe(true);
    expect((await actorOf(r.cookie))?.id).toBe(u.user.id);
  });
});
