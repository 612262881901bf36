import { beforeAll, describe, expect, it } from "vitest";
import { makeUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { actorOf, sessionOf, signInOverHttp, signOutOverHttp } from "@/lib/testing/auth-session";
import { call } from "@/lib/testing/http";
import * as documents from "@/app/api/v1/documents/route";
import { db } from "@/lib/db";
import { resetPassword } from "@/lib/users/reset-password";
import { changeUserRole } from "@/lib/users/change-user-role";
import { setUserActive } from "@/lib/users/set-user-active";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
});

/** A user signed in through Auth.js; the saved cookie is what an attacker would copy. */
async function signedIn(role: "ANNOTATOR" | "REVIEWER" = "ANNOTATOR") {
  const u = await makeUser(role);
  const session = await signInOverHttp(u.user.email, TEST_PASSWORD, { address: `198.51.100.${Math.floor(Math.random() * 250)}` });
  expect(session.signedIn).toBe(true);
  expect((await actorOf(session.cookie))?.id).toBe(u.user.id);
  return { ...u, session };
}

describe(`sessions end when they should, on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("signing out ends the session: the saved cookie no longer acts for the user", async () => {
    const u = await signedIn();
    const saved = u.session.cookie;
    await signOutOverHttp(new Map(u.session.jar));
    // The JWT itself is still well signed and unexpired; the server refuses it.
    expect((await sessionOf(saved))?.user?.id).toBe(u.user.id);
    expect(await actorOf(saved)).toBeNull();
    // Signing in again works, with a new session.
    const again = await signInOverHttp(u.user.email, TEST_PASSWORD);
    expect((await actorOf(again.cookie))?.id).toBe(u.user.id);
  });

  it("a password reset ends every session and revokes the user's API tokens", async () => {
    const u = await signedIn();
    const other = await signInOverHttp(u.user.email, TEST_PASSWORD); // a second device
    expect((await call(documents.GET, { path: "/api/v1/documents", token: u.token })).status).toBe(200);
    const { tokensRevoked } = await resetPassword({ actor: admin.actor, userId: u.user.id });
    expect(tokensRevoked).toBe(1);
    expect(await actorOf(u.session.cookie)).toBeNull();
    expect(await actorOf(other.cookie)).toBeNull();
    const refused = await call(documents.GET, { path: "/api/v1/documents", token: u.token });
    expect(refused.status).toBe(401);
    expect(await db.apiToken.count({ where: { userId: u.user.id, revokedAt: null } })).toBe(0);
  });

  it("a role change ends the sessions; the user signs in again with the new role", async () => {
    const u = await signedIn();
    await changeUserRole({ actor: admin.actor, userId: u.user.id, role: "REVIEWER" });
    expect(await actorOf(u.session.cookie)).toBeNull();
    const again = await signInOverHttp(u.user.email, TEST_PASSWORD);
    expect((await actorOf(again.cookie))?.role).toBe("REVIEWER");
    // tokens stay, and act with the new role
    const res = await call(documents.GET, { path: "/api/v1/documents", token: u.token });
    expect(res.status).toBe(200);
  });

  it("deactivation ends the sessions for good: reactivation does not bring an old session back", async () => {
    const u = await signedIn();
    await setUserActive({ actor: admin.actor, userId: u.user.id, active: false });
    expect(await actorOf(u.session.cookie)).toBeNull();
    await setUserActive({ actor: admin.actor, userId: u.user.id, active: true });
    expect(await actorOf(u.session.cookie)).toBeNull();
    const again = await signInOverHttp(u.user.email, TEST_PASSWORD);
    expect((await actorOf(again.cookie))?.id).toBe(u.user.id);
  });

  it("a session without a version (signed before this rule) is over", async () => {
    const u = await signedIn();
    const session = await sessionOf(u.session.cookie);
    const { actorForSession } = await import("@/lib/auth");
    expect(await actorForSession({ ...session!, sessionVersion: undefined })).toBeNull();
  });
});
