import { expect, test } from "@playwright/test";
import { makeUser } from "./support/factories";

/**
 * Issue 11, finding 1: `next` after signing in must never take the browser off
 * the app. Every other host is answered by the test itself ("PHISHED"), so a
 * redirect that escapes shows up as a navigation to it, not as a DNS error.
 */
const VECTORS = ["/%5Cevil.example/phish", "/%09/evil.example", "//evil.example", "/%5C%5Cevil.example", "/.//evil.example", "https://evil.example/"];

for (const next of VECTORS) {
  test(`signing in with next=${next} stays on the app`, async ({ page, baseURL }) => {
    const app = new URL(baseURL!).host;
    const visited: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });
    await page.context().route(
      (url) => url.host !== app,
      (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>PHISHED</h1>" }),
    );
    const user = makeUser("annotator");
    await page.goto(`/signin?next=${next}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("whoami")).toBeVisible();
    expect(new URL(page.url()).host).toBe(app);
    expect(visited.filter((u) => new URL(u).host !== app)).toEqual([]);
  });
}

test("a same-origin next is followed after signing in", async ({ page }) => {
  const user = makeUser("annotator");
  await page.goto(`/signin?next=${encodeURIComponent("/profile")}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/profile$/);
});
