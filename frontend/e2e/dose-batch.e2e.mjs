// End-to-end run of a clinic's monthly batch (予診票の一括登録): staff1 uploads a CSV with two bad lines, corrects
// one and excludes the other, staff2 approves the batch as the second staff member, and the dose appears on the
// resident's case page.
//
//   BASE_URL=http://localhost:8080 SCREENSHOT_DIR=/tmp/shots E2E_PASSWORD=... node e2e/dose-batch.e2e.mjs
import {
  apiGet,
  chooseOption,
  claim,
  complete,
  doTask,
  fail,
  login,
  logout,
  navLink,
  openTab,
  openTask,
  runScenario,
  screenshot,
  waitForTaskRow,
} from './lib.mjs';

const PROCESS_NAME = '予診票の一括登録';
const HEADER = '宛名番号,接種種別,接種区分,生年月日,性別,LotNo,接種量,接種_医療機関ID,接種_医師ID,実施場所ID,接種年月日,請求月';
const REGISTRATION_TIMEOUT_MS = 30_000;

/** Two children old enough for MR 1期, found through the resident search API with the browser's session. */
async function twoChildren(page) {
  return page.evaluate(async () => {
    const token = document.cookie.split('; ').find((part) => part.startsWith('XSRF-TOKEN='))?.split('=')[1];
    const today = new Date();
    const children = [];
    for (const name of ['タ', 'ア', 'サ', 'カ', 'ナ', 'ヤ', 'マ', 'ハ']) {
      const response = await fetch('/api/residents/search', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(token ?? '') },
        body: JSON.stringify({ name, size: 100 }),
      });
      const page = await response.json();
      for (const resident of page.items ?? []) {
        const months = (today - new Date(resident.birthDate)) / (1000 * 60 * 60 * 24 * 30.4);
        if (resident.status === 'REGISTERED' && months > 15 && months < 60
            && !children.some((child) => child.id === resident.id)) {
          children.push(resident);
        }
      }
      if (children.length >= 2) {
        return children.slice(0, 2);
      }
    }
    return children;
  });
}

function line(child, lot) {
  const birth = new Date(`${child.birthDate}T00:00:00Z`);
  const dose = new Date(Date.UTC(birth.getUTCFullYear(), birth.getUTCMonth() + 12, birth.getUTCDate() + 3));
  const doseDate = dose.toISOString().slice(0, 10);
  return [child.addresseeNumber, 'MR', '1期', child.birthDate, child.sex === 'MALE' ? '男' : '女', lot, '0.5',
    '1110101', 'D1010101', 'P01', doseDate, doseDate.slice(0, 7).replace('-', '')].join(',');
}

async function rowStatus(page, lineNumber, status) {
  await page.locator(`[data-testid="batch-row-${lineNumber}"][data-status="${status}"]`).waitFor();
}

async function run(page) {
  page.on('dialog', (dialog) => void dialog.accept());

  console.log('1. staff1 uploads a clinic batch with two bad lines');
  await login(page, 'staff1', 'login-staff1');
  const [first, second] = await twoChildren(page);
  if (!second) {
    fail('no two children aged 15-60 months among the synthetic residents');
  }
  const csv = ['\uFEFF' + HEADER, line(first, 'MR2025A'), line(second, 'ロット?'), line({ ...second, addresseeNumber: '9999999999' }, 'MR2025C')]
    .join('\r\n') + '\r\n';
  await navLink(page, '一括登録', '/dose-batches').click();
  await page.getByTestId('batch-upload-input').setInputFiles({
    name: '2026-10_さくら小児科クリニック.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await screenshot(page, 'batch-file-chosen');
  await page.getByTestId('batch-upload-button').click();
  await page.waitForURL(/#\/dose-batches\/\d+$/);
  const batchId = Number(new URL(page.url()).hash.replace(/^#\/dose-batches\//, ''));
  await page.locator('[data-testid="batch-status"][data-status="REVIEW"]').waitFor({ timeout: 30_000 });
  if ((await page.getByTestId('batch-count-rejected').textContent())?.trim().startsWith('2') !== true) {
    fail(`expected 2 rejected lines, the page says ${await page.getByTestId('batch-count-rejected').textContent()}`);
  }
  await screenshot(page, 'batch-review');

  console.log('2. staff1 takes the review step, corrects the lot number of line 3 and excludes line 4');
  // Rows are corrected only by whoever holds the review step (issue 15).
  const caseLabel = `${PROCESS_NAME} #${batchId}`;
  await openTab(page, 'group');
  await openTask(page, await waitForTaskRow(page, 'group', 'エラー行の確認', caseLabel));
  await claim(page);
  await page.goto(`${new URL(page.url()).origin}/#/dose-batches/${batchId}`);
  await page.getByTestId('batch-row-edit-3').click();
  await page.getByTestId('batch-row-3-lotNumber').fill('MR2025B');
  await screenshot(page, 'batch-row-corrected');
  await page.getByTestId('batch-row-save-3').click();
  await rowStatus(page, 3, 'ACCEPTED');
  await page.getByTestId('batch-row-exclude-4').click();
  await rowStatus(page, 4, 'EXCLUDED');
  await screenshot(page, 'batch-rows-fixed');

  await openTab(page, 'mine');
  const review = await openTask(page, await waitForTaskRow(page, 'mine', 'エラー行の確認', caseLabel));
  await chooseOption(page, review.schema, { key: 'decision', label: '判断' }, { value: 'PROCEED' });
  await complete(page);
  await logout(page);

  console.log('3. staff2 approves the batch as the second staff member');
  await login(page, 'staff2', 'login-staff2');
  await doTask(page, '一括登録の承認（別の職員）', caseLabel, async (schema) => {
    await chooseOption(page, schema, { key: 'decision', label: '判断' }, { value: 'APPROVE' });
  });

  console.log('4. the corrected dose is on the resident\'s case page');
  const deadline = Date.now() + REGISTRATION_TIMEOUT_MS;
  for (;;) {
    const batch = await apiGet(page, `/dose-batches/${batchId}`);
    if (batch.status === 'REGISTERED') {
      break;
    }
    if (Date.now() > deadline) {
      fail(`the batch was not registered within ${REGISTRATION_TIMEOUT_MS / 1000} s: ${batch.status}`);
    }
    await page.waitForTimeout(1_000);
  }
  await page.goto(`${new URL(page.url()).origin}/#/residents/${second.id}`);
  const dose = page.getByTestId('dose-entry').filter({ hasText: 'MR2025B' });
  await dose.waitFor();
  await screenshot(page, 'resident-case-with-dose');
  await page.goto(`${new URL(page.url()).origin}/#/dose-batches/${batchId}`);
  await page.locator('[data-testid="batch-status"][data-status="REGISTERED"]').waitFor();
  await screenshot(page, 'batch-registered');
  await logout(page);
}

await runScenario('dose batch: upload, correct, exclude, approve by a second staff member', 'dose-batch-', run);
