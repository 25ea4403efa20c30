import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Me } from '../../../lib/auth/session';
import { fakeBackend, STAFF1, SYSTEM_INFO, type RecordedRequest } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { CoverageRow, Dashboard, OpenTask } from '../api';
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

const COVERAGE: CoverageRow[] = [
  {
    vaccine: 'MR',
    cohortFiscalYear: 2019,
    district: '全地区',
    suppressed: false,
    population: 45,
    vaccinated: 40,
    rate: 40 / 45,
  },
  {
    vaccine: 'MR',
    cohortFiscalYear: 2019,
    district: '本町',
    suppressed: false,
    population: 40,
    vaccinated: 38,
    rate: 0.95,
  },
  {
    vaccine: 'MR',
    cohortFiscalYear: 2019,
    district: '山町',
    suppressed: true,
    population: null,
    vaccinated: null,
    rate: null,
  },
];

function backend(me: Me, dashboard: (request: RecordedRequest) => { status: number; body: unknown }) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: me },
    'GET /api/kpi/dashboard': dashboard,
    'GET /api/kpi/coverage': { status: 200, body: COVERAGE },
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

  it('sends managers from the home page to the dashboard and shows charts with their tables', async () => {
    const { requests } = backend(MANAGER1, () => ({ status: 200, body: DASHBOARD }));
    renderApp('/');
    expect(await screen.findByTestId('kpi-period-label')).toHaveTextContent('令和8年度');
    expect(screen.getByRole('link', { name: '業務指標' })).toHaveClass('active');
    expect(requests.some((r) => r.path.startsWith('/api/kpi/dashboard?period=MONTH&date='))).toBe(true);

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
    expect(await screen.findByTestId('kpi-coverage')).toHaveTextContent('令和元年度');
    const mountain = within(screen.getByTestId('kpi-coverage')).getByText('山町').closest('tr');
    expect(mountain).toHaveTextContent('秘匿');
    expect(mountain).not.toHaveTextContent('NaN');
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
    renderApp('/kpi');
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
    renderApp('/kpi');
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
    renderApp('/kpi');
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
    renderApp('/kpi');
    await userEvent.click(await screen.findByTestId('kpi-oldest-link'));
    expect(await screen.findByTestId('kpi-queue-highlight')).toHaveTextContent('task-7');
    expect(screen.getByTestId('kpi-queue-title')).toHaveTextContent('情報照会／照会内容の承認（上長）');
    expect(requests.at(-1)?.path).toBe('/api/kpi/open-tasks?processKey=InformationQuery&taskKey=ApproveQuery');
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
