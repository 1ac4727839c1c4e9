import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Picking an option of a single-choice antd Select / TreeSelect, the way a user does it: open the
 * field, type to narrow it down when asked to (long and remote lists are virtual: an option far
 * down is not in the page until the list is filtered), click the option.
 *
 * The whole gesture is repeated until the dropdown has closed. A click that lands while the
 * dropdown is still opening (its animation) is lost: the field then stays empty and the form's
 * save is refused a step later, far from the cause (seen in the admin and product flows).
 */
async function pickUntilClosed(
  page: Page,
  field: Locator,
  option: (dropdown: Locator) => Locator,
  type: string | undefined,
) {
  const dropdown = page.locator(".ant-select-dropdown:visible");
  await expect(async () => {
    if ((await dropdown.count()) === 0) await field.click();
    if (type !== undefined) await field.fill(type);
    await option(dropdown).click({ timeout: 5_000 });
    await expect(dropdown).toHaveCount(0, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

/** Picks the option whose title is exactly `option` (typing `type` first, when given). */
export async function choose(page: Page, field: Locator, option: string, type?: string) {
  await pickUntilClosed(page, field, (dropdown) => dropdown.getByTitle(option, { exact: true }), type);
}

/** Picks the first option whose title contains `option` or matches it (typing `type` first, when given). */
export async function chooseFirst(page: Page, field: Locator, option: string | RegExp, type?: string) {
  await pickUntilClosed(page, field, (dropdown) => dropdown.getByTitle(option).first(), type);
}
