import { expect, test } from "@playwright/test";
import { makeUser } from "./support/factories";

/** Issue 11, finding 2, through the real form: after 10 wrong passwords even the right one waits. */
test("the sign-in form stops accepting attempts after 10 wrong passwords and says how long to wait", async ({ page }) => {
  const user = makeUser("annotator");
  const message = page.locator("form").getByRole("alert");
  await page.goto("/signin");
  for (let i = 0; i < 9; i++) {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Password")).toHaveValue(""); // the action answered and the form was reset
    await expect(message).toHaveText(/Wrong email or password/);
  }
  await page.getByLabel("Password").fill("wrong-again");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(message).toHaveText(/Too many failed sign-ins\. Try again in 15 min/);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(message).toHaveText(/Too many failed sign-ins/);
  await expect(page).toHaveURL(/\/signin/);
});
