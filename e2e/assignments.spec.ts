import { test, expect } from "@playwright/test";
import { makeUser, setLayerStatus } from "./support/factories";
import { signedIn } from "./support/session";

const PROJECT = "iraq-intel-2015";

test("an admin sets two annotators per document and assigns open seats; annotators go to their next document", async ({ browser }) => {
  const admin = makeUser("admin");
  const team = [makeUser("annotator"), makeUser("annotator"), makeUser("annotator")];
  // Only in the seed project: other specs leave open seats in projects of their own.
  const bystander = makeUser("annotator", { project: "iraq-intel-2015" });

  // Admin: overlap 2, then give the open seats to the three team members only.
  const adminPage = await signedIn(browser, admin);
  await adminPage.goto(`/projects/${PROJECT}/assignments`);
  await expect(adminPage.getByRole("heading", { name: /^Assignments · / })).toBeVisible();
  await adminPage.getByLabel("Annotators per document").fill("2");
  await adminPage.getByRole("button", { name: "Save" }).click();
  await expect(adminPage.getByRole("status").filter({ hasText: "Saved: 2 annotators per document" })).toBeVisible();
  await expect(adminPage.getByTestId("assignment-summary")).toContainText("2 annotators per document");

  const choices = adminPage.getByRole("group", { name: "Give seats to" });
  for (const box of await choices.getByRole("checkbox").all()) await box.uncheck();
  for (const member of team) await choices.getByLabel(member.name).check();
  await adminPage.getByRole("button", { name: "Assign open seats" }).click();
  await expect(adminPage.getByTestId("assign-result")).toHaveText(/^Filled \d+ seats; every seat is now filled$/);
  await expect(choices.getByLabel(bystander.name)).not.toBeChecked();
  await expect(adminPage.getByTestId("assignment-summary")).toContainText(" 0 open");

  // Balanced: the three loads differ by at most one.
  const loadTable = adminPage.getByTestId("load-table");
  const seats = [];
  for (const member of team) {
    const row = loadTable.getByRole("row").filter({ hasText: member.name });
    seats.push(Number(await row.getByRole("cell").nth(1).innerText()));
  }
  expect(Math.max(...seats) - Math.min(...seats)).toBeLessThanOrEqual(1);
  expect(seats.every((s) => s > 0)).toBe(true);
  await expect(
    adminPage
      .getByTestId("seats-table")
      .getByRole("button", { name: new RegExp(`^Unassign ${team[0].name} from `) })
      .first(),
  ).toBeVisible();
  await adminPage.screenshot({ path: "e2e/screenshots/assignments.png", fullPage: true });

  // Annotator 1: the button is the first focusable thing in main; it opens an assigned document.
  const first = await signedIn(browser, team[0]);
  await expect(first.getByTestId("my-queue")).toContainText(`${seats[0]} assigned`);
  const firstInMain = await first.evaluate(
    () => document.querySelector("main")?.querySelector("a[href], button, input, select, textarea, [tabindex]")?.textContent,
  );
  expect(firstInMain).toBe("Next document →");
  await first.getByRole("button", { name: "Next document →" }).click();
  await first.waitForURL(/\/documents\/[^/]+$/);
  const assigned = first.url();
  const title = await first.getByRole("heading", { level: 1 }).innerText();
  await expect(first.getByTestId("my-queue")).toHaveCount(0);

  // Not submitted yet: asking again (this time with the `n` key) returns the same document.
  await first.goto("/");
  await expect(first.getByTestId("my-queue").getByRole("link", { name: title })).toBeVisible();
  await first.keyboard.press("n");
  await first.waitForURL(assigned);

  // A reviewer sent their last document back: it comes first, marked, and is next.
  const queueLinks = first.getByTestId("my-queue").getByRole("listitem");
  await first.goto("/");
  const lastTitle = await queueLinks.last().getByRole("link").innerText();
  setLayerStatus(team[0].email, lastTitle, "REJECTED");
  await first.reload();
  await expect(queueLinks.first()).toContainText(lastTitle);
  await expect(queueLinks.first()).toHaveClass(/rejected/);
  await expect(first.getByTestId("my-queue")).toContainText("1 sent back");
  await first.screenshot({ path: "e2e/screenshots/my-queue.png" });
  await first.getByRole("button", { name: "Next document →" }).click();
  await expect(first.getByRole("heading", { level: 1 })).toHaveText(lastTitle);

  // Annotator 2 gets a document too.
  const second = await signedIn(browser, team[1]);
  await second.getByRole("button", { name: "Next document →" }).click();
  await second.waitForURL(/\/documents\/[^/]+$/);
  await expect(second.getByRole("heading", { level: 1 })).not.toHaveText("");

  // Someone with no seat, with every seat taken: a readable message, no navigation.
  const idle = await signedIn(browser, bystander);
  await idle.getByRole("button", { name: "Next document →" }).click();
  await expect(idle.getByRole("status").filter({ hasText: "You're all caught up: no assigned or open documents" })).toBeVisible();
  await expect(idle).toHaveURL(/\/$/);
});
