// End-to-end run of a VRS mover query (転入者の接種記録照会, R30/R31): staff record the resident's consent and the
// identity check with the former municipality's code, a supervisor approves, VRS (simulator) answers with the former
// municipality's records, another staff member checks them, and the VRS page shows the query completed.
//
//   BASE_URL=http://localhost:8080 SCREENSHOT_DIR=/tmp/shots E2E_PASSWORD=... node e2e/vrs-mover-query.e2e.mjs
import {
  apiGet,
  chooseOption,
  doTask,
  fail,
  fillDate,
  fillText,
  findAddresseeNumber,
  login,
  logout,
  runScenario,
  screenshot,
  startProcess,
} from './lib.mjs';

const PROCESS_KEY = 'VrsMoverQuery';

/** The office's today (Japan time) as YYYY-MM-DD. */
function officeToday() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

async function run(page) {
  console.log('1. staff1 records the consent and the identity check at the counter');
  await login(page, 'staff1', 'login-staff1');
  const addresseeNumber = await findAddresseeNumber(page);
  // In real work the 転入届 names the former municipality; the simulator tells which of its synthetic ones it is.
  const former = await apiGet(page, `/vrs/simulator/former-municipality?addresseeNumber=${addresseeNumber}`);
  console.log(`  former municipality (simulator): ${former.code} ${former.name}`);
  const today = officeToday();
  const caseLabel = await startProcess(page, PROCESS_KEY, async (startForm) => {
    await fillText(page, startForm, { key: 'addresseeNumber', label: '宛名番号' }, addresseeNumber);
    await fillText(page, startForm, { key: 'formerMunicipalityCode', label: '転出元の市区町村コード' }, former.code);
    await chooseOption(page, startForm, { key: 'consentDocument', label: '本人の同意を得た書類' }, {
      value: 'TICKET_APPLICATION',
    });
    await fillDate(page, startForm, { key: 'consentGivenOn', label: '同意を得た日' }, today);
    await chooseOption(page, startForm, { key: 'identityDocument', label: '本人確認に用いた書類' }, {
      value: 'MY_NUMBER_CARD',
    });
    await fillDate(page, startForm, { key: 'identityCheckedOn', label: '本人確認をした日' }, today);
  });
  await logout(page);

  console.log('2. super1 approves sending the 個人番号 with the former municipality code');
  await login(page, 'super1', 'login-super1');
  await doTask(page, '照会の承認（上長）', caseLabel, async (schema) => {
    await chooseOption(page, schema, { key: 'approval', label: '判断' }, { value: 'APPROVE' });
  });
  await logout(page);

  console.log('3. staff2 checks the records VRS brought back');
  await login(page, 'staff2', 'login-staff2');
  await doTask(page, '転出元の接種記録の確認（職員）', caseLabel, async () => {
    const context = page.locator('.case-context').first();
    if (!((await context.textContent()) ?? '').includes(former.code)) {
      fail(`the case beside the check does not show the records of ${former.code}`);
    }
    await page.getByTestId('camunda-form').getByLabel('転出元の接種記録が本人のものであることを確認した').check();
  });

  console.log('4. the VRS page shows the query completed');
  const queryId = Number(caseLabel.replace(/^.*#/, ''));
  const queries = await apiGet(page, '/vrs/mover-queries');
  const state = queries.find((query) => query.id === queryId);
  if (state?.status !== 'RECORDED') {
    fail(`query #${queryId} is not completed: ${JSON.stringify(state)}`);
  }
  await page.getByRole('link', { name: 'VRS（新型コロナ）', exact: true }).click();
  await page.getByTestId('mover-query-table').waitFor();
  await screenshot(page, 'vrs-page');
  await logout(page);
}

await runScenario('VRS mover query with consent, identity check and supervisor approval', 'vrs-', run);
