// Accessibility and layout checks of the end-to-end run: axe-core (WCAG 2.1 A/AA rules) on every page the menu of
// the signed-in user offers, and at 390 px (phone) and 768 px (counter tablet) wide no page wider than the screen.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fail, screenshot } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['critical', 'serious']);
const WIDTHS = [390, 768];

/** axe-core on the page as it is now; the critical and serious violations, one line each. */
async function axeFindings(page) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Evaluated through the DevTools protocol: the app's Content-Security-Policy rightly refuses inline scripts.
    await page.evaluate(AXE_SOURCE);
  }
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const outcome = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return outcome.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
  });
  return result.filter((violation) => BLOCKING.has(violation.impact));
}

async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Waits for the page's heading and for its data (no loading message left). */
async function settle(page) {
  await page.locator('main h1').first().waitFor();
  await page.getByText('読み込み中').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
}

/** Checks the page as it is shown: axe-core at the `original` width, then for overflow at phone and tablet widths. */
async function checkShownPage(page, where, original, findings) {
  for (const violation of await axeFindings(page)) {
    findings.push(`${where}: axe ${violation.impact} ${violation.id} at ${violation.nodes.join(', ')}`);
  }
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    const wider = await overflow(page);
    if (wider > 0) {
      findings.push(`${where}: ${wider} px wider than a ${width} px screen`);
    }
  }
  await page.setViewportSize(original);
}

/** Opens `href`, checks it with axe-core at desktop width and for overflow at phone and tablet widths. */
async function checkPage(page, role, href, original, findings) {
  await page.setViewportSize(original);
  await page.goto(new URL(href, page.url()).toString());
  await settle(page);
  await checkShownPage(page, `${role} ${href}`, original, findings);
}

async function report(page, role, findings) {
  if (findings.length > 0) {
    await screenshot(page, `${role}-a11y-findings`);
    fail(`accessibility and layout findings:\n  ${findings.join('\n  ')}`);
  }
}

function menuLinks(page) {
  return page.locator('nav.app-nav a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
}

/**
 * Visits every page of the signed-in user's menu (and the extra paths given), checks each with axe-core at desktop
 * width and for overflow at phone and tablet widths. Fails with every finding listed.
 */
export async function checkEveryPage(page, role, extraPaths = []) {
  const findings = [];
  const original = page.viewportSize();
  const paths = [...new Set([...(await menuLinks(page)), ...extraPaths.map((path) => `#${path}`)])];
  for (const href of paths) {
    await checkPage(page, role, href, original, findings);
  }
  console.log(`  ${role}: ${paths.length} pages checked with axe-core at 1366 px and for overflow at 390 and 768 px`);
  await report(page, role, findings);
}

/** Checks the pages given (hash routes such as `#/mistakes/3`) like the menu pages. */
export async function checkPaths(page, role, hrefs) {
  const findings = [];
  const original = page.viewportSize();
  for (const href of hrefs) {
    await checkPage(page, role, href, original, findings);
  }
  await report(page, role, findings);
}

/**
 * Checks the page in the state the user brought it to (a claimed task with its form open, a case page with a panel
 * opened) like the menu pages, without loading it anew.
 */
export async function checkCurrentPage(page, role) {
  const findings = [];
  await settle(page);
  await checkShownPage(page, `${role} ${new URL(page.url()).hash}`, page.viewportSize(), findings);
  await report(page, role, findings);
}

/** A link's route with its ids as `:id` (numbers, UUIDs, Camunda ids), e.g. `#/relief/:id`. */
function routeOf(href) {
  const [path] = href.split('?');
  return path
    .split('/')
    .map((segment) => (/\d/.test(segment) && /^[0-9A-Za-z-]+$/.test(segment) ? ':id' : segment))
    .join('/');
}

async function caseLinks(page, cases, found) {
  const links = await page
    .locator('main a[href^="#/"]')
    .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
  for (const link of links) {
    const route = routeOf(link);
    if (route.includes(':id') && !cases.has(route)) {
      cases.set(route, link);
      found.push(link);
    }
  }
}

/**
 * The case pages the signed-in user reaches from the lists of their menu (a relief claim, a mistake report, a dose
 * batch...) and from those pages (the resident a claim is about): the first link of each kind is opened and checked
 * like the menu pages. Ids come from the lists as they are, so the walk covers whatever cases the run has made.
 * Returns the routes walked.
 */
export async function checkCasePages(page, role) {
  const findings = [];
  const original = page.viewportSize();
  const cases = new Map();
  let next = [];
  for (const href of await menuLinks(page)) {
    await page.goto(new URL(href, page.url()).toString());
    await settle(page);
    await caseLinks(page, cases, next);
  }
  // Case pages, then the pages they link to; no further.
  for (let depth = 0; depth < 2 && next.length > 0; depth++) {
    const current = next;
    next = [];
    for (const href of current) {
      await checkPage(page, role, href, original, findings);
      if (depth === 0) {
        await caseLinks(page, cases, next);
      }
    }
  }
  const routes = [...cases.keys()].sort();
  console.log(`  ${role}: ${routes.length} case pages checked the same way: ${routes.join(' ')}`);
  await report(page, role, findings);
  return routes;
}
