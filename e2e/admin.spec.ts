import { test, expect } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { importDocument, makeUser } from "./support/factories";
import { signIn } from "./support/session";

test("an admin creates a user and a project, edits its labels and guidelines; the new user sees them, then is locked out", async ({ page, browser }) => {
  const id = randomBytes(4).toString("hex");
  const admin = makeUser("admin");
  await signIn(page, admin);

  // A project of our own, so the seeded one stays as other specs expect it.
  await page.getByRole("link", { name: "Projects" }).click();
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(`Admin e2e ${id}`);
  await page.getByLabel(/^Slug/).fill(`admin-e2e-${id}`);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: `Admin e2e ${id}` })).toBeVisible();
  const projectUrl = page.url();
  expect(projectUrl).toMatch(/\/projects\/[a-z0-9]+$/);

  // A user with a generated password, read from the page once.
  const email = `new-${id}@e2e.local`;
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(`Nadia ${id}`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await expect(page.getByRole("checkbox", { name: `Admin e2e ${id}` })).toBeChecked();
  await page.getByRole("button", { name: "Create user" }).click();
  const passwordBox = page.getByTestId("temp-password");
  await expect(passwordBox).toBeVisible();
  const password = (await passwordBox.textContent())!.trim();
  expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  const row = page.getByTestId(`user-row-${email}`);
  await expect(row).toContainText("Active");
  await expect(row).toContainText(`Admin e2e ${id}`);
  await page.screenshot({ path: "e2e/screenshots/admin-users.png", fullPage: true });

  // The new user signs in elsewhere with that password.
  const other = await browser.newContext();
  const annotator = await other.newPage();
  await signIn(annotator, { email, password });
  await expect(annotator.getByRole("heading", { name: "Documents" })).toBeVisible();

  // Labels: edits are marked unsaved until the one Save; a hotkey clash is explained next to the row and the typed values stay.
  await page.goto(projectUrl);
  const dateRow = page.getByTestId("label-row-DATE");
  await dateRow.getByLabel("Colour of DATE").fill("#ff00aa");
  await dateRow.getByLabel("Hotkey of DATE").selectOption("9");
  await expect(dateRow.getByText("● unsaved")).toBeVisible();
  await page.getByRole("button", { name: "Save changes (1)" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Hotkey 9 is already used by QUANTITY" })).toBeVisible();
  await expect(dateRow.getByLabel("Hotkey of DATE")).toHaveValue("9");
  await expect(dateRow.getByText("● unsaved")).toBeVisible();
  // two rows at once: the key changes hands in one save
  await page.getByTestId("label-row-QUANTITY").getByLabel("Hotkey of QUANTITY").selectOption({ label: "—" });
  await page.getByRole("button", { name: "Save changes (2)" }).click();
  await expect(page.getByText("QUANTITY: Saved")).toBeVisible();
  await expect(page.getByText("DATE: Saved")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Save changes/ })).toBeDisabled();
  await expect(page.getByText("● unsaved")).toHaveCount(0);

  // A new label on the freed key 8, then moved up twice from the keyboard; focus stays on the button.
  await page.getByLabel("Name of the new label").fill("WEAPON");
  await page.getByLabel("Hotkey of the new label").selectOption("8");
  await page.getByLabel("Description of the new label").fill("Arms and weapon systems (Kalashnikov, S-300)");
  await page.getByRole("button", { name: "Add label" }).click();
  await expect(page.getByText("Added WEAPON")).toBeVisible();
  const up = page.getByRole("button", { name: "Move WEAPON up" });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(up).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(up).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "WEAPON is now number 11 of 13" })).toBeAttached();
  const names = page.locator("table.labels tbody").first().locator("tr[data-testid^=label-row-]");
  await expect(names.nth(10)).toHaveAttribute("data-testid", "label-row-WEAPON");

  // A default label the project does not need, and no span uses, can be deleted, after a confirming dialog.
  await page.getByTestId("label-row-CUE").getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("alertdialog", { name: "Delete CUE?" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("label-row-CUE")).toHaveCount(0);

  await page.getByLabel("Guidelines").fill("Tag every named weapon as WEAPON.\nDates: only absolute ones.");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  // a second save right after the first is not mistaken for someone else's edit
  await page.getByLabel("Hide annotator names from reviewers").check();
  const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.url() === projectUrl);
  await page.getByRole("button", { name: "Save settings" }).click();
  await saved;
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Someone else changed" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Hide annotator names from reviewers")).toBeChecked();
  await expect(page.getByLabel("Guidelines")).toHaveValue("Tag every named weapon as WEAPON.\nDates: only absolute ones.");
  await expect(page.getByTestId("label-row-DATE").getByLabel("Colour of DATE")).toHaveValue("#ff00aa");
  await page.screenshot({ path: "e2e/screenshots/project-settings.png", fullPage: true });
  await page.goto("/projects");
  await expect(page.getByRole("link", { name: `Settings of Admin e2e ${id}` })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/projects.png", fullPage: true });

  // The annotator opens a document of the project: the label bar has the new label and keys, and its description on hover.
  const title = importDocument(`admin-e2e-${id}`, `Weapons report ${id}`, `Russia sent S-300 systems to Syria, officials said on Sunday. ${id}`);
  await annotator.goto("/");
  await annotator.getByRole("link", { name: title }).click();
  const bar = annotator.getByRole("toolbar", { name: "Labels" });
  await expect(bar.getByRole("button", { name: /WEAPON/ }).locator("kbd")).toHaveText("8");
  await expect(bar.getByRole("button", { name: /DATE/ }).locator("kbd")).toHaveText("9");
  await expect(bar.getByRole("button", { name: /QUANTITY/ }).locator("kbd")).toHaveCount(0);
  await bar.getByRole("button", { name: /WEAPON/ }).hover();
  await expect(annotator.getByRole("tooltip")).toContainText("Kalashnikov");

  // Deactivated: the annotator's next navigation lands on the sign-in page.
  await page.goto("/admin/users");
  const userRow = page.getByTestId(`user-row-${email}`);
  await userRow.getByLabel(`Role of Nadia ${id}`, { exact: true }).selectOption("REVIEWER");
  await userRow.getByRole("button", { name: `Save role of Nadia ${id}` }).click();
  await expect(page.getByText("Role changed to reviewer")).toBeVisible();
  await userRow.getByRole("button", { name: "Reset password" }).click();
  await userRow.getByRole("button", { name: "Confirm reset" }).click();
  await expect(page.getByTestId("reset-password")).toHaveText(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  expect(await page.getByTestId("reset-password").textContent()).not.toBe(password);
  await userRow.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText("Deactivated");
  await annotator.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" }).click();
  await expect(annotator).toHaveURL(/\/signin/);
  await other.close();
});

test("reviewers read the settings of their projects; annotators and reviewers do not manage", async ({ page }) => {
  const reviewer = makeUser("reviewer");
  await signIn(page, reviewer);
  await page.goto("/projects");
  await expect(page.getByRole("heading", { name: "New project" })).toHaveCount(0);
  await page.getByRole("link", { name: "Settings of Iraq intelligence sharing, September 2015" }).click();
  await expect(page.getByRole("heading", { name: "Iraq intelligence sharing, September 2015" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Project pages" }).getByRole("link", { name: "Assignments" })).toHaveAttribute(
    "href",
    /\/projects\/[a-z0-9]+\/assignments$/,
  );
  await expect(page.getByTestId("annotators-per-document")).toContainText("Annotators per document:");
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Archive/ })).toHaveCount(0);
  await expect(page.locator("table.labels")).toContainText("PERSON");
  await page.goto("/admin/users");
  await expect(page.getByText("Only admins manage users.")).toBeVisible();

  const annotator = makeUser("annotator");
  await page.context().clearCookies();
  await signIn(page, annotator);
  await page.goto("/projects");
  await expect(page.getByText("Projects are managed by admins and reviewers.")).toBeVisible();
  await page.goto("/admin/users");
  await expect(page.getByText("Only admins manage users.")).toBeVisible();
});
