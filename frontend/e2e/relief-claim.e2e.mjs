// End-to-end run of a health-damage relief claim (健康被害救済, R33): intake with a missing document, the request
// for it and its upload, the investigation committee, the Ministry's recognition (simulator), the municipality's
// decision to pay and the supervisor's approval, and the case page with its notice, timeline and payments.
//
//   BASE_URL=http://localhost:8080 SCREENSHOT_DIR=/tmp/shots E2E_PASSWORD=... node e2e/relief-claim.e2e.mjs
import {
  apiGet,
  chooseOption,
  doTask,
  fail,
  fillDate,
  fillText as fillTextNow,
  findAddresseeNumber,
  login,
  logout,
  runScenario,
  screenshot,
  startProcess,
} from './lib.mjs';

const PROCESS_KEY = 'ReliefClaim';

function isoDate(daysFromToday) {
  const date = new Date(Date.now() + daysFromToday * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(date);
}

/** Ticks options of a form-js checklist by their labels. */
async function tick(page, labels) {
  for (const label of labels) {
    await page.getByTestId('camunda-form').getByLabel(label, { exact: true }).check();
  }
}

/** form-js passes typed text and numbers on after a short debounce; let it before completing. */
async function settle(page) {
  await page.waitForTimeout(1_000);
}

/**
 * Types into a text or number field and waits out form-js's debounce before the next field: a re-render by one
 * field's late update could otherwise drop another's pending one.
 */
async function fillText(page, schema, spec, value) {
  await fillTextNow(page, schema, spec, value);
  await page.waitForTimeout(600);
}

async function openCasePage(page, claimId) {
  await page.goto(`${new URL(page.url()).origin}/#/relief/${claimId}`);
  await page.getByTestId('relief-status').waitFor();
}

async function run(page) {
  console.log('1. staff1 takes in a claim for medical expenses and a disability pension; one certificate is missing');
  await login(page, 'staff1', 'login-staff1');
  const addresseeNumber = await findAddresseeNumber(page);
  const caseLabel = await startProcess(page, PROCESS_KEY, async (form) => {
    await fillText(page, form, { key: 'addresseeNumber' }, addresseeNumber);
    await chooseOption(page, form, { key: 'claimantRelation' }, { value: 'SELF' });
    await fillText(page, form, { key: 'claimantName' }, '架空 請求者');
    await chooseOption(page, form, { key: 'vaccinationClass' }, { value: 'A' });
    await fillText(page, form, { key: 'vaccine' }, 'MR');
    await fillDate(page, form, { key: 'vaccinatedOn' }, isoDate(-20));
    await tick(page, ['医療費', '障害年金']);
    await tick(page, ['請求書', '予防接種を受けたことを証明する書類', '受診証明書・診療録', '医療費の領収書']);
    await settle(page);
  });
  const claimId = Number(caseLabel.replace(/^.*#/, ''));

  console.log('2. staff1 asks for the missing certificate, which arrives as a scanned PDF on the case page');
  await doTask(page, '不足書類の提出依頼', caseLabel, async (form) => {
    await fillDate(page, form, { key: 'requestedOn' }, isoDate(0));
    await fillText(page, form, { key: 'note' }, '障害の状態に関する診断書を郵送で依頼');
    await settle(page);
  });
  await openCasePage(page, claimId);
  await page.getByTestId('relief-document-type').selectOption('DISABILITY_CERTIFICATE');
  await page.getByTestId('relief-document-file').setInputFiles({
    name: '診断書.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% synthetic end-to-end test document\n%%EOF\n'),
  });
  await page.getByTestId('relief-upload-button').click();
  await page.getByTestId('relief-upload-done').or(page.getByTestId('relief-upload-error')).first().waitFor();
  if (await page.getByTestId('relief-upload-error').isVisible()) {
    fail(`upload failed: ${await page.getByTestId('relief-upload-error').textContent()}`);
  }
  await page.getByTestId('relief-missing-none').waitFor();
  await screenshot(page, 'relief-document-uploaded');
  await doTask(page, '不足書類の受領', caseLabel, async (form) => {
    await fillDate(page, form, { key: 'receivedOn' }, isoDate(0));
    await settle(page);
  });

  console.log('3. the investigation committee meets and its opinion is recorded');
  await doTask(page, '調査委員会の開催日程の決定', caseLabel, async (form) => {
    await fillDate(page, form, { key: 'meetingOn' }, isoDate(0));
    await settle(page);
  });
  await logout(page);
  await login(page, 'staff2', 'login-staff2');
  await doTask(page, '調査委員会の意見の記録', caseLabel, async (form) => {
    await chooseOption(page, form, { key: 'opinion' }, { value: 'CAUSAL' });
    await fillText(page, form, { key: 'summary' }, '接種後の経過から因果関係が考えられる（架空の事例）');
    await settle(page);
  });

  console.log('4. the claim goes to the prefecture and the Ministry (simulator), which recognises it');
  await doTask(page, '支給・不支給の決定（職員）', caseLabel, async (form) => {
    await chooseOption(page, form, { key: 'municipalDecision' }, { value: 'PAY' });
    await fillText(page, form, { key: 'oneOffAmountYen' }, '120000');
    await fillText(page, form, { key: 'periodicAmountYen' }, '50000');
    await fillText(page, form, { key: 'reason' }, '厚生労働大臣の認定による');
    await settle(page);
  });
  await logout(page);

  console.log('5. super1 approves the decision; the notice is written and the first payments are scheduled');
  await login(page, 'super1', 'login-super1');
  await doTask(page, '支給・不支給の承認（上長）', caseLabel, async (form) => {
    await chooseOption(page, form, { key: 'approval' }, { value: 'APPROVE' });
    await settle(page);
  });
  await openCasePage(page, claimId);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const claim = await apiGet(page, `/relief/claims/${claimId}`);
    if (claim.status === 'PAYING' && claim.payments.length >= 2) {
      break;
    }
    if (attempt === 19) {
      fail(`claim #${claimId} is not paying: ${claim.status}, ${claim.payments.length} payments`);
    }
    await page.waitForTimeout(500);
  }
  await openCasePage(page, claimId);
  await page.getByTestId('relief-notice').waitFor();
  const notice = await page.getByTestId('relief-notice').textContent();
  if (!notice?.includes('支給決定通知書')) {
    fail(`no payment notice on the case page: ${notice}`);
  }
  const timeline = await page.getByTestId('relief-timeline').textContent();
  for (const step of ['請求を受付', '書類を登録', '調査委員会の意見', '厚生労働省へ進達', '厚生労働省の通知', '上長が決定（支給）を承認']) {
    if (!timeline?.includes(step)) {
      fail(`the timeline lacks "${step}"`);
    }
  }
  await page.getByTestId('relief-payments').waitFor();
  await screenshot(page, 'relief-case-page');
}

await runScenario('health-damage relief claim from intake through decision', 'relief-', run);
