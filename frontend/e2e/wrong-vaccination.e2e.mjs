// End-to-end run of a 予防接種の間違い report: a BCG dose given after the 1st birthday is registered at the counter
// with its warning (E034) confirmed, staff1 opens the report from the list of flagged doses, staff1 and staff2
// record that the guardian and the clinic were told, super1 approves, and the report reaches the prefecture
// (simulator), whose receipt number shows on the report's page.
//
//   BASE_URL=http://localhost:8080 SCREENSHOT_DIR=/tmp/shots E2E_PASSWORD=... node e2e/wrong-vaccination.e2e.mjs
import {
  apiGet,
  chooseOption,
  doTask,
  fail,
  fillDate,
  fillText,
  login,
  logout,
  navLink,
  runScenario,
  screenshot,
} from './lib.mjs';

const REPORT_TIMEOUT_MS = 30_000;

function isoDate(daysFromToday) {
  const date = new Date(Date.now() + daysFromToday * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(date);
}

/**
 * Registers, with the browser's session, a BCG dose ten days after the 1st birthday of a 2-5-year-old without BCG:
 * the counter confirms the E034 warning, as a clerk does after checking the 予診票. Returns the dose record's id and
 * date.
 */
async function lateBcgDose(page) {
  return page.evaluate(async () => {
    const token = decodeURIComponent(
      document.cookie.split('; ').find((part) => part.startsWith('XSRF-TOKEN='))?.split('=')[1] ?? '',
    );
    const post = (path, body) =>
      fetch(`/api${path}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
        body: JSON.stringify(body),
      });
    const today = new Date();
    for (const name of ['タ', 'ア', 'サ', 'カ', 'ナ', 'ヤ', 'マ', 'ハ']) {
      const hits = await (await post('/residents/search', { name, size: 100 })).json();
      for (const resident of hits.items ?? []) {
        const years = (today - new Date(resident.birthDate)) / (1000 * 60 * 60 * 24 * 365.25);
        if (resident.status !== 'REGISTERED' || years < 2 || years > 5) {
          continue;
        }
        const residentCase = await (await fetch(`/api/residents/${resident.id}/case`)).json();
        if ((residentCase.doses ?? []).some((dose) => dose.vaccine === 'BCG')) {
          continue;
        }
        const birth = new Date(`${resident.birthDate}T00:00:00Z`);
        const doseDate = new Date(Date.UTC(birth.getUTCFullYear() + 1, birth.getUTCMonth(), birth.getUTCDate() + 10))
          .toISOString()
          .slice(0, 10);
        const registered = await post('/doses', {
          confirmWarnings: true,
          items: {
            addresseeNumber: resident.addresseeNumber,
            vaccine: 'BCG',
            doseCategory: '1回',
            lotNumber: 'BCG2026E',
            institutionId: '1110101',
            doctorId: 'D1010101',
            placeId: 'P01',
            doseDate,
          },
        });
        if (!registered.ok) {
          throw new Error(`registering the dose answered HTTP ${registered.status}: ${await registered.text()}`);
        }
        return { id: (await registered.json()).id, doseDate };
      }
    }
    return null;
  });
}

async function run(page) {
  console.log('1. a BCG dose after the 1st birthday is registered with its warning (E034) confirmed');
  await login(page, 'staff1', 'login-staff1');
  const dose = await lateBcgDose(page);
  if (!dose) {
    fail('no 2-5-year-old without BCG among the synthetic residents');
  }
  const doseId = dose.id;
  const [doseYear, doseMonth] = dose.doseDate.split('-').map(Number);

  console.log('2. staff1 finds it among the flagged doses and opens a report on it');
  await navLink(page, '予防接種の間違い', '/mistakes').click();
  await page.getByLabel('年度（接種日）').selectOption(String(doseMonth >= 4 ? doseYear : doseYear - 1));
  const state = page.getByTestId(`mistake-state-${doseId}`);
  await state.waitFor();
  if ((await state.textContent())?.trim() !== '未対応') {
    fail(`dose #${doseId} is listed as ${await state.textContent()}`);
  }
  await screenshot(page, 'flagged-doses');
  await page.getByTestId(`report-${doseId}`).click();
  const processes = await apiGet(page, '/processes');
  const form = processes.find((process) => process.key === 'WrongVaccinationReport')?.startForm;
  if (!form) {
    fail('the wrong-vaccination report is missing from the catalogue');
  }
  await page.getByTestId('camunda-form').locator('.fjs-form').waitFor();
  const prefilled = await page.getByTestId('camunda-form').getByLabel(/接種記録の番号/).first().inputValue();
  if (prefilled !== String(doseId)) {
    fail(`the start form opened with dose "${prefilled}" instead of ${doseId}`);
  }
  await chooseOption(page, form, { key: 'kind' }, { value: 'AGE' });
  await page.waitForTimeout(600);
  await fillText(page, form, { key: 'whatHappened' }, '1歳の誕生日を過ぎた児にBCGを接種した（架空の事例）');
  await fillText(page, form, { key: 'cause' }, '予診時に接種期限（1歳の誕生日の前日）を確認しなかった');
  await fillText(page, form, { key: 'prevention' }, '受付で母子健康手帳の生年月日から接種期限を確認する');
  await chooseOption(page, form, { key: 'healthDamage' }, { value: 'NONE' });
  await page.waitForTimeout(1_000);
  await screenshot(page, 'report-start-form');
  await page.getByTestId('start-button').click();
  await page.getByTestId('start-result').or(page.getByTestId('start-message')).first().waitFor();
  if (await page.getByTestId('start-message').isVisible()) {
    fail(`opening the report failed: ${await page.getByTestId('start-message').textContent()}`);
  }
  const caseLabel = (await page.getByTestId('started-case-label').textContent())?.trim();
  const reportId = Number(caseLabel.replace(/^.*#/, ''));
  console.log(`  opened ${caseLabel}`);

  console.log('3. staff1 records that the guardian was told, staff2 that the clinic was');
  await doTask(page, '被接種者（保護者）への説明の記録', caseLabel, async (task) => {
    await fillDate(page, task, { key: 'informedOn' }, isoDate(0));
    await chooseOption(page, task, { key: 'informedHow' }, { value: 'FACE' });
    await page.waitForTimeout(1_000);
  });
  await logout(page);
  await login(page, 'staff2', 'login-staff2');
  await doTask(page, '医療機関への連絡の記録', caseLabel, async (task) => {
    await fillDate(page, task, { key: 'informedOn' }, isoDate(0));
    await fillText(page, task, { key: 'contact' }, 'さくら小児科クリニック 院長');
    await page.waitForTimeout(1_000);
  });
  await logout(page);

  console.log('4. super1 approves; the report goes to the prefecture and its receipt shows on the report page');
  await login(page, 'super1', 'login-super1');
  await doTask(page, '報告の承認（上長）', caseLabel, async (task) => {
    await chooseOption(page, task, { key: 'decision' }, { value: 'APPROVE' });
    await page.waitForTimeout(1_000);
  });
  const deadline = Date.now() + REPORT_TIMEOUT_MS;
  for (;;) {
    const report = await apiGet(page, `/doses/mistakes/reports/${reportId}`);
    if (report.status === 'REPORTED') {
      break;
    }
    if (Date.now() > deadline) {
      fail(`report #${reportId} is ${report.status}, not reported`);
    }
    await page.waitForTimeout(500);
  }
  await page.goto(`${new URL(page.url()).origin}/#/mistakes/${reportId}`);
  await page.getByTestId('mistake-status').waitFor();
  if ((await page.getByTestId('mistake-status').textContent())?.trim() !== '報告済み') {
    fail(`the report page says ${await page.getByTestId('mistake-status').textContent()}`);
  }
  const progress = await page.getByTestId('mistake-progress').textContent();
  if (!/受付番号 PREF-\d{4}-\d{5}/.test(progress ?? '')) {
    fail(`no prefecture receipt on the report page: ${progress}`);
  }
  await screenshot(page, 'report-page');
}

await runScenario('wrong-vaccination report from a flagged dose to the prefecture', 'mistake-', run);
