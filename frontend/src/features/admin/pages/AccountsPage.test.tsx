import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ADMIN1, fakeBackend, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { Account } from '../api';

function account(overrides: Partial<Account>): Account {
  return {
    username: 'staff9',
    displayName: '試験 職員',
    departmentCode: 'HOKEN',
    roles: ['STAFF'],
    permissions: [],
    enabled: true,
    usable: true,
    lockedUntil: null,
    validFrom: null,
    validUntil: null,
    lastLoginAt: '2026-11-25T00:00:00Z',
    disabledAt: null,
    disabledBy: null,
    accessVersion: 2,
    secondFactorEnrolled: true,
    ...overrides,
  };
}

describe('AccountsPage', () => {
  it('unlocks a locked account and disables another, saying its sessions ended', async () => {
    document.cookie = 'XSRF-TOKEN=token-1';
    const { requests } = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: ADMIN1 },
      'GET /api/admin/accounts': {
        status: 200,
        body: [account({ username: 'locked1', lockedUntil: '2026-11-26T05:30:00Z', usable: false }), account({})],
      },
      'POST /api/admin/accounts/locked1/unlock': { status: 200, body: account({ username: 'locked1' }) },
      'POST /api/admin/accounts/staff9/disable': { status: 200, body: account({ enabled: false, usable: false }) },
    });
    renderApp('/admin/accounts');

    const locked = await screen.findByTestId('account-locked1');
    expect(locked).toHaveTextContent('ロック中（令和8年11月26日');
    await userEvent.click(within(locked).getByTestId('account-unlock-locked1'));
    expect(await screen.findByText('ロックを解除しました。')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('account-disable-staff9'));
    expect(await screen.findByText(/セッションはすべて終了しています/)).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([
      '/api/admin/accounts/locked1/unlock',
      '/api/admin/accounts/staff9/disable',
    ]);
  });

  it('resets the second factor of an enrolled account and says it enrols again at the next login', async () => {
    document.cookie = 'XSRF-TOKEN=token-1';
    let reset = false;
    const { requests } = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: ADMIN1 },
      'GET /api/admin/accounts': () => ({
        status: 200,
        body: [account({ secondFactorEnrolled: !reset }), account({ username: 'new1', secondFactorEnrolled: false })],
      }),
      'POST /api/admin/accounts/staff9/second-factor/reset': () => {
        reset = true;
        return { status: 200, body: account({ secondFactorEnrolled: false }) };
      },
    });
    renderApp('/admin/accounts');

    const row = await screen.findByTestId('account-staff9');
    expect(row).toHaveTextContent('登録済み');
    expect(screen.getByTestId('account-new1')).toHaveTextContent('未登録');
    expect(screen.queryByTestId('account-second-factor-reset-new1')).not.toBeInTheDocument();
    await userEvent.click(within(row).getByTestId('account-second-factor-reset-staff9'));
    expect(await screen.findByText(/次回ログイン時に認証アプリを登録し直します/)).toBeInTheDocument();
    expect(await within(screen.getByTestId('account-staff9')).findByText('未登録')).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([
      '/api/admin/accounts/staff9/second-factor/reset',
    ]);
  });

  it('shows the server refusal of a validity period that ends before it starts', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: ADMIN1 },
      'GET /api/admin/accounts': { status: 200, body: [account({})] },
      'PUT /api/admin/accounts/staff9/validity': {
        status: 400,
        body: { status: 400, error: 'validation_failed', message: '有効期間が正しくありません', fields: {} },
      },
    });
    renderApp('/admin/accounts');

    const row = await screen.findByTestId('account-staff9');
    await userEvent.click(within(row).getByRole('button', { name: '変更（試験 職員）' }));
    await userEvent.type(within(row).getByLabelText('開始'), '2026-04-01');
    await userEvent.type(within(row).getByLabelText('終了'), '2026-03-31');
    await userEvent.click(within(row).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('有効期間が正しくありません')).toBeInTheDocument();
  });

  it("changes an account's access with its version and shows field errors of a new account", async () => {
    document.cookie = 'XSRF-TOKEN=token-1';
    const { requests } = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: ADMIN1 },
      'GET /api/admin/accounts': { status: 200, body: [account({})] },
      'GET /api/admin/departments': {
        status: 200,
        body: [
          { code: 'HOKEN', name: '母子健康センター', affair: true, permissions: ['PRINT'], members: 1, version: 0 },
        ],
      },
      'PUT /api/admin/accounts/staff9/access': {
        status: 200,
        body: account({ roles: ['SUPERVISOR'], accessVersion: 3 }),
      },
      'POST /api/admin/accounts': {
        status: 400,
        body: {
          status: 400,
          error: 'invalid',
          message: 'アカウントを作成できません',
          fields: { temporaryPassword: 'パスワードは12文字以上にしてください' },
        },
      },
    });
    renderApp('/admin/accounts');

    await userEvent.click(await screen.findByTestId('account-access-staff9'));
    const form = screen.getByTestId('account-access');
    await userEvent.click(within(form).getByLabelText('上長'));
    await userEvent.click(within(form).getByLabelText('担当職員'));
    await userEvent.click(within(form).getByRole('button', { name: '権限を保存' }));
    expect(await screen.findByText(/「staff9」の権限を変更しました/)).toBeInTheDocument();
    const put = requests.find((request) => request.method === 'PUT');
    expect(JSON.parse(put!.body!)).toEqual({
      displayName: '試験 職員',
      departmentCode: 'HOKEN',
      roles: ['SUPERVISOR'],
      permissions: [],
      accessVersion: 2,
    });

    await userEvent.click(screen.getByText('アカウントの作成'));
    const create = screen.getByTestId('new-account');
    await userEvent.type(within(create).getByLabelText(/ユーザーID/), 'newcomer');
    await userEvent.type(within(create).getByLabelText(/氏名/), '新任 職員');
    await userEvent.selectOptions(within(create).getByLabelText(/部署/), 'HOKEN');
    await userEvent.click(within(create).getByLabelText('担当職員'));
    await userEvent.type(within(create).getByLabelText(/仮パスワード/), 'short');
    await userEvent.click(within(create).getByRole('button', { name: '作成' }));
    expect(JSON.parse(requests.filter((request) => request.method === 'POST').at(-1)!.body!)).toMatchObject({
      username: 'newcomer',
      departmentCode: 'HOKEN',
      roles: ['STAFF'],
      temporaryPassword: 'short',
    });
    expect(await within(create).findByText('パスワードは12文字以上にしてください')).toBeInTheDocument();
  });

  it('names the account each row button acts on', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: ADMIN1 },
      'GET /api/admin/accounts': {
        status: 200,
        body: [
          account({
            username: 'locked1',
            displayName: '山田 花子',
            lockedUntil: '2026-11-26T05:30:00Z',
            usable: false,
          }),
          account({}),
        ],
      },
    });
    renderApp('/admin/accounts');

    const locked = await screen.findByTestId('account-locked1');
    expect(within(locked).getByRole('button', { name: 'ロック解除（山田 花子）' })).toBeInTheDocument();
    expect(within(locked).getByRole('button', { name: '権限（山田 花子）' })).toBeInTheDocument();
    expect(within(locked).getByRole('button', { name: '変更（山田 花子）' })).toBeInTheDocument();
    const other = screen.getByTestId('account-staff9');
    expect(within(other).getByRole('button', { name: '利用停止（試験 職員）' })).toBeInTheDocument();
    expect(within(other).queryByRole('button', { name: /山田 花子/ })).not.toBeInTheDocument();
  });
});
