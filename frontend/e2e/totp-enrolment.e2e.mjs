// R07, second factor at login: an account's first login enrols an authenticator app from a QR code, the next login
// asks for a code only, and a wrong code is refused with a Japanese message. Every page of the administrator is
// checked with axe-core and at phone and tablet widths.
import { checkEveryPage } from './a11y.mjs';
import {
  enterCode,
  enterPassword,
  fail,
  isEnrolment,
  login,
  logout,
  navLink,
  runScenario,
  screenshot,
  wrongCode,
} from './lib.mjs';

const USER = 'staff3';

await runScenario('TOTP enrolment at first login, login with a code, a wrong code refused', 'totp-', async (page) => {
  // An administrator resets the account's second factor, so that its next login is a first one whatever ran before.
  await login(page, 'admin1', 'admin-login');
  await navLink(page, 'アカウント管理', '/admin/accounts').click();
  await page.getByTestId(`account-${USER}`).waitFor();
  const reset = page.getByTestId(`account-second-factor-reset-${USER}`);
  if ((await reset.count()) > 0) {
    await reset.click();
    await page.getByText(/次回ログイン時に認証アプリを登録し直します/).waitFor();
  }
  await page.getByTestId(`account-${USER}`).getByText('未登録').waitFor();
  await screenshot(page, 'accounts-second-factor-reset');
  await checkEveryPage(page, 'admin1');
  await logout(page);

  console.log('  first login: enrolment');
  await enterPassword(page, USER, 'first-login-password');
  if (!(await isEnrolment(page))) {
    fail('the first login did not show the enrolment page');
  }
  await page.getByTestId('totp-qr').waitFor();
  if (!(await page.getByText('次のQRコードを認証アプリで読み取ってください。').isVisible())) {
    fail('the enrolment page does not say to scan the QR code with the authenticator app');
  }
  await screenshot(page, 'enrolment-qr-code');
  await enterCode(page, USER, 'enrolment-code-entered');
  await page.getByRole('heading', { name: 'タスク一覧' }).waitFor();
  await screenshot(page, 'enrolled-task-list');
  await logout(page);

  console.log('  second login: code only');
  await enterPassword(page, USER, 'second-login-password');
  if (await isEnrolment(page)) {
    fail('an enrolled account was asked to enrol again');
  }
  await enterCode(page, USER, 'second-login-code');
  await page.getByRole('heading', { name: 'タスク一覧' }).waitFor();
  await logout(page);

  console.log('  a wrong code');
  await enterPassword(page, USER, 'third-login-password');
  await page.getByTestId('totp-code').fill(wrongCode(USER));
  await page.getByTestId('totp-submit').click();
  const refusal = page.getByTestId('totp-error');
  await refusal.waitFor();
  if (!(await refusal.textContent()).includes('確認コードが正しくありません')) {
    fail(`the wrong code was answered with: ${await refusal.textContent()}`);
  }
  await screenshot(page, 'wrong-code-refused');
  if (await page.getByTestId('current-user').isVisible()) {
    fail('a wrong code signed the user in');
  }
  await enterCode(page, USER);
  await page.getByRole('heading', { name: 'タスク一覧' }).waitFor();
});
