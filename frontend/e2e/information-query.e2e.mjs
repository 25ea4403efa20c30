// End-to-end run of an information query (情報照会): staff request, supervisor approval, the network's
// answer (simulator), and the double check of the result by two other staff.
//
//   BASE_URL=http://localhost:8080 SCREENSHOT_DIR=/tmp/shots E2E_PASSWORD=... node e2e/information-query.e2e.mjs
import {
  apiGet,
  chooseOption,
  doTask,
  fail,
  fillText,
  findAddresseeNumber,
  login,
  logout,
  runScenario,
  screenshot,
  startProcess,
} from './lib.mjs';

const PROCESS_KEY = 'InformationQuery';

async function run(page) {
  console.log('1. staff1 requests a query of local-tax data');
  await login(page, 'staff1', 'login-staff1');
  const addresseeNumber = await findAddresseeNumber(page);
  const caseLabel = await startProcess(page, PROCESS_KEY, async (startForm) => {
    await fillText(page, startForm, { key: 'addresseeNumber', label: '宛名番号' }, addresseeNumber);
    await chooseOption(page, startForm, { key: 'informationItem', label: '照会する情報' }, { value: 'LOCAL_TAX' });
    await chooseOption(page, startForm, { key: 'legalBasis', label: '根拠規定' }, { value: 'ACT19_8_TABLE14' });
    await fillText(page, startForm, { key: 'purpose', label: '照会の目的' }, '高齢者インフルエンザ自己負担金免除の判定のため');
  });
  await logout(page);

  console.log('2. super1 approves the query');
  await login(page, 'super1', 'login-super1');
  await doTask(page, '照会内容の承認（上長）', caseLabel, async (schema) => {
    await chooseOption(page, schema, { key: 'decision', label: '判断' }, { value: 'APPROVE' });
  });
  await logout(page);

  console.log('3. staff1 checks the answer (first check)');
  await login(page, 'staff1', 'login-staff1-check');
  await doTask(page, '照会結果の確認（1次）', caseLabel, async (schema) => {
    await chooseOption(page, schema, { key: 'decision', label: '判断' }, { value: 'CONFIRM' });
  });
  await logout(page);

  console.log('4. staff2 checks it again and saves it to the record');
  await login(page, 'staff2', 'login-staff2');
  await doTask(page, '照会結果の確認（2次）', caseLabel, async (schema) => {
    await chooseOption(page, schema, { key: 'decision', label: '判断' }, { value: 'SAVE' });
  });
  await logout(page);

  console.log('5. staff1 sees the query completed');
  await login(page, 'staff1', 'login-staff1-status');
  const queryId = Number(caseLabel.replace(/^.*#/, ''));
  const mine = await apiGet(page, '/information-queries/mine');
  const state = mine.find((query) => query.id === queryId);
  if (!state?.ended || !state.status.startsWith('完了')) {
    fail(`query #${queryId} is not completed: ${JSON.stringify(state)}`);
  }
  await page.goto(`${new URL(page.url()).origin}/#/queries`);
  await page.waitForTimeout(1_000);
  await screenshot(page, 'queries-page');
}

await runScenario('information query with supervisor approval and double check', 'query-', run);
