import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Me } from '../../../lib/auth/session';
import { fakeBackend, STAFF1, SYSTEM_INFO, type RecordedRequest } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import { forgetSession, rememberRoles, startEarlyRequests } from '../../../lib/earlyRequests';
import type { CoverageRow, Dashboard, OpenTask, OverduePage, Summary } from '../api';
import { formatFiscalYear, formatHours, formatRate } from '../format';

const MANAGER1: Me = {
  username: 'manager1',
  displayName: '渡辺 健',
  roles: ['MANAGER'],
  department: { code: 'BOSHI', name: '母子健康センター' },
};

const OLD_TASK: OpenTask = {
  id: 'task-7',
  processKey: 'InformationQuery',
  processName: '情報照会',
  taskKey: 'ApproveQuery',
  taskName: '照会内容の承認（上長）',
  assignee: null,
  assigneeName: null,
  candidateGroups: ['supervisor'],
  createdAt: '2026-10-01T01:00:00Z',
  ageDays: 56,
  businessDaysOpen: 38,
  slaDays: 2,
};

const STATS = {
  started: 4,
  completed: 3,
  open: 1,
  avgCycleHours: 30,
  p90CycleHours: 72,
  avgWaitHours: 2,
  avgWorkHours: 28,
};
const SLA = {
  targetDays: 2,
  setByManager: false,
  completedWithin: 2,
  completedBreached: 1,
  openBreached: 1,
  openAtRisk: 0,
};

const DASHBOARD: Dashboard = {
  period: { kind: 'FISCAL_YEAR', first: '2026-04-01', last: '2027-03-31', label: '令和8年度' },
  ageBands: ['1日未満', '1〜2日', '3〜6日', '7〜13日', '14〜29日', '30日以上'],
  processes: [{ processKey: 'InformationQuery', processName: '情報照会', stats: STATS, sla: SLA }],
  tasks: [
    {
      processKey: 'InformationQuery',
      processName: '情報照会',
      taskKey: 'ApproveQuery',
      taskName: '照会内容の承認（上長）',
      stats: STATS,
      sla: SLA,
    },
  ],
  trend: [
    { bucket: '2026-04-01', processesStarted: 2, processesCompleted: 1, tasksCompleted: 5 },
    { bucket: '2026-05-01', processesStarted: 2, processesCompleted: 2, tasksCompleted: 7 },
  ],
  ageing: [{ kind: 'GROUP', key: 'supervisor', label: '上長', counts: [0, 0, 0, 0, 0, 1] }],
  oldest: [OLD_TASK],
  approvals: [
    {
      processKey: 'InformationQuery',
      processName: '情報照会',
      taskKey: 'ApproveQuery',
      taskName: '照会内容の承認（上長）',
      decided: 3,
      approved: 2,
      rejected: 1,
      other: 0,
      approvalRate: 2 / 3,
      rejectionRate: 1 / 3,
      avgTurnaroundHours: 4,
      p90TurnaroundHours: 6,
    },
  ],
};

function line(district: string, counts: [number, number] | null, target = 'MR2'): CoverageRow {
  return {
    target,
    vaccine: 'MR（麻しん風しん）',
    dose: target === 'MR2' ? '2期' : '1期',
    population: '年長（小学校入学前の1年間）',
    district,
    fiscalYear: 2026,
    bornFrom: '2020-04-02',
    bornTo: '2021-04-01',
    asOf: '2026-12-06',
    suppressed: counts === null,
    targetPopulation: counts ? counts[0] : null,
    vaccinated: counts ? counts[1] : null,
    rate: counts ? counts[1] / counts[0] : null,
  };
}

const COVERAGE: CoverageRow[] = [line('全地区', [45, 40], 'MR1'), line('全地区', [50, 40])];
const DISTRICTS: CoverageRow[] = [line('全地区', [50, 40]), line('本町', [40, 38]), line('山町', null)];

const SUMMARY: Summary = {
  at: '2026-12-06T01:00:00Z',
  today: '2026-12-06',
  headline: {
    open: 1234,
    overdue: 21,
    dueSoon: 5,
    unclaimed: 300,
    startedThisMonth: 40,
    completedThisMonth: 35,
    startedLastMonth: 120,
    completedLastMonth: 118,
  },
  trend: Array.from({ length: 12 }, (_, i) => ({
    monday: `2026-09-${String(14 + i).padStart(2, '0')}`,
    processesStarted: i,
    processesCompleted: i,
    tasksCompleted: 2 * i,
  })),
  breaches: [
    {
      processKey: 'InformationQuery',
      processName: '情報照会',
      taskKey: 'ApproveQuery',
      taskName: '照会内容の承認（上長）',
      overdue: 21,
      oldestDueAt: '2026-11-01T08:15:00Z',
    },
  ],
};

function overduePage(page: number): OverduePage {
  const count = page === 0 ? 20 : 1;
  return {
    total: 21,
    page,
    size: 20,
    items: Array.from({ length: count }, (_, i) => ({
      id: `late-${page * 20 + i}`,
      processKey: 'InformationQuery',
      processName: '情報照会',
      taskKey: 'ApproveQuery',
      taskName: '照会内容の承認（上長）',
      assigneeName: i === 0 ? '佐藤 花子' : null,
      candidateGroups: ['supervisor'],
      createdAt: '2026-10-01T01:00:00Z',
      dueAt: '2026-10-03T08:15:00Z',
      businessDaysOverdue: 40 - i,
    })),
  };
}

function backend(me: Me, dashboard: (request: RecordedRequest) => { status: number; body: unknown }) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: me },
    'GET /api/kpi/dashboard': dashboard,
    'GET /api/kpi/summary': { status: 200, body: SUMMARY },
    'GET /api/kpi/overdue': (request) => ({
      status: 200,
      body: overduePage(request.path.includes('page=1') ? 1 : 0),
    }),
    'GET /api/kpi/coverage': { status: 200, body: COVERAGE },
    'GET /api/kpi/coverage/districts': { status: 200, body: DISTRICTS },
    'GET /api/kpi/open-tasks': { status: 200, body: [OLD_TASK] },
    'PUT /api/kpi/sla': { status: 200, body: {} },
    'POST /api/kpi/csv': {
      status: 200,
      body: 'csv',
      headers: { 'Content-Disposition': 'attachment; filename="x.csv"' },
    },
  });
}

describe('KPI dashboard', () => {
  beforeEach(() => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
  });

  it('sends managers from the home page to a first screen of figures, the weekly trend and what is overdue now', async () => {
    const { requests } = backend(MANAGER1, () => ({ status: 200, body: DASHBOARD }));
    renderApp('/');
    const figures = await screen.findByTestId('kpi-figures');
    expect(screen.getByRole('link', { name: '業務指標' })).toHaveClass('active');
    expect(
      within(figures)
        .getAllByTestId('kpi-figure-value')
        .map((cell) => cell.textContent),
    ).toEqual(['1,234件', '21件', '5件', '40件', '35件']);
    expect(figures).toHaveTextContent('うち未着手 300件');
    expect(figures).toHaveTextContent('先月 120件');
    expect(within(screen.getByTestId('kpi-weekly')).getAllByTestId('line')).toHaveLength(3);
    expect(within(screen.getByTestId('kpi-weekly')).getAllByTestId('kpi-weekly-row')).toHaveLength(12);
    // The first screen asks for the summary only: the detailed tables and coverage wait until they are chosen.
    expect(requests.some((r) => r.path.startsWith('/api/kpi/dashboard'))).toBe(false);
    expect(requests.some((r) => r.path.startsWith('/api/kpi/coverage'))).toBe(false);

    await userEvent.click(within(screen.getByTestId('kpi-breaches')).getByTestId('kpi-breach-link'));
    const overdue = await screen.findByTestId('kpi-overdue');
    expect(overdue).toHaveTextContent('期限を超えているタスク: 情報照会／照会内容の承認（上長）');
    expect(within(overdue).getAllByTestId('kpi-overdue-row')).toHaveLength(20);
    expect(within(overdue).getAllByTestId('kpi-overdue-row')[0]).toHaveTextContent('佐藤 花子');
    expect(requests.at(-1)?.path).toBe(
      '/api/kpi/overdue?processKey=InformationQuery&taskKey=ApproveQuery&page=0&size=20',
    );
    const pager = screen.getByRole('navigation', { name: /期限を超えているタスク.*のページ/ });
    expect(pager).toHaveTextContent('全21件中 1〜20件');
    await userEvent.click(within(pager).getByRole('button', { name: '次へ' }));
    await waitFor(() => expect(screen.getAllByTestId('kpi-overdue-row')).toHaveLength(1));
    expect(screen.getByRole('navigation', { name: /のページ$/ })).toHaveTextContent('全21件中 21〜21件');
    expect(requests.at(-1)?.path).toContain('page=1');
  });

  it('shows the detailed tables with charts when asked for', async () => {
    backend(MANAGER1, () => ({ status: 200, body: DASHBOARD }));
    renderApp('/kpi');
    await screen.findByTestId('kpi-figures');
    await userEvent.click(screen.getByTestId('kpi-view-details'));
    expect(await screen.findByTestId('kpi-period-label')).toHaveTextContent('令和8年度');
    const processes = screen.getByTestId('kpi-processes');
    expect(within(processes).getByRole('img', { name: '業務別の完了件数' })).toBeInTheDocument();
    expect(
      within(processes)
        .getAllByRole('cell')
        .slice(0, 6)
        .map((cell) => cell.textContent),
    ).toEqual(['情報照会', '4', '3', '1', '30.0時間', '3.0日']);
    expect(within(screen.getByTestId('kpi-trend')).getAllByTestId('line')).toHaveLength(3);
    expect(within(screen.getByTestId('kpi-ageing')).getAllByTestId('heat-cell')).toHaveLength(6);
    const approvals = within(screen.getByTestId('kpi-approvals'))
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(approvals).toContain('66.7%');
    // A table that scrolls sideways can be reached and scrolled by keyboard.
    expect(within(processes).getByRole('region', { name: '業務別の処理件数の表' })).toHaveAttribute('tabindex', '0');
  });

  it('shows coverage per vaccine and dose over its target population, and one dose by district', async () => {
    const { requests } = backend(MANAGER1, () => ({ status: 200, body: DASHBOARD }));
    renderApp('/kpi?view=coverage');
    const city = await screen.findByTestId('kpi-coverage');
    const rows = within(city).getAllByTestId('kpi-coverage-row');
    expect(rows[1]).toHaveTextContent('MR（麻しん風しん）2期');
    expect(rows[1]).toHaveTextContent('年長（小学校入学前の1年間）');
    expect(rows[1]).toHaveTextContent('80.0%');
    await userEvent.click(within(rows[1]).getByTestId('coverage-districts'));
    const districts = await screen.findByTestId('kpi-coverage-districts');
    expect(requests.at(-1)?.path).toMatch(/^\/api\/kpi\/coverage\/districts\?target=MR2&fiscalYear=\d{4}$/);
    expect(districts).toHaveTextContent('令和2年4月2日〜令和3年4月1日');
    const mountain = within(districts).getByText('山町').closest('tr');
    expect(mountain).toHaveTextContent('秘匿');
    expect(mountain).not.toHaveTextContent('NaN');
    await userEvent.selectOptions(screen.getByTestId('coverage-year'), String(Number(COVERAGE[0].fiscalYear) - 1));
    await waitFor(() => expect(requests.some((r) => r.path === '/api/kpi/coverage?fiscalYear=2025')).toBe(true));
  });

  it("asks for another period and shows the server's message for a bad one", async () => {
    const { requests } = backend(MANAGER1, (request) =>
      request.path.includes('CUSTOM')
        ? {
            status: 400,
            body: { status: 400, error: 'invalid_period', message: '終了日が開始日より前になっています。' },
          }
        : { status: 200, body: DASHBOARD },
    );
    renderApp('/kpi?view=details');
    await screen.findByTestId('kpi-period-label');
    await userEvent.selectOptions(screen.getByTestId('kpi-period'), 'CUSTOM');
    await userEvent.type(screen.getByTestId('kpi-from'), '2026-05-01');
    await userEvent.type(screen.getByTestId('kpi-to'), '2026-04-01');
    await userEvent.click(screen.getByTestId('kpi-show'));
    expect(await screen.findByTestId('kpi-error')).toHaveTextContent('終了日が開始日より前になっています。');
    expect(requests.at(-1)?.path).toBe('/api/kpi/dashboard?period=CUSTOM&from=2026-05-01&to=2026-04-01');
  });

  it('downloads a table as Shift_JIS CSV through the server, with exactly the rows on screen', async () => {
    const { requests } = backend(MANAGER1, () => ({ status: 200, body: DASHBOARD }));
    renderApp('/kpi?view=details');
    const approvals = await screen.findByTestId('kpi-approvals');
    await userEvent.selectOptions(within(approvals).getByRole('combobox'), 'SHIFT_JIS');
    await userEvent.click(within(approvals).getByTestId('kpi-approvals-csv'));
    await waitFor(() => expect(requests.some((r) => r.path === '/api/kpi/csv')).toBe(true));
    const body = JSON.parse(requests.find((r) => r.path === '/api/kpi/csv')?.body ?? '{}') as {
      fileName: string;
      encoding: string;
      rows: string[][];
    };
    expect(body.fileName).toBe('承認状況');
    expect(body.encoding).toBe('SHIFT_JIS');
    expect(body.rows[0][0]).toBe('業務');
    expect(body.rows[1]).toEqual([
      '情報照会',
      '照会内容の承認（上長）',
      '3',
      '2',
      '1',
      '0',
      '66.7%',
      '33.3%',
      '4.0時間',
      '6.0時間',
    ]);
  });

  it('sets an SLA target and reloads', async () => {
    const { requests } = backend(MANAGER1, () => ({ status: 200, body: DASHBOARD }));
    renderApp('/kpi?view=details');
    await screen.findByTestId('kpi-period-label');
    await userEvent.selectOptions(screen.getByTestId('sla-target'), 'TASK:ApproveQuery');
    await userEvent.type(screen.getByTestId('sla-days'), '3');
    await userEvent.click(screen.getByTestId('sla-save'));
    expect(await screen.findByText('目標を3営業日にしました。')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT');
    expect(JSON.parse(put?.body ?? '{}')).toEqual({ scope: 'TASK', key: 'ApproveQuery', businessDays: 3 });
  });

  it('links the oldest tasks to the read-only queue of their step', async () => {
    const { requests } = backend(MANAGER1, () => ({ status: 200, body: DASHBOARD }));
    renderApp('/kpi?view=details');
    await userEvent.click(await screen.findByTestId('kpi-oldest-link'));
    expect(await screen.findByTestId('kpi-queue-highlight')).toHaveTextContent('task-7');
    expect(screen.getByTestId('kpi-queue-title')).toHaveTextContent('情報照会／照会内容の承認（上長）');
    expect(requests.at(-1)?.path).toBe('/api/kpi/open-tasks?processKey=InformationQuery&taskKey=ApproveQuery');
  });

  it('on a reload, draws the summary asked for with the sign-in check, before the app, asking each once', async () => {
    rememberRoles(['MANAGER']);
    const { requests } = backend(MANAGER1, () => ({ status: 200, body: DASHBOARD }));
    startEarlyRequests('#/kpi');
    renderApp('/kpi');
    expect(await screen.findByTestId('kpi-figures')).toBeInTheDocument();
    const paths = requests.map((r) => r.path);
    expect(paths.slice(0, 3)).toEqual(['/api/me', '/api/system', '/api/kpi/summary']);
    for (const early of ['/api/me', '/api/system', '/api/kpi/summary']) {
      expect(paths.filter((path) => path === early)).toHaveLength(1);
    }
  });

  it("remembers the signed-in roles for the browser's next load, and asks nothing early for staff", async () => {
    const { requests } = backend(STAFF1, () => ({ status: 200, body: DASHBOARD }));
    forgetSession();
    renderApp('/kpi');
    expect(await screen.findByText('この画面を利用する権限がありません。')).toBeInTheDocument();
    expect(localStorage.getItem('signed-in-roles')).toBe('["STAFF"]');
    startEarlyRequests('#/kpi');
    expect(requests.some((r) => r.path.startsWith('/api/kpi'))).toBe(false);
  });

  it('is not offered to staff', async () => {
    backend(STAFF1, () => ({ status: 200, body: DASHBOARD }));
    renderApp('/kpi');
    expect(await screen.findByText('この画面を利用する権限がありません。')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '業務指標' })).not.toBeInTheDocument();
  });
});

describe('KPI formats', () => {
  it('reads durations, rates and cohorts as managers do', () => {
    expect(formatHours(null)).toBe('—');
    expect(formatHours(5.25)).toBe('5.3時間');
    expect(formatHours(72)).toBe('3.0日');
    expect(formatRate(0.955)).toBe('95.5%');
    expect(formatFiscalYear(2019)).toBe('令和元年度');
    expect(formatFiscalYear(2018)).toBe('平成30年度');
    expect(formatFiscalYear(2026)).toBe('令和8年度');
  });
});
