// End-to-end run of the managers' KPI dashboard: staff leave a step open, a manager (who has no access to
// the task list or to cases) lands on the first screen (figures, weekly trend, steps overdue now; the time to draw
// it is printed), opens the detailed tables, follows the link of an old open step into the read-only queue (counts,
// ages and staff only; no case or resident data), and reads coverage per vaccine and dose with one dose's districts.
// Every page of the manager and of an auditor is checked with axe-core and at phone and tablet widths.
//
//   BASE_URL=http://localhost:8080 SCREENSHOT_DIR=/tmp/shots E2E_PASSWORD=... node e2e/kpi-dashboard.e2e.mjs
import { checkEveryPage } from './a11y.mjs';
import {
  chooseOption,
  fail,
  fillText,
  findAddresseeNumber,
  login,
  logout,
  runScenario,
  screenshot,
  startProcess,
} from './lib.mjs';

async function run(page) {
  console.log('1. staff1 requests a query, which waits for a supervisor');
  await login(page, 'staff1', 'login-staff1');
  const addresseeNumber = await findAddresseeNumber(page);
  await startProcess(page, 'InformationQuery', async (startForm) => {
    await fillText(page, startForm, { key: 'addresseeNumber', label: '宛名番号' }, addresseeNumber);
    await chooseOption(page, startForm, { key: 'informationItem', label: '照会する情報' }, { value: 'LOCAL_TAX' });
    await chooseOption(page, startForm, { key: 'legalBasis', label: '根拠規定' }, { value: 'ACT19_8_TABLE14' });
    await fillText(page, startForm, { key: 'purpose', label: '照会の目的' }, 'KPI画面の確認のため');
  });
  await logout(page);

  console.log('2. manager1 lands on the first screen of the KPI dashboard, then opens the detailed tables');
  await login(page, 'manager1', 'login-manager1');
  await page.getByTestId('kpi-figures').waitFor();
  await page.getByRole('img', { name: '直近12週の業務と工程' }).waitFor();
  await screenshot(page, 'kpi-first-screen');
  // The figure the issue sets at 300 ms, measured the hardest way: a reload, so scripts and data come anew.
  const started = Date.now();
  await page.reload();
  await page.getByTestId('kpi-breaches').waitFor();
  console.log(`   first screen drawn ${Date.now() - started} ms after a reload (scripts and data included)`);
  await page.getByTestId('kpi-view-details').click();
  await page.getByTestId('kpi-period-label').waitFor();
  await page.getByRole('img', { name: '業務別の完了件数' }).waitFor();
  await page.getByRole('img', { name: '経過日数のヒートマップ' }).waitFor();
  const processes = page.getByTestId('kpi-processes');
  if ((await processes.getByText('情報照会', { exact: true }).count()) === 0) {
    fail('the process 情報照会 is missing from the dashboard');
  }
  await page.getByTestId('kpi-period').selectOption('FISCAL_YEAR');
  await page.getByTestId('kpi-show').click();
  await page.getByTestId('kpi-period-label').filter({ hasText: '年度' }).waitFor();
  await screenshot(page, 'kpi-dashboard');

  console.log('3. manager1 follows the oldest open step into the read-only queue');
  const link = page.getByTestId('kpi-oldest-link').first();
  await link.waitFor();
  const stepName = (await link.textContent())?.trim();
  await link.click();
  await page.waitForURL(/#\/kpi\/queue\?/);
  await page.getByTestId('kpi-queue-highlight').waitFor();
  const title = (await page.getByTestId('kpi-queue-title').textContent()) ?? '';
  if (!title.includes(stepName ?? '?')) {
    fail(`the queue is not the one of ${stepName}: ${title}`);
  }
  await screenshot(page, 'kpi-queue');

  console.log('4. manager1 reads coverage per vaccine and dose, then MR 2期 by district');
  await page.goto(`${new URL(page.url()).origin}/#/kpi?view=coverage`);
  const coverage = page.getByTestId('kpi-coverage');
  await coverage.waitFor();
  const mr2 = coverage.getByTestId('kpi-coverage-row').filter({ hasText: 'MR（麻しん風しん）2期' });
  await mr2.getByTestId('coverage-districts').click();
  await page.getByTestId('kpi-coverage-districts').getByText('全地区').waitFor();
  await screenshot(page, 'kpi-coverage');

  console.log('5. the task list itself stays closed to the manager');
  await page.goto(`${new URL(page.url()).origin}/#/tasks`);
  await page.getByText('この画面を利用する権限がありません。').waitFor();

  console.log('6. every page of the manager and of an auditor, with axe-core and at 390 and 768 px');
  await page.goto(`${new URL(page.url()).origin}/#/kpi`);
  await checkEveryPage(page, 'manager1', ['/kpi?view=overdue', '/kpi?view=details', '/kpi?view=coverage']);
  await logout(page);
  await login(page, 'auditor1', 'login-auditor1');
  await checkEveryPage(page, 'auditor1');
  await logout(page);
}

await runScenario('KPI dashboard and its link into the queue', 'kpi-', run);
