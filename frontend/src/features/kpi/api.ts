import { queryOptions } from '@tanstack/react-query';
import { apiDownload, apiRequest, query, type Download } from '../../lib/api';
import { earlyOrFetch } from '../../lib/earlyRequests';

export type PeriodKind = 'WEEK' | 'MONTH' | 'FISCAL_YEAR' | 'CUSTOM';
import type { CsvEncoding } from '../../lib/csv';

export interface Period {
  kind: PeriodKind;
  first: string;
  last: string;
  label: string;
}

export interface Stats {
  started: number;
  completed: number;
  open: number;
  avgCycleHours: number | null;
  p90CycleHours: number | null;
  avgWaitHours: number | null;
  avgWorkHours: number | null;
}

export interface Sla {
  targetDays: number;
  setByManager: boolean;
  completedWithin: number;
  completedBreached: number;
  openBreached: number;
  openAtRisk: number;
}

export interface ProcessRow {
  processKey: string;
  processName: string;
  stats: Stats;
  sla: Sla;
}

export interface TaskRow extends ProcessRow {
  taskKey: string;
  taskName: string;
}

export interface TrendPoint {
  bucket: string;
  processesStarted: number;
  processesCompleted: number;
  tasksCompleted: number;
}

export interface AgeingRow {
  kind: 'GROUP' | 'USER';
  key: string;
  label: string;
  counts: number[];
}

export interface OpenTask {
  id: string;
  processKey: string;
  processName: string;
  taskKey: string;
  taskName: string;
  assignee: string | null;
  assigneeName: string | null;
  candidateGroups: string[];
  createdAt: string;
  ageDays: number;
  businessDaysOpen: number;
  slaDays: number;
}

export interface ApprovalRow {
  processKey: string;
  processName: string;
  taskKey: string;
  taskName: string;
  decided: number;
  approved: number;
  rejected: number;
  other: number;
  approvalRate: number | null;
  rejectionRate: number | null;
  avgTurnaroundHours: number | null;
  p90TurnaroundHours: number | null;
}

export interface Dashboard {
  period: Period;
  ageBands: string[];
  processes: ProcessRow[];
  tasks: TaskRow[];
  trend: TrendPoint[];
  ageing: AgeingRow[];
  oldest: OpenTask[];
  approvals: ApprovalRow[];
}

/**
 * A line of coverage: one dose (接種区分) of a vaccine over its target population of a 年度, the city or a district; a
 * district of too few residents is suppressed (its counts and rate are null).
 */
export interface CoverageRow {
  target: string;
  vaccine: string;
  dose: string;
  population: string;
  district: string;
  fiscalYear: number;
  bornFrom: string;
  bornTo: string;
  asOf: string;
  suppressed: boolean;
  targetPopulation: number | null;
  vaccinated: number | null;
  rate: number | null;
}

export interface Headline {
  open: number;
  overdue: number;
  dueSoon: number;
  unclaimed: number;
  startedThisMonth: number;
  completedThisMonth: number;
  startedLastMonth: number;
  completedLastMonth: number;
}

export interface Week {
  monday: string;
  processesStarted: number;
  processesCompleted: number;
  tasksCompleted: number;
}

export interface Breach {
  processKey: string;
  processName: string;
  taskKey: string;
  taskName: string;
  overdue: number;
  oldestDueAt: string;
}

export interface Summary {
  at: string;
  today: string;
  headline: Headline;
  trend: Week[];
  breaches: Breach[];
}

export interface OverdueStep {
  id: string;
  processKey: string;
  processName: string;
  taskKey: string;
  taskName: string;
  assigneeName: string | null;
  candidateGroups: string[];
  createdAt: string;
  dueAt: string;
  businessDaysOverdue: number;
}

export interface OverduePage {
  total: number;
  page: number;
  size: number;
  items: OverdueStep[];
}

export interface OverdueChoice {
  processKey: string | null;
  taskKey: string | null;
  page: number;
}

export interface PeriodChoice {
  period: PeriodKind;
  date: string;
  from: string;
  to: string;
}

export const PERIOD_LABELS: Record<PeriodKind, string> = {
  WEEK: '今週（基準日の週）',
  MONTH: '月',
  FISCAL_YEAR: '年度（4月1日から）',
  CUSTOM: '期間指定',
};

export function fetchDashboard(choice: PeriodChoice): Promise<Dashboard> {
  const custom = choice.period === 'CUSTOM';
  return apiRequest<Dashboard>(
    `/kpi/dashboard${query({
      period: choice.period,
      date: custom ? null : choice.date,
      from: custom ? choice.from : null,
      to: custom ? choice.to : null,
    })}`,
  );
}

export function fetchOpenTasks(processKey: string | null, taskKey: string | null): Promise<OpenTask[]> {
  return apiRequest<OpenTask[]>(`/kpi/open-tasks${query({ processKey, taskKey })}`);
}

export function fetchSummary(): Promise<Summary> {
  return apiRequest<Summary>('/kpi/summary');
}

/** The first screen's figures, usually already on their way since the page's reload (see lib/earlyRequests). */
function firstSummary(): Promise<Summary> {
  return earlyOrFetch('/kpi/summary', fetchSummary);
}

export const OVERDUE_PAGE_SIZE = 20;

export function fetchOverdue(choice: OverdueChoice): Promise<OverduePage> {
  return apiRequest<OverduePage>(
    `/kpi/overdue${query({
      processKey: choice.processKey,
      taskKey: choice.taskKey,
      page: choice.page,
      size: OVERDUE_PAGE_SIZE,
    })}`,
  );
}

export function fetchCoverage(fiscalYear: number | null): Promise<CoverageRow[]> {
  return apiRequest<CoverageRow[]>(`/kpi/coverage${query({ fiscalYear })}`);
}

export function fetchCoverageByDistrict(target: string, fiscalYear: number | null): Promise<CoverageRow[]> {
  return apiRequest<CoverageRow[]>(`/kpi/coverage/districts${query({ target, fiscalYear })}`);
}

export function setSlaTarget(scope: 'PROCESS' | 'TASK', key: string, businessDays: number | null): Promise<unknown> {
  return apiRequest('/kpi/sla', { method: 'PUT', body: { scope, key, businessDays } });
}

/** The server writes the table as CSV, so that Shift_JIS is encoded the same way as every other export. */
export function downloadCsv(fileName: string, encoding: CsvEncoding, rows: string[][]): Promise<Download> {
  return apiDownload('/kpi/csv', { method: 'POST', body: { fileName, encoding, rows } }, `${fileName}.csv`);
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const kpiKeys = {
  all: ['kpi'] as const,
};

export const dashboardQuery = (choice: PeriodChoice) =>
  queryOptions({
    queryKey: [...kpiKeys.all, 'fetchDashboard', choice] as const,
    queryFn: () => fetchDashboard(choice),
  });

export const summaryQuery = () =>
  queryOptions({
    queryKey: [...kpiKeys.all, 'fetchSummary'] as const,
    queryFn: firstSummary,
  });

export const overdueQuery = (choice: OverdueChoice) =>
  queryOptions({
    queryKey: [...kpiKeys.all, 'fetchOverdue', choice] as const,
    queryFn: () => fetchOverdue(choice),
  });

export const coverageQuery = (fiscalYear: number | null) =>
  queryOptions({
    queryKey: [...kpiKeys.all, 'fetchCoverage', fiscalYear] as const,
    queryFn: () => fetchCoverage(fiscalYear),
  });

export const coverageByDistrictQuery = (target: string | null, fiscalYear: number | null) =>
  queryOptions({
    queryKey: [...kpiKeys.all, 'fetchCoverageByDistrict', target, fiscalYear] as const,
    queryFn: () => fetchCoverageByDistrict(target ?? '', fiscalYear),
    enabled: target !== null,
  });

export const openTasksQuery = (processKey: string | null, taskKey: string | null) =>
  queryOptions({
    queryKey: [...kpiKeys.all, 'fetchOpenTasks', processKey, taskKey] as const,
    queryFn: () => fetchOpenTasks(processKey, taskKey),
  });
