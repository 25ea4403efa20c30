import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import { groupSecret } from './SecondFactorForm';

const NOT_SIGNED_IN = { status: 401, body: { status: 401, error: 'unauthenticated', message: 'ログインしてください' } };
const TASK_LIST = {
  'GET /api/tasks/counts': { status: 200, body: { mine: 0, group: 0 } },
  'GET /api/tasks?view=mine&size=50': { status: 200, body: { items: [], nextCursor: null } },
};

async function enterPassword() {
  await userEvent.type(await screen.findByTestId('login-username'), 'staff1');
  await userEvent.type(screen.getByTestId('login-password'), 'demo-pass-2026');
  await userEvent.click(screen.getByTestId('login-submit'));
}

describe('LoginPage', () => {
  it('enrols an authenticator app at the first login: QR code and secret, a wrong code refused, then the task list', async () => {
    document.cookie = 'XSRF-TOKEN=token-1';
    let codes = 0;
    const { requests } = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': NOT_SIGNED_IN,
      'POST /api/auth/login': { status: 200, body: { username: 'staff1', enrolled: false } },
      'POST /api/auth/second-factor/enrolment': {
        status: 200,
        body: {
          issuer: '予防接種事務',
          account: 'staff1',
          secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
          otpauthUri: 'otpauth://totp/x',
          qrCode: 'data:image/svg+xml;base64,PHN2Zy8+',
        },
      },
      'POST /api/auth/second-factor': () => {
        codes += 1;
        return codes === 1
          ? {
              status: 400,
              body: {
                status: 400,
                error: 'validation_failed',
                message: '確認コードが正しくありません',
                fields: { code: '最新の確認コードを入力してください' },
              },
            }
          : { status: 200, body: STAFF1 };
      },
      ...TASK_LIST,
    });
    renderApp('/login');

    await enterPassword();
    expect(await screen.findByRole('heading', { name: '認証アプリの登録' })).toBeInTheDocument();
    expect(await screen.findByText(/次のQRコードを認証アプリで読み取ってください/)).toBeInTheDocument();
    expect(screen.getByTestId('totp-qr')).toHaveAttribute('src', 'data:image/svg+xml;base64,PHN2Zy8+');
    expect(screen.getByTestId('totp-secret')).toHaveTextContent('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');

    await userEvent.type(screen.getByLabelText(/確認コード/), '000000');
    await userEvent.click(screen.getByTestId('totp-submit'));
    expect(await screen.findByTestId('totp-error')).toHaveTextContent('確認コードが正しくありません');

    await userEvent.type(screen.getByLabelText(/確認コード/), '123456');
    await userEvent.click(screen.getByTestId('totp-submit'));
    await screen.findByRole('heading', { name: 'タスク一覧' });
    const sent = requests
      .filter((request) => request.path === '/api/auth/second-factor')
      .map((request) => request.body);
    expect(sent).toEqual(['{"code":"000000"}', '{"code":"123456"}']);
    expect(requests.some((request) => request.path.includes('JBSW'))).toBe(false);
  });

  it('asks a reloaded page between password and code for the code again', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': {
        status: 401,
        body: { status: 401, error: 'second_factor_required', message: '確認コードを入力してください' },
      },
      'GET /api/auth/second-factor': { status: 200, body: { username: 'staff1', enrolled: true } },
    });
    const { router } = renderApp('/tasks');

    expect(await screen.findByRole('heading', { name: '確認コードの入力' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.queryByTestId('totp-enrolment')).not.toBeInTheDocument();
  });

  it('goes back to the password with the reason when the account locks at a wrong code', async () => {
    document.cookie = 'XSRF-TOKEN=token-1';
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': NOT_SIGNED_IN,
      'POST /api/auth/login': { status: 200, body: { username: 'staff1', enrolled: true } },
      'POST /api/auth/second-factor': {
        status: 401,
        body: { status: 401, error: 'account_locked', message: 'このアカウントはロックされています' },
      },
    });
    renderApp('/login');

    await enterPassword();
    await userEvent.type(await screen.findByLabelText(/確認コード/), '111111');
    await userEvent.click(screen.getByTestId('totp-submit'));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('このアカウントはロックされています');
    expect(screen.getByTestId('login-password')).toHaveValue('');
  });

  it('groups the secret in fours for typing by hand', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});
