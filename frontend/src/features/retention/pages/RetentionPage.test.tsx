import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Me } from '../../../lib/auth/session';
import { fakeBackend, SYSTEM_INFO, type RecordedRequest } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';

const ADMIN: Me = {
  username: 'admin1',
  displayName: '中村 剛',
  roles: ['ADMIN'],
  department: { code: 'JOHO', name: '情報システム課' },
};
const AUDITOR: Me = { ...ADMIN, username: 'auditor1', displayName: '山本 恵', roles: ['AUDITOR'] };

const HOLDS = [
  {
    id: 5,
    addresseeNumber: '0000000007',
    reason: '訴訟のため',
    setBy: 'auditor1',
    setAt: '2026-11-20T01:00:00Z',
    liftedBy: null,
    liftedAt: null,
    liftReason: null,
  },
  {
    id: 4,
    addresseeNumber: '0000000008',
    reason: '審査請求',
    setBy: 'admin1',
    setAt: '2026-10-01T01:00:00Z',
    liftedBy: 'auditor1',
    liftedAt: '2026-11-01T01:00:00Z',
    liftReason: '審査終了',
  },
];

const RUNS = {
  kinds: ['PROVISION_RECORD', 'DOSE_RECORD'],
  runs: [
    {
      id: 2,
      startedAt: '2026-11-25T18:30:00Z',
      finishedAt: '2026-11-25T18:30:05Z',
      asOf: '2026-11-26',
      deleted: 3,
      failed: ['DOSE_BATCH_LINES'],
      deletions: [{ kind: 'DOSE_RECORD', deleted: 3, ids: [1, 2, 3], ranAt: '2026-11-25T18:30:01Z' }],
    },
  ],
};

function backend(me: Me, area: 'admin' | 'audit') {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: me },
    [`GET /api/${area}/retention/legal-holds`]: { status: 200, body: HOLDS },
    [`GET /api/${area}/retention/runs`]: { status: 200, body: RUNS },
    [`POST /api/${area}/retention/legal-holds`]: (request: RecordedRequest) =>
      JSON.parse(request.body ?? '{}').addresseeNumber === '9999999999'
        ? {
            status: 400,
            body: {
              status: 400,
              error: 'validation_failed',
              message: '該当する住民がいません',
              fields: { addresseeNumber: 'この宛名番号の住民は登録されていません' },
            },
          }
        : { status: 201, body: { id: 6 } },
    [`POST /api/${area}/retention/legal-holds/5/lift`]: { status: 204 },
  });
}

describe('RetentionPage', () => {
  it('lets an administrator place a hold by 宛名番号 in the body and lists holds and runs', async () => {
    const { requests } = backend(ADMIN, 'admin');
    renderApp('/admin/retention');

    const rows = await screen.findAllByTestId('legal-hold-row');
    expect(rows[1]).toHaveTextContent(
      '0000000008審査請求admin1令和8年10月1日 10:00令和8年11月1日 10:00 auditor1（審査終了）',
    );
    expect(within(rows[1]).queryByRole('button')).not.toBeInTheDocument();
    const run = await screen.findByTestId('retention-run');
    expect(run).toHaveTextContent(
      '令和8年11月26日 03:30令和8年11月26日3接種記録（転出・死亡から保存期間経過） 3件一括登録ファイルの取込行',
    );

    await userEvent.type(screen.getByLabelText(/宛名番号/), '9999999999');
    await userEvent.type(screen.getByLabelText(/理由/), '訴訟のため');
    await userEvent.click(screen.getByTestId('legal-hold-place-button'));
    expect(await screen.findByText('この宛名番号の住民は登録されていません')).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText(/宛名番号/));
    await userEvent.type(screen.getByLabelText(/宛名番号/), '0000000009');
    await userEvent.click(screen.getByTestId('legal-hold-place-button'));
    expect(await screen.findByTestId('legal-hold-message')).toHaveTextContent(
      '宛名番号 0000000009 に保全措置を設定しました。',
    );
    const placed = requests.filter(
      (request) => request.method === 'POST' && request.path === '/api/admin/retention/legal-holds',
    );
    expect(JSON.parse(placed.at(-1)?.body ?? '{}')).toEqual({ addresseeNumber: '0000000009', reason: '訴訟のため' });
  });

  it('lets an auditor lift a hold with a reason, under the audit prefix, and does nothing when cancelled', async () => {
    const { requests } = backend(AUDITOR, 'audit');
    const prompt = vi.spyOn(window, 'prompt').mockReturnValueOnce(null).mockReturnValueOnce(' 訴訟終結 ');
    renderApp('/audit/retention');
    const [active] = await screen.findAllByTestId('legal-hold-row');

    await userEvent.click(within(active).getByTestId('legal-hold-lift-button'));
    expect(requests.some((request) => request.path.endsWith('/lift'))).toBe(false);

    await userEvent.click(within(active).getByTestId('legal-hold-lift-button'));
    expect(await screen.findByTestId('legal-hold-message')).toHaveTextContent(
      '宛名番号 0000000007 の保全措置を解除しました。',
    );
    const lift = requests.find((request) => request.path === '/api/audit/retention/legal-holds/5/lift');
    expect(JSON.parse(lift?.body ?? '{}')).toEqual({ reason: '訴訟終結' });
    prompt.mockRestore();
  });
});
