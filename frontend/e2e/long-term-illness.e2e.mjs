// End-to-end run of a 長期療養特例 and its revocation: staff1 opens a 2-5-year-old's page and starts the special case
// from it (the 宛名番号 comes filled in, and is nowhere in the address bar), super1 approves it, the case page shows
// MR's extension in force; staff2 proposes its revocation from the case page (the case number comes filled in), and
// super1 approves that too: the case page shows it revoked, with the reason.
//
//   BASE_URL=http://localhost:8080 SCREENSHOT_DIR=/tmp/shots E2E_PASSWORD=... node e2e/long-term-illness.e2e.mjs
import {
  apiGet,
  chooseOption,
  doTask,
  fail,
  fillDate,
  fillText,
  login,
  logout,
  runScenario,
  screenshot,
} from './lib.mjs';

function isoDate(daysFromToday) {
  const date = new Date(Date.now() + daysFromToday * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(date);
}

/** A registered 2-5-year-old: MR 1期 (生後12月から24月に至るまで) lies in the past, and an illness can have spanned it. */
async function childPastMrFirstPeriod(page) {
  const today = new Date();
  for (const name of ['タ', 'ア', 'サ', 'カ', 'ナ', 'ヤ', 'マ', 'ハ']) {
    const hits = await page.evaluate(async (kana) => {
      const token = decodeURIComponent(
        document.cookie.split('; ').find((part) => part.startsWith('XSRF-TOKEN='))?.split('=')[1] ?? '',
      );
      const answer = await fetch('/api/residents/search', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
        body: JSON.stringify({ name: kana, size: 100 }),
      });
      return (await answer.json()).items ?? [];
    }, name);
    const child = hits.find((resident) => {
      const years = (today - new Date(resident.birthDate)) / (1000 * 60 * 60 * 24 * 365.25);
      return resident.status === 'REGISTERED' && years > 2.2 && years < 5;
    });
    if (child) {
      return child;
    }
  }
  return null;
}

async function checkOption(page, label) {
  await page.getByTestId('camunda-form').getByLabel(label, { exact: true }).check();
}

async function run(page) {
  console.log('1. staff1 opens a child’s page and starts the special case from it');
  await login(page, 'staff1', 'login-staff1');
  const child = await childPastMrFirstPeriod(page);
  if (!child) {
    fail('no registered 2-5-year-old among the synthetic residents');
  }
  await page.goto(`${new URL(page.url()).origin}/#/residents/${child.id}`);
  await page.getByTestId('start-case-links').waitFor();
  await screenshot(page, 'resident-page');
  await page.getByTestId('start-case-links').getByRole('link', { name: '長期療養特例を記録' }).click();
  await page.getByTestId('camunda-form').locator('.fjs-form').waitFor();
  if (page.url().includes(child.addresseeNumber)) {
    fail(`the 宛名番号 is in the address bar: ${page.url()}`);
  }
  const prefilled = await page.getByTestId('camunda-form').getByLabel(/宛名番号/).first().inputValue();
  if (prefilled !== child.addresseeNumber) {
    fail(`the start form opened with 宛名番号 "${prefilled}" instead of ${child.addresseeNumber}`);
  }
  const processes = await apiGet(page, '/processes');
  const form = processes.find((process) => process.key === 'LongTermIllnessException')?.startForm;
  const birth = new Date(`${child.birthDate}T00:00:00Z`);
  const thirteenMonths = new Date(Date.UTC(birth.getUTCFullYear() + 1, birth.getUTCMonth() + 1, birth.getUTCDate()));
  await checkOption(page, 'MR（麻しん風しん）');
  await chooseOption(page, form, { key: 'diseaseCategory' }, { value: 'IMMUNOSUPPRESSIVE_TREATMENT' });
  await fillText(page, form, { key: 'diseaseName' }, '白血病（架空の事例）');
  await fillDate(page, form, { key: 'illnessFrom' }, thirteenMonths.toISOString().slice(0, 10));
  await fillDate(page, form, { key: 'illnessTo' }, isoDate(-10));
  await chooseOption(page, form, { key: 'statementKind' }, { value: 'OPINION' });
  await fillDate(page, form, { key: 'statementReceivedOn' }, isoDate(-2));
  await fillText(page, form, { key: 'statementInstitution' }, '架空市立病院');
  await fillText(page, form, { key: 'statementDoctor' }, '試験 医師');
  await page.waitForTimeout(1_000);
  await screenshot(page, 'start-form');
  await page.getByTestId('start-button').click();
  await page.getByTestId('start-result').or(page.getByTestId('start-message')).first().waitFor();
  if (await page.getByTestId('start-message').isVisible()) {
    fail(`recording the special case failed: ${await page.getByTestId('start-message').textContent()}`);
  }
  const caseLabel = (await page.getByTestId('started-case-label').textContent())?.trim();
  const exceptionId = Number(caseLabel.replace(/^.*#/, ''));
  console.log(`  recorded ${caseLabel}`);
  await logout(page);

  console.log('2. super1 approves it; MR stays routine until two years after the illness ended');
  await login(page, 'super1', 'login-super1');
  await doTask(page, '特例の承認（上長）', caseLabel, async (task) => {
    await chooseOption(page, task, { key: 'approval' }, { value: 'APPROVE' });
    await page.waitForTimeout(1_000);
  });
  await page.goto(`${new URL(page.url()).origin}/#/long-term-illness/${exceptionId}`);
  await page.getByTestId('illness-exception-status').waitFor();
  if ((await page.getByTestId('illness-exception-status').textContent())?.trim() !== '適用中') {
    fail(`the case page says ${await page.getByTestId('illness-exception-status').textContent()}`);
  }
  await screenshot(page, 'in-force');
  await logout(page);

  console.log('3. staff2 proposes its revocation from the case page, super1 approves it');
  await login(page, 'staff2', 'login-staff2');
  await page.goto(`${new URL(page.url()).origin}/#/long-term-illness/${exceptionId}`);
  await page.getByTestId('illness-revoke').click();
  await page.getByTestId('camunda-form').locator('.fjs-form').waitFor();
  const revocationForm = (await apiGet(page, '/processes')).find(
    (process) => process.key === 'LongTermIllnessRevocation',
  )?.startForm;
  const number = await page.getByTestId('camunda-form').getByLabel(/長期療養特例の番号/).first().inputValue();
  if (number !== String(exceptionId)) {
    fail(`the revocation opened on case "${number}" instead of ${exceptionId}`);
  }
  await fillText(page, revocationForm, { key: 'reason' }, '意見書の療養期間が別の方のものだった（医療機関に確認）');
  await page.waitForTimeout(1_000);
  await page.getByTestId('start-button').click();
  await page.getByTestId('start-result').or(page.getByTestId('start-message')).first().waitFor();
  if (await page.getByTestId('start-message').isVisible()) {
    fail(`proposing the revocation failed: ${await page.getByTestId('start-message').textContent()}`);
  }
  const revocationLabel = (await page.getByTestId('started-case-label').textContent())?.trim();
  await logout(page);
  await login(page, 'super1', 'login-super1');
  await doTask(page, '特例の取消しの承認（上長）', revocationLabel, async (task) => {
    await chooseOption(page, task, { key: 'revocation' }, { value: 'APPROVE' });
    await page.waitForTimeout(1_000);
  });
  await page.goto(`${new URL(page.url()).origin}/#/long-term-illness/${exceptionId}`);
  await page.getByTestId('illness-exception-status').waitFor();
  if ((await page.getByTestId('illness-exception-status').textContent())?.trim() !== '取消し') {
    fail(`after the revocation the case page says ${await page.getByTestId('illness-exception-status').textContent()}`);
  }
  if (!(await page.getByTestId('illness-exception-facts').textContent())?.includes('別の方のものだった')) {
    fail('the revoked case does not show the reason');
  }
  await screenshot(page, 'revoked');
}

await runScenario('long-term illness special case from the resident page to its revocation', 'illness-', run);
