// The case pages each role opens from its lists (a relief claim, a wrong-vaccination report, a long-term illness
// case, a dose batch, an information query, a co-pay exemption, an outside provision, a disclosure request, a
// resident...), checked like the menu pages: axe-core at desktop width and no page wider than a 390 px or 768 px
// screen. Runs after the other scenarios, whose cases fill the lists; the ids are taken from the lists as they are.
// The kinds the other scenarios are known to make must be among those walked.
import { checkCasePages, checkPaths } from './a11y.mjs';
import { fail, login, logout, runScenario } from './lib.mjs';

const CASE_WORK = [
  '#/copay-exemptions/:id',
  '#/dose-batches/:id',
  '#/long-term-illness/:id',
  '#/outside-provisions/:id',
  '#/relief/:id',
  '#/resident-requests/:id',
  '#/residents/:id',
];

const ROLES = [
  { user: 'super1', expected: CASE_WORK, mistakes: true },
  // Information queries are listed to the staff member who made them.
  { user: 'staff1', expected: [...CASE_WORK, '#/queries/:id'], mistakes: true },
  // The resident register feed's files, when the run has received any.
  { user: 'admin1', expected: [] },
];

/**
 * The list of wrong vaccinations shows one fiscal year of dose dates; the wrong-vaccination scenario's dose lies in an
 * earlier one. The years are tried until a report's link appears.
 */
async function mistakeReport(page) {
  await page.goto(new URL('#/mistakes', page.url()).toString());
  const years = page.locator('#mistakes-fiscal-year');
  await years.waitFor();
  for (const year of await years.locator('option').evaluateAll((options) => options.map((o) => o.value))) {
    await years.selectOption(year);
    const report = page.locator('main a[href^="#/mistakes/"]').first();
    if (await report.waitFor({ timeout: 3_000 }).then(() => true, () => false)) {
      return report.getAttribute('href');
    }
  }
  return fail('no wrong-vaccination report in the list of any fiscal year');
}

async function run(page) {
  for (const { user, expected, mistakes } of ROLES) {
    await login(page, user, `${user}-login`);
    const walked = await checkCasePages(page, user);
    const missing = expected.filter((route) => !walked.includes(route));
    if (missing.length > 0) {
      fail(`${user} found no link to ${missing.join(', ')} in the lists of the menu`);
    }
    if (mistakes) {
      const report = await mistakeReport(page);
      await checkPaths(page, user, [report]);
      console.log(`  ${user}: also ${report.replace(/\d+$/, ':id')}`);
    }
    await logout(page);
  }
}

await runScenario('case pages opened from the lists, checked with axe-core and at phone and tablet widths', 'cases-', run);
