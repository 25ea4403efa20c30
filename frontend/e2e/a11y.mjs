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

/**
 * Visits every page of the signed-in user's menu (and the extra paths given), checks each with axe-core at desktop
 * width and for overflow at phone and tablet widths. Fails with every finding listed.
 */
export async function checkEveryPage(page, role, extraPaths = []) {
  const findings = [];
  const original = page.viewportSize();
  const links = await page.locator('nav.app-nav a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
  const paths = [...new Set([...links, ...extraPaths.map((path) => `#${path}`)])];
  for (const href of paths) {
    await page.setViewportSize(original);
    await page.goto(new URL(href, page.url()).toString());
    await settle(page);
    for (const violation of await axeFindings(page)) {
      findings.push(`${role} ${href}: axe ${violation.impact} ${violation.id} at ${violation.nodes.join(', ')}`);
    }
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      const wider = await overflow(page);
      if (wider > 0) {
        findings.push(`${role} ${href}: ${wider} px wider than a ${width} px screen`);
      }
    }
  }
  await page.setViewportSize(original);
  console.log(`  ${role}: ${paths.length} pages checked with axe-core at 1366 px and for overflow at 390 and 768 px`);
  if (findings.length > 0) {
    await screenshot(page, `${role}-a11y-findings`);
    fail(`accessibility and layout findings:\n  ${findings.join('\n  ')}`);
  }
}
