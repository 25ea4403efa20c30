// A supervisor moves an absent colleague's task to the stand-in: staff2 starts a non-resident confirmation, takes
// its first step and marks an absence with staff1 as stand-in; super1 sees the absence in the task list and gives
// the step to staff1; staff1 gets the notice, opens the step from it, sees where the case stands on its diagram and
// completes it. Every page of both roles is checked with axe-core and at phone and tablet widths.
import { checkEveryPage } from './a11y.mjs';
import {
  chooseOption,
  claim,
  complete,
  fail,
  fillDate,
  fillText,
  login,
  logout,
  navLink,
  openTab,
  openTask,
  runScenario,
  screenshot,
  startProcess,
  waitForTaskRow,
} from './lib.mjs';

const PROCESS_KEY = 'NonResidentConfirmation';
const PROPOSAL_TASK = '照合結果の提案';

function officeToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

async function run(page) {
  console.log('1. staff2 starts a case, takes its first step and marks an absence with staff1 standing in');
  await login(page, 'staff2', 'staff2-login');
  const caseLabel = await startProcess(page, PROCESS_KEY, async (startForm) => {
    await fillText(page, startForm, { key: 'nameKana', label: '氏名（カナ）' }, 'フザイ ダイリ');
    await fillDate(page, startForm, { key: 'birthDate', label: '生年月日' }, '1990-04-01');
    await chooseOption(page, startForm, { key: 'sex', label: '性別' }, { value: 'FEMALE', label: '女性' });
    await fillText(page, startForm, { key: 'reason', label: '照会理由' }, '予診票の送付先確認のため');
  });
  await openTab(page, 'group');
  const row = await waitForTaskRow(page, 'group', PROPOSAL_TASK, caseLabel);
  await openTask(page, row);
  await claim(page);
  await navLink(page, '不在と代理', '/tasks/absences').click();
  await page.getByTestId('absence-from').fill(officeToday());
  await page.getByTestId('absence-to').fill(officeToday());
  await page.getByTestId('absence-stand-in').fill('staff1');
  await page.getByRole('button', { name: '不在を登録' }).click();
  await page.getByText('不在を登録しました。').waitFor();
  await screenshot(page, 'staff2-absence');
  await logout(page);

  console.log('2. super1 finds the absent holder\'s step and gives it to the stand-in');
  await login(page, 'super1', 'super1-login');
  await openTab(page, 'all');
  const held = page.getByTestId('task-row').filter({ hasText: caseLabel }).filter({ hasText: PROPOSAL_TASK }).first();
  await held.waitFor();
  if (!((await held.getByTestId('assignee-away').textContent()) ?? '').includes('代理')) {
    fail('the task list does not show the holder as absent with a stand-in');
  }
  await screenshot(page, 'super1-sees-absence');
  await held.getByTestId('task-link').click();
  await page.getByTestId('reassign-panel').waitFor();
  await page.getByTestId('holder-away').waitFor();
  if ((await page.getByTestId('assign-to').inputValue()) !== 'staff1') {
    await page.getByTestId('assign-to').selectOption('staff1');
  }
  await page.getByTestId('assign-reason').fill('担当者の不在のため代理へ');
  await page.getByTestId('assign-button').click();
  await page.getByTestId('assign-message').waitFor();
  await screenshot(page, 'super1-assigned');
  await checkEveryPage(page, 'super1', ['/notices']);
  await logout(page);

  console.log('3. staff1 gets the notice, sees the diagram and completes the step');
  await login(page, 'staff1', 'staff1-login');
  const count = page.getByTestId('notice-count');
  await count.waitFor();
  await page.getByTestId('notice-bell').click();
  const notice = page.getByTestId('notice').filter({ hasText: '割り当てられました' }).first();
  await notice.waitFor();
  await screenshot(page, 'staff1-notice');
  await notice.getByRole('link').click();
  await page.waitForURL(/#\/tasks\/[^/?]+$/);
  await page.getByTestId('complete-button').waitFor();
  await page.getByTestId('case-diagram').waitFor();
  await page.locator('[data-testid="diagram-canvas"] svg').first().waitFor();
  if ((await page.locator('[data-testid="diagram-canvas"] .current-step').count()) === 0) {
    fail('the diagram does not highlight the step the case waits on');
  }
  await screenshot(page, 'staff1-diagram');
  const assignee = (await page.getByTestId('task-assignee').textContent()) ?? '';
  if (!assignee.includes('佐藤')) {
    fail(`the step is not held by staff1 but by ${assignee}`);
  }
  await chooseOption(page, null, { label: '判断' }, { value: 'PROPOSE', label: '一致として提案する' });
  await complete(page);
  await screenshot(page, 'staff1-completed');
  await checkEveryPage(page, 'staff1', ['/notices', '/tasks/absences']);
  await logout(page);
}

await runScenario('a supervisor reassigns an absent colleague\'s task to the stand-in', 'reassign-', run);
