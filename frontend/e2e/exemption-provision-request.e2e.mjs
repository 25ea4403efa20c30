// End-to-end run of three cases the other scenarios do not make, so that their task and case pages are checked with
// axe-core and at phone and tablet widths like every other page: a co-pay exemption at the counter whose 庁内連携 match
// cannot decide it (R26: staff decide from the documents, a supervisor approves), a provision outside the network
// (R13: confirmed by a second staff member, then sent), and a resident's disclosure request (R28: identity check,
// decision, the supervisor's approval, the notice sent). Besides, the steps off those main paths: an exemption applied
// for online (ぴったりサービス, through its simulator: 申請者の特定), a correction request received too long ago (its
// deadline follow-ups for staff and the supervisor, then 訂正の実施と記録), and the provision sent back once (提供内容の
// 訂正または取下げ). Each task page is checked as its holder has it open, each case page while the case is open; the
// case-pages scenario checks them again once they have ended.
//
//   BASE_URL=http://localhost:8080 SCREENSHOT_DIR=/tmp/shots E2E_PASSWORD=... node e2e/exemption-provision-request.e2e.mjs
import { checkCurrentPage, checkPaths } from './a11y.mjs';
import {
  chooseOption,
  doTask,
  fillDate,
  fillText,
  findAddresseeNumber,
  login,
  logout,
  navLink,
  openTab,
  openTask,
  runScenario,
  startProcess,
  waitForTaskRow,
} from './lib.mjs';

/** The office's date (Japan time) `daysAgo` days before today, as YYYY-MM-DD. */
function officeDate(daysAgo = 0) {
  const day = new Date(Date.now() - daysAgo * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(day);
}

function caseId(caseLabel) {
  return caseLabel.replace(/^.*#/, '');
}

/** Completes a task as doTask does, after checking its page as the holder sees it: claimed, with the form open. */
function checkedTask(page, user, taskName, caseLabel, fill) {
  return doTask(page, taskName, caseLabel, async (schema) => {
    await checkCurrentPage(page, user);
    await fill(schema);
  });
}

/** As the resident would online: the simulator files a co-pay exemption application that reaches 申請者の特定. */
async function applyOnline(page, addresseeNumber) {
  await navLink(page, 'シミュレーター', '/admin/simulators').click();
  await page.getByTestId('pittari-addressee-number').fill(addresseeNumber);
  await page.getByTestId('pittari-button').click();
  await page.getByTestId('pittari-result').waitFor();
  await checkCurrentPage(page, 'admin1');
}

async function run(page) {
  const today = officeDate();

  console.log('1. staff1 takes in the three cases at the counter');
  await login(page, 'staff1', 'login-staff1');
  // The 庁内連携 simulator has no tax record for numbers ending in 3 and no welfare status for 4: staff decide.
  const applicant = await findAddresseeNumber(page, (number) => /[34]$/.test(number));
  const exemption = await startProcess(page, 'CoPayExemption', async (form) => {
    await fillText(page, form, { key: 'addresseeNumber' }, applicant);
    await chooseOption(page, form, { key: 'vaccineCode' }, { value: 'INFLUENZA_ELDERLY' });
    await fillText(page, form, { key: 'note' }, '窓口で申請書を受理');
  });
  const resident = await findAddresseeNumber(page);
  // Received 40 days ago: the 30-day deadline has passed, so both of its follow-ups come as soon as it is checked.
  // Not started right after the other request: the catalogue keeps a started card's result open.
  const correction = await startProcess(page, 'ResidentDataRequest', async (form) => {
    await chooseOption(page, form, { key: 'kind' }, { value: 'CORRECTION' });
    await fillText(page, form, { key: 'addresseeNumber' }, resident);
    await chooseOption(page, form, { key: 'requesterType' }, { value: 'SELF' });
    await fillText(page, form, { key: 'requesterName' }, '架空 請求者');
    await fillText(page, form, { key: 'requestText' }, '予防接種の記録の接種日の訂正を求める');
    await fillDate(page, form, { key: 'receivedOn' }, officeDate(40));
  });
  const provision = await startProcess(page, 'OutsideProvision', async (form) => {
    await fillText(page, form, { key: 'addresseeNumber' }, resident);
    await chooseOption(page, form, { key: 'recipientKind' }, { value: 'MUNICIPALITY' });
    await fillText(page, form, { key: 'recipientName' }, '架空市 健康推進課');
    await fillText(page, form, { key: 'recipientContact' }, '架空県架空市本町1-1');
    await chooseOption(page, form, { key: 'method' }, { value: 'PAPER' });
    await fillText(page, form, { key: 'content' }, '定期予防接種の接種歴（ワクチン名・接種日）');
    await fillText(page, form, { key: 'purpose' }, '転出先の市での定期予防接種の実施のため');
    await fillText(page, form, { key: 'legalBasis' }, '予防接種法施行令第6条の2');
  });
  const request = await startProcess(page, 'ResidentDataRequest', async (form) => {
    await chooseOption(page, form, { key: 'kind' }, { value: 'DISCLOSURE' });
    await fillText(page, form, { key: 'addresseeNumber' }, resident);
    await chooseOption(page, form, { key: 'requesterType' }, { value: 'SELF' });
    await fillText(page, form, { key: 'requesterName' }, '架空 請求者');
    await fillText(page, form, { key: 'requestText' }, '本人の予防接種の記録とその利用の記録の開示を求める');
    await fillDate(page, form, { key: 'receivedOn' }, today);
  });
  await checkPaths(page, 'staff1', [
    `#/copay-exemptions/${caseId(exemption)}`,
    `#/outside-provisions/${caseId(provision)}`,
    `#/resident-requests/${caseId(request)}`,
  ]);
  await logout(page);

  console.log('1b. a resident applies for the exemption online (ぴったりサービス, through the simulator)');
  await login(page, 'admin1', 'login-admin1');
  await applyOnline(page, resident);
  await logout(page);
  await login(page, 'staff1', 'login-staff1-again');

  console.log('2. staff1 checks the requester, decides the disclosure and the exemption the match could not');
  await checkedTask(page, 'staff1', '請求者の本人確認', request, async (form) => {
    await chooseOption(page, form, { key: 'identityDocument' }, { value: 'MY_NUMBER_CARD' });
    await chooseOption(page, form, { key: 'identityResult' }, { value: 'CONFIRMED' });
  });
  await checkedTask(page, 'staff1', '開示・訂正・利用停止の決定（職員）', request, async (form) => {
    await chooseOption(page, form, { key: 'decision' }, { value: 'FULL_DISCLOSURE' });
    await fillText(page, form, { key: 'reason' }, '不開示とする情報を含まないため');
  });
  await page.goto(new URL(`#/resident-requests/${caseId(request)}`, page.url()).toString());
  await page.getByTestId('show-package').click();
  await page.getByTestId('show-package').filter({ hasText: '写しを閉じる' }).waitFor();
  await checkCurrentPage(page, 'staff1');
  await checkedTask(page, 'staff1', '請求者の本人確認', correction, async (form) => {
    await chooseOption(page, form, { key: 'identityDocument' }, { value: 'MY_NUMBER_CARD' });
    await chooseOption(page, form, { key: 'identityResult' }, { value: 'CONFIRMED' });
  });
  await checkedTask(page, 'staff1', '期限が近い請求の確認', correction, async (form) => {
    await fillText(page, form, { key: 'note' }, '本日中に決定する');
  });
  await checkedTask(page, 'staff1', '開示・訂正・利用停止の決定（職員）', correction, async (form) => {
    await chooseOption(page, form, { key: 'decision' }, { value: 'CORRECT' });
    await fillText(page, form, { key: 'reason' }, '接種記録の接種日が予診票と異なるため');
  });
  // The online application names nobody in the register yet: staff identify the applicant from its entries.
  await checkedTask(page, 'staff1', '申請者の特定', undefined, async (form) => {
    await chooseOption(page, form, { key: 'decision' }, { value: 'ACCEPT' });
    await fillText(page, form, { key: 'addresseeNumber' }, resident);
  });
  // The applicant brings what the match lacked: the former city's 非課税証明書, or the 生活保護受給証明書.
  const noTaxRecord = applicant.endsWith('3');
  await checkedTask(page, 'staff1', '免除の判断（職員）', exemption, async (form) => {
    await chooseOption(page, form, { key: 'decision' }, { value: 'EXEMPT' });
    await chooseOption(page, form, { key: 'exemptionGround' }, {
      value: noTaxRecord ? 'RESIDENT_TAX_EXEMPT' : 'PUBLIC_ASSISTANCE',
    });
    await chooseOption(page, form, { key: 'evidence' }, {
      value: noTaxRecord ? 'TAX_CERTIFICATE' : 'ASSISTANCE_CERTIFICATE',
    });
    await fillText(page, form, { key: 'reason' }, noTaxRecord ? '転出元の非課税証明書で確認した' : '生活保護受給証明書で確認した');
  });
  await logout(page);

  console.log('3. super1 approves both decisions');
  await login(page, 'super1', 'login-super1');
  await checkedTask(page, 'super1', '免除の承認（上長）', exemption, async (form) => {
    await chooseOption(page, form, { key: 'decision' }, { value: 'APPROVE' });
  });
  await checkedTask(page, 'super1', '決定の承認（上長）', request, async (form) => {
    await chooseOption(page, form, { key: 'approval' }, { value: 'APPROVE' });
  });
  // Before the decision is approved: its approval ends the deadline's watch and this step with it.
  await checkedTask(page, 'super1', '期限を過ぎた請求の確認（上長）', correction, async (form) => {
    await fillText(page, form, { key: 'note' }, '本人確認の書類の到着が遅れた。本日決定する');
  });
  await checkedTask(page, 'super1', '決定の承認（上長）', correction, async (form) => {
    await chooseOption(page, form, { key: 'approval' }, { value: 'APPROVE' });
  });
  // Supervisors may confirm a provision too; this one leaves it to a colleague and only reads it, unclaimed.
  await openTab(page, 'group');
  await openTask(page, await waitForTaskRow(page, 'group', '提供内容と提供先の確認（別の職員）', provision));
  await checkCurrentPage(page, 'super1');
  await logout(page);

  console.log('4. staff2 sends the provision back, records the correction and the disclosure notice sent');
  await login(page, 'staff2', 'login-staff2');
  await checkedTask(page, 'staff2', '提供内容と提供先の確認（別の職員）', provision, async (form) => {
    await chooseOption(page, form, { key: 'approval' }, { value: 'SEND_BACK' });
    await fillText(page, form, { key: 'reason' }, '提供の根拠の条番号を確認してください');
  });
  await checkedTask(page, 'staff2', '訂正の実施と記録', correction, async (form) => {
    await fillText(page, form, { key: 'item' }, '麻しん風しん混合 第1期の接種日');
    await fillText(page, form, { key: 'beforeText' }, '令和6年4月2日');
    await fillText(page, form, { key: 'afterText' }, '令和6年4月12日');
  });
  await checkedTask(page, 'staff2', '決定通知の送付の記録', request, async (form) => {
    await fillDate(page, form, { key: 'noticeSentOn' }, today);
    await chooseOption(page, form, { key: 'delivery' }, { value: 'MAIL' });
  });
  await logout(page);

  console.log('5. staff1 revises the provision sent back');
  await login(page, 'staff1', 'login-staff1-revision');
  await checkedTask(page, 'staff1', '提供内容の訂正または取下げ', provision, async (form) => {
    await chooseOption(page, form, { key: 'revision' }, { value: 'RESUBMIT' });
    await fillText(page, form, { key: 'legalBasis' }, '予防接種法施行令第6条の2第1項');
  });
  await logout(page);

  console.log('6. staff2 confirms the revised provision and records it sent');
  await login(page, 'staff2', 'login-staff2-again');
  await checkedTask(page, 'staff2', '提供内容と提供先の確認（別の職員）', provision, async (form) => {
    await chooseOption(page, form, { key: 'approval' }, { value: 'APPROVE' });
    const confirmation = page.getByTestId('camunda-form');
    await confirmation.getByLabel('提供する内容が記録と一致し、目的に必要な項目だけであることを確認した').check();
    await confirmation.getByLabel('提供先と宛先が正しいことを確認した').check();
  });
  await checkedTask(page, 'staff2', '送付の記録', provision, async (form) => {
    await fillDate(page, form, { key: 'sentOn' }, today);
  });
  await logout(page);
}

await runScenario('co-pay exemption, outside provision and disclosure request, every page checked', 'requests-', run);
