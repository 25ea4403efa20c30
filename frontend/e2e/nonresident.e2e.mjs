// End-to-end run of the non-resident confirmation (住登外者確認) with its four-eyes double check,
// driven through the real UI against a running backend in demo mode.
//
//   BASE_URL=http://localhost:8080 SCREENSHOT_DIR=/tmp/shots E2E_PASSWORD=... node e2e/nonresident.e2e.mjs
import {
  chooseOption,
  claim,
  complete,
  fail,
  fillDate,
  fillText,
  login,
  logout,
  openTab,
  openTask,
  runScenario,
  screenshot,
  startProcess,
  taskRows,
  waitForTaskRow,
} from './lib.mjs';

const PROCESS_KEY = 'NonResidentConfirmation';
const PROPOSAL_TASK = '照合結果の提案';
const DOUBLE_CHECK_TASK = '照合結果の確認（ダブルチェック）';

async function run(page) {
  console.log('1. staff1 starts a non-resident confirmation');
  await login(page, 'staff1', 'login');
  await screenshot(page, 'staff1-home');

  const caseLabel = await startProcess(page, PROCESS_KEY, async (startForm) => {
    await fillText(page, startForm, { key: 'nameKana', label: '氏名（カナ）' }, 'ヤマダ タロウ');
    await fillDate(page, startForm, { key: 'birthDate', label: '生年月日' }, '2000-01-01');
    await chooseOption(page, startForm, { key: 'sex', label: '性別' }, { value: 'MALE', label: '男性' });
    await fillText(page, startForm, { key: 'reason', label: '照会理由' }, '予防接種の予診票送付先確認のため');
  });

  console.log(`2. staff1 proposes the match (${PROPOSAL_TASK})`);
  await openTab(page, 'group');
  const proposalRow = await waitForTaskRow(page, 'group', PROPOSAL_TASK, caseLabel);
  await screenshot(page, 'group-tab-proposal');
  const proposal = await openTask(page, proposalRow);
  await claim(page);
  await chooseOption(page, proposal.schema, { label: '判断' }, { value: 'PROPOSE', label: '一致として提案する' });
  await screenshot(page, 'proposal-filled');
  await complete(page);
  await screenshot(page, 'proposal-completed');

  console.log(`3. staff1 may not do the double check (${DOUBLE_CHECK_TASK})`);
  await openTab(page, 'group');
  const ownCheckRow = await waitForTaskRow(page, 'group', DOUBLE_CHECK_TASK, caseLabel);
  await openTask(page, ownCheckRow);
  const message = page.getByTestId('task-message');
  const claimButton = page.getByTestId('claim-button');
  const completeButton = page.getByTestId('complete-button');
  try {
    await message.waitFor({ timeout: 5_000 });
  } catch {
    // No refusal shown up front: the server must then refuse the claim itself.
    if ((await claimButton.count()) === 0 || (await claimButton.isDisabled())) {
      fail('staff1 sees neither a refusal nor a claim button on the double check');
    }
    await claimButton.click();
    await message.waitFor();
  }
  const refusal = (await message.textContent()) ?? '';
  if (!refusal.includes('別の職員')) {
    fail(`expected the four-eyes refusal (別の職員), got: ${refusal}`);
  }
  if (!(await completeButton.isDisabled())) {
    fail('the complete button is enabled for the proposer on the double check');
  }
  await screenshot(page, 'double-check-refused');
  // Should the server have let the claim through, release it so that staff2 can take the task.
  if (await page.getByTestId('unclaim-button').isVisible()) {
    await page.getByTestId('unclaim-button').click();
    await claimButton.waitFor();
  }
  await logout(page);
  await screenshot(page, 'staff1-logged-out');

  console.log('4. staff2 confirms the match');
  await login(page, 'staff2', 'login-staff2');
  await openTab(page, 'group');
  const checkRow = await waitForTaskRow(page, 'group', DOUBLE_CHECK_TASK, caseLabel);
  await screenshot(page, 'staff2-group-tab');
  const check = await openTask(page, checkRow);
  await claim(page);
  await chooseOption(page, check.schema, { label: '判断' }, { value: 'CONFIRM', label: '確認する' });
  await screenshot(page, 'double-check-filled');
  await complete(page);
  await screenshot(page, 'double-check-completed');

  for (const view of ['mine', 'group']) {
    await openTab(page, view);
    const byId = await page.locator(`[data-testid="task-row"][data-task-id="${check.taskId}"]`).count();
    const byName = await taskRows(page, DOUBLE_CHECK_TASK, caseLabel).count();
    if (byId > 0 || byName > 0) {
      fail(`the completed double check is still listed in the ${view} tab`);
    }
    await screenshot(page, `staff2-${view}-tab-after`);
  }
}

await runScenario('non-resident confirmation with four-eyes double check', 'nonresident-', run);
