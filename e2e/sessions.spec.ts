import { expect, test } from "@playwright/test";
import { makeUser } from "./support/factories";
import { signIn } from "./support/session";

/** Issue 11, finding 3: a saved session cookie stops working when the session should end. */
test("a session cookie saved before signing out no longer signs anyone in", async ({ browser }) => {
  const user = makeUser("annotator");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  const saved = await context.storageState(); // what an attacker copies
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  const replay = await browser.newContext({ storageState: saved });
  const stolen = await replay.newPage();
  await stolen.goto("/");
  await expect(stolen).toHaveURL(/\/signin/);
  expect((await stolen.request.get("/api/v1/documents")).status()).toBe(401);
  await replay.close();
  await context.close();
});

test("an admin's password reset ends the user's open session at once, and is listed in the user history", async ({ page, browser }) => {
  const admin = makeUser("admin");
  const user = makeUser("annotator");
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await signIn(theirs, user);

  await signIn(page, admin);
  await page.goto("/admin/users");
  const row = page.getByTestId(`user-row-${user.email}`);
  await row.getByRole("button", { name: "Reset password" }).click();
  await row.getByRole("button", { name: "Confirm reset" }).click();
  await expect(page.getByTestId("reset-password")).toBeVisible();

  await theirs.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" }).click();
  await expect(theirs).toHaveURL(/\/signin/);

  await page.reload();
  const history = page.getByTestId("user-audit");
  await expect(history.getByRole("row", { name: new RegExp(`${user.name}.*password reset`) })).toBeVisible();
  await other.close();
});
