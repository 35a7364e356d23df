import { expect, test, type Page } from '@playwright/test';
import { siteUrl } from './support/sites';
import { tab } from './support/page';

/**
 * The reference made from tests/fixtures/openapi/specs/kennel.yaml, in the browser: the tabs switch
 * the generated samples, and search finds an operation by its operationId, its path template and
 * a concrete request.
 */
const visibleCode = (page: Page, headingId: string) => page.locator(`.section:has(#${headingId}) .code-block:visible`).allInnerTexts();

test("the language tabs switch the generated request samples, and the writer's own sample where there is one", async ({ page }) => {
  await page.goto(`${siteUrl('openapi')}#list-dogs`);
  expect((await visibleCode(page, 'list-dogs')).join('\n')).toContain('curl --request GET');
  await tab(page, 'python').click();
  const python = (await visibleCode(page, 'list-dogs')).join('\n');
  expect(python).toContain('import requests');
  expect(python).not.toContain('curl');
  await tab(page, 'ruby').click();
  expect((await visibleCode(page, 'list-dogs')).join('\n')).toContain('Net::HTTP::Get');
  expect((await visibleCode(page, 'adopt-a-dog')).join('\n')).toContain('Kennel::Adoption.create');
  await tab(page, 'javascript').click();
  expect((await visibleCode(page, 'adopt-a-dog')).join('\n')).toContain("fetch('https://kennel.example.com/v1/adoptions'");
});

for (const [query, id] of [
  ['removeDog', 'get-a-dog-removedog'],
  ['POST /adoptions', 'adopt-a-dog'],
  // A concrete request: no section has the word "7", the template /dogs/{dogId} fits it.
  ['/dogs/7', 'get-a-dog'],
  ['DELETE /dogs/7', 'get-a-dog-removedog'],
  ['https://kennel.example.com/v1/dogs/7?fields=name', 'get-a-dog'],
] as const) {
  test(`search for “${query}” lands on its operation`, async ({ page }) => {
    await page.goto(siteUrl('openapi'));
    await page.getByRole('combobox', { name: 'Search the docs' }).click();
    await page.keyboard.type(query);
    const first = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
    await expect(first).toHaveAttribute('href', `/#${id}`);
    await first.click();
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
    await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  });
}

for (const [alias, target] of [
  ['operation/adoptDog', 'adopt-a-dog'],
  ['opIdadoptDog', 'adopt-a-dog'],
  ['tag/adoptions/operation/adoptDog', 'adopt-a-dog'],
  ['tag/adoptions/POST/adoptions', 'adopt-a-dog'],
  ['tag/adoptions', 'adoptions'],
  ['kennel-adoptions', 'adoptions'],
  // Swagger UI's deep links, and Widdershins' heading of the operation (its operationId).
  ['/adoptions/adoptDog', 'adopt-a-dog'],
  ['/dogs/adoptDog', 'adopt-a-dog'],
  ['/adoptions', 'adoptions'],
  ['adoptdog', 'adopt-a-dog'],
  // Widdershins' id of an operation's responses (and of its "Response Schema" below them).
  ['adoptdog-responses', 'adopt-a-dog-responses'],
  ['adoptdog-responseschema', 'adopt-a-dog-responses'],
] as const) {
  test(`a link written for another renderer (#${alias}) lands on its section`, async ({ page }) => {
    await page.goto(`${siteUrl('openapi')}#${alias}`);
    await expect(page.locator(`#${target}`)).toBeInViewport();
  });
}
