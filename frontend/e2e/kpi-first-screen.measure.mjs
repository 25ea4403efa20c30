// How long the managers' first screen (/#/kpi) takes to draw in the browser, as a manager opens it: a reload of the
// tab, and a first load in a new tab of the same browser (signed in, but with nothing of the app in the tab yet).
// Not a test: it prints the times and the machine's load average, since a busy machine stretches every figure. For
// each load it also prints when the sign-in check, the summary's data request and the page's code chunk started, which
// depends less on the load: early requests start before the chunk, not after it.
//
//   BASE_URL=http://localhost:8080 E2E_PASSWORD=... E2E_AUTHENTICATOR_FILE=... RUNS=20 node e2e/kpi-first-screen.measure.mjs
//
// The account (manager1 unless E2E_USER says otherwise) must have the KPI role; its authenticator app is enrolled at
// the first run and kept in E2E_AUTHENTICATOR_FILE like the end-to-end scenarios' accounts.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { login } from './lib.mjs';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const RUNS = Number(process.env.RUNS ?? 20);
const USER = process.env.E2E_USER ?? 'manager1';
const FIRST_SCREEN = '[data-testid="kpi-breaches"]';

/**
 * Runs in the page before its scripts: notes the time (since the navigation began) of the first frame drawn with the
 * first screen's table of steps overdue now.
 */
function watchFirstScreen(selector) {
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector)) {
      observer.disconnect();
      requestAnimationFrame(() => {
        window.kpiFirstScreenDrawnAt = performance.now();
      });
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function timings(page) {
  await page.waitForFunction(() => typeof window.kpiFirstScreenDrawnAt === 'number', null, { timeout: 30_000 });
  return page.evaluate(() => {
    const started = (matches) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => matches(new URL(entry.name).pathname))
        .map((entry) => entry.startTime)[0];
    return {
      drawn: window.kpiFirstScreenDrawnAt,
      signInCheck: started((path) => path === '/api/me'),
      data: started((path) => path === '/api/kpi/summary'),
      chunk: started((path) => /\/assets\/KpiDashboardPage-[^/]+\.js$/.test(path)),
    };
  });
}

function loadAverage() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(name, samples) {
  const line = (label, values) => {
    const known = values.filter((value) => typeof value === 'number').sort((a, b) => a - b);
    if (known.length === 0) {
      return `${label} —`;
    }
    return `${label} median ${percentile(known, 50).toFixed(0)} ms, p95 ${percentile(known, 95).toFixed(0)} ms`;
  };
  const early = samples.filter((s) => s.data !== undefined && s.chunk !== undefined && s.data < s.chunk).length;
  console.log(
    `${name} (n=${samples.length}): ${line(
      'drawn',
      samples.map((s) => s.drawn),
    )}; ` +
      `${line(
        'sign-in check started',
        samples.map((s) => s.signInCheck),
      )}; ` +
      `${line(
        'data request started',
        samples.map((s) => s.data),
      )}; ` +
      `${line(
        'page chunk started',
        samples.map((s) => s.chunk),
      )}; data requested before the chunk in ${early}/${samples.length}`,
  );
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1366, height: 900 },
  });
  await context.addInitScript(watchFirstScreen, FIRST_SCREEN);
  const tab = await context.newPage();
  await login(tab, USER, 'kpi-first-screen-login');
  await tab.goto(`${BASE_URL}/#/kpi`);
  await timings(tab);
  console.log(`load average before: ${loadAverage()}`);
  const reloads = [];
  const newTabs = [];
  const newTabsUnremembered = [];
  const openInNewTab = async (samples) => {
    const fresh = await context.newPage();
    await fresh.goto(`${BASE_URL}/#/kpi`);
    samples.push(await timings(fresh));
    await fresh.close();
  };
  // Alternated, so that a change in the machine's load falls on every kind alike.
  for (let run = 0; run < RUNS; run += 1) {
    await tab.reload();
    reloads.push(await timings(tab));
    await openInNewTab(newTabs);
    // As a new tab was before the roles were kept for the browser: nothing remembered (the load remembers them again).
    await tab.evaluate(() => localStorage.clear());
    await openInNewTab(newTabsUnremembered);
  }
  console.log(`load average after: ${loadAverage()}`);
  summary('reload', reloads);
  summary('first load in a new tab', newTabs);
  summary('first load in a new tab, no sign-in remembered in the browser', newTabsUnremembered);
} finally {
  await browser.close();
}
