import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SUPERVISOR1, SYSTEM_INFO, type RecordedRequest } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import { taskSummary } from '../../../test/taskFixtures';
import type { Me } from '../../../lib/auth/session';

const MINE = [
  taskSummary({
    id: 't-1',
    assignee: 'staff1',
    assigneeName: '山田 花子',
    due: '2026-12-01T08:00:00Z',
    dueState: 'OVERDUE',
    residentName: 'ヤマダ タロウ',
  }),
  taskSummary({
    id: 't-2',
    name: '接種記録の登録',
    caseLabel: '住登外者確認 #13',
    assignee: 'staff1',
    assigneeName: '山田 花子',
  }),
];
const GROUP = [taskSummary({ id: 't-3', name: '照合結果の確認（ダブルチェック）', caseLabel: '住登外者確認 #11' })];

function criteriaOf(request: RecordedRequest): Record<string, string> {
  return JSON.parse(request.body ?? '{}') as Record<string, string>;
}

function backend(me: Me = STAFF1) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: me },
    'GET /api/tasks/filters': {
      status: 200,
      body: [{ id: 7, name: '今日期限', shared: true, mine: false, criteria: { view: 'all', due: 'soon' } }],
    },
    'GET /api/processes': { status: 200, body: [{ key: 'NonResidentConfirmation', name: '住登外者確認' }] },
    'GET /api/tasks/notices': { status: 200, body: { unread: 3, newWork: 2, newApprovals: 0, notices: [] } },
    'POST /api/tasks/search': (request) => {
      const criteria = criteriaOf(request);
      const items = criteria.view === 'group' ? GROUP : criteria.resident ? [MINE[0]] : MINE;
      const counts = criteria.withCounts === 'true' ? { mine: 2, group: 1, overdue: 1, dueSoon: 0 } : undefined;
      return { status: 200, body: { items, nextCursor: null, counts } };
    },
    'POST /api/tasks/bulk': {
      status: 200,
      body: [
        { taskId: 't-1', done: true, error: null, message: null },
        { taskId: 't-2', done: false, error: 'already_claimed', message: 'このタスクは既に他の職員が担当しています' },
      ],
    },
  });
}

describe('InboxPage', () => {
  it('shows my tasks with the resident, due marks and counts inside the signed-in frame', async () => {
    const { requests } = backend();
    renderApp('/tasks');

    const rows = await screen.findAllByTestId('task-row');
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .slice(1)
        .map((cell) => cell.textContent),
    ).toEqual([
      '住登外者確認',
      '照合結果の提案',
      '住登外者確認 #12 ヤマダ タロウ',
      '山田 花子',
      '令和8年11月26日 10:30',
      '令和8年12月1日 17:00期限超過',
    ]);
    expect(within(rows[1]).getAllByRole('cell')[6]).toHaveTextContent('—');

    await waitFor(() => expect(screen.getByTestId('tab-mine')).toHaveTextContent('自分のタスク2'));
    expect(screen.getByTestId('tab-group')).toHaveTextContent('グループのタスク1');
    // One request opens the inbox: the counts come with the first page.
    expect(requests.filter((request) => request.path === '/api/tasks/search')).toHaveLength(1);
    expect(requests.some((request) => request.path === '/api/tasks/counts')).toBe(false);
    expect(screen.getByTestId('due-summary')).toHaveTextContent('期限超過 1件');
    expect(await screen.findByTestId('notice-count')).toHaveTextContent('3');
    const header = screen.getByTestId('current-user');
    expect(header).toHaveTextContent('山田 花子');
    expect(header).toHaveTextContent('健康推進課');
    expect(screen.getByTestId('demo-banner')).toHaveTextContent('デモモード（合成データ・デモアカウント）');
  });

  it('switches to the group tab and opens a task on row click', async () => {
    backend();
    const { router } = renderApp('/tasks');
    await screen.findAllByTestId('task-row');

    await userEvent.click(screen.getByTestId('tab-group'));

    const row = await screen.findByText('照合結果の確認（ダブルチェック）');
    expect(screen.getByTestId('tab-group')).toHaveAttribute('aria-selected', 'true');
    expect(router.state.location.search).toBe('?view=group');
    await userEvent.click(row.closest('tr')!);
    expect(router.state.location.pathname).toBe('/tasks/t-3');
  });

  it('filters by resident, 和暦 dates and due state, keeping the resident out of the address bar', async () => {
    const { requests } = backend();
    const { router } = renderApp('/tasks');
    await screen.findAllByTestId('task-row');

    await userEvent.type(screen.getByTestId('filter-resident'), 'ヤマダ');
    await userEvent.type(screen.getByTestId('filter-createdFrom'), '令和8年4月1日');
    await userEvent.selectOptions(screen.getByTestId('filter-due'), 'overdue');
    await userEvent.selectOptions(screen.getByTestId('filter-sort'), 'due');
    await userEvent.click(screen.getByTestId('filter-apply'));

    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(1));
    const searches = requests.filter((request) => request.path === '/api/tasks/search');
    expect(criteriaOf(searches[searches.length - 1])).toEqual({
      view: 'mine',
      resident: 'ヤマダ',
      createdFrom: '2026-04-01',
      due: 'overdue',
      sort: 'due',
      size: '50',
      withCounts: 'true',
    });
    expect(router.state.location.search).not.toContain('resident');
    expect(router.state.location.search).toContain('createdFrom=2026-04-01');
  });

  it('refuses a date outside its era before sending anything', async () => {
    const { requests } = backend();
    renderApp('/tasks');
    await screen.findAllByTestId('task-row');
    const before = requests.length;

    await userEvent.type(screen.getByTestId('filter-dueTo'), '平成35年1月1日');
    expect(screen.getByText('日付として読めません（例: 令和8年4月1日）')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('filter-apply'));

    expect(await screen.findByText('日付を正しく入力してください（例: 令和8年4月1日）')).toBeInTheDocument();
    expect(requests.slice(before).some((request) => request.path === '/api/tasks/search')).toBe(false);
  });

  it('applies a saved filter of the department', async () => {
    const { requests } = backend(SUPERVISOR1);
    const { router } = renderApp('/tasks');
    await screen.findAllByTestId('task-row');

    await userEvent.click(screen.getByRole('button', { name: '今日期限' }));

    await waitFor(() => expect(router.state.location.search).toBe('?view=all&due=soon'));
    await waitFor(() =>
      expect(criteriaOf(requests.filter((request) => request.path === '/api/tasks/search').pop()!)).toMatchObject({
        view: 'all',
        due: 'soon',
      }),
    );
    expect(screen.getByRole('button', { name: '保存した条件「今日期限」を削除' })).toBeInTheDocument();
  });

  it('claims several tasks at once and lists each outcome', async () => {
    const { requests } = backend();
    renderApp('/tasks');
    const boxes = await screen.findAllByTestId('task-select');

    await userEvent.click(boxes[0]);
    await userEvent.click(boxes[1]);
    await userEvent.click(screen.getByRole('button', { name: '選択したタスクを担当する' }));

    const outcomes = await screen.findAllByTestId('bulk-outcome');
    expect(outcomes[0]).toHaveTextContent('照合結果の提案（住登外者確認 #12）: 完了');
    expect(outcomes[1]).toHaveTextContent('このタスクは既に他の職員が担当しています');
    expect(screen.getByTestId('bulk-results')).toHaveTextContent('2件中 1件を処理しました。');
    const bulk = requests.find((request) => request.path === '/api/tasks/bulk')!;
    expect(JSON.parse(bulk.body!)).toEqual({ action: 'claim', taskIds: ['t-1', 't-2'] });
  });

  it('moves with j and k and opens the task with Enter', async () => {
    backend();
    const { router } = renderApp('/tasks');
    const rows = await screen.findAllByTestId('task-row');

    await userEvent.keyboard('jj');
    expect(rows[1]).toHaveAttribute('aria-current', 'true');
    await userEvent.keyboard('k');
    expect(screen.getAllByTestId('task-row')[0]).toHaveAttribute('aria-current', 'true');
    await userEvent.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/tasks/t-1');
  });

  it('sends an anonymous user to the login page', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 401, body: { status: 401, error: 'Unauthorized', message: 'ログインしてください' } },
    });
    const { router } = renderApp('/tasks');

    expect(await screen.findByTestId('login-username')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });
});
