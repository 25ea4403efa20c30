import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import { taskSummary } from '../../../test/taskFixtures';

const MINE = [
  taskSummary({ id: 't-1', assignee: 'staff1', assigneeName: '山田 花子', due: '2026-12-01T08:00:00Z' }),
  taskSummary({
    id: 't-2',
    name: '接種記録の登録',
    caseLabel: '住登外者確認 #13',
    assignee: 'staff1',
    assigneeName: '山田 花子',
  }),
];
const GROUP = [taskSummary({ id: 't-3', name: '照合結果の確認（ダブルチェック）', caseLabel: '住登外者確認 #11' })];

function backend() {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/tasks/counts': { status: 200, body: { mine: 2, group: 1 } },
    'GET /api/tasks?view=mine&size=50': { status: 200, body: { items: MINE, nextCursor: null } },
    'GET /api/tasks?view=group&size=50': { status: 200, body: { items: GROUP, nextCursor: null } },
  });
}

describe('InboxPage', () => {
  it('shows my tasks with counts on both tabs inside the signed-in frame', async () => {
    backend();
    renderApp('/tasks');

    const rows = await screen.findAllByTestId('task-row');
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      '住登外者確認',
      '照合結果の提案',
      '住登外者確認 #12',
      '山田 花子',
      '令和8年11月26日 10:30',
      '令和8年12月1日 17:00',
    ]);
    expect(within(rows[1]).getAllByRole('cell')[5]).toHaveTextContent('—');

    await waitFor(() => expect(screen.getByTestId('tab-mine')).toHaveTextContent('自分のタスク2'));
    expect(screen.getByTestId('tab-group')).toHaveTextContent('グループのタスク1');
    expect(screen.getByTestId('tab-mine')).toHaveAttribute('aria-selected', 'true');

    const header = screen.getByTestId('current-user');
    expect(header).toHaveTextContent('山田 花子');
    expect(header).toHaveTextContent('担当職員');
    expect(header).toHaveTextContent('健康推進課');
    expect(screen.getByTestId('demo-banner')).toHaveTextContent('デモモード（合成データ・デモアカウント）');
    expect(screen.queryByRole('link', { name: '監査ログ' })).not.toBeInTheDocument();
  });

  it('switches to the group tab and opens a task on row click', async () => {
    backend();
    const { router } = renderApp('/tasks');
    await screen.findAllByTestId('task-row');

    await userEvent.click(screen.getByTestId('tab-group'));

    const row = await screen.findByText('照合結果の確認（ダブルチェック）');
    expect(screen.getByTestId('tab-group')).toHaveAttribute('aria-selected', 'true');
    const rows = screen.getAllByTestId('task-row');
    expect(rows).toHaveLength(1);
    expect(within(rows[0]).getAllByRole('cell')[3]).toHaveTextContent('未割当');

    await userEvent.click(row.closest('tr')!);
    expect(router.state.location.pathname).toBe('/tasks/t-3');
  });

  it('sends an anonymous user to the login page', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 401, body: { status: 401, error: 'Unauthorized', message: 'ログインしてください' } },
    });
    const { router } = renderApp('/tasks');

    expect(await screen.findByTestId('login-username')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByText('デモアカウントのパスワードは README を参照')).toBeInTheDocument();
  });
});
