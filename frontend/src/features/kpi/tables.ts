import { formatWarekiDate, formatWarekiDateTime } from '../../lib/date';
import type { CoverageRow, Dashboard, OverdueStep } from './api';
import { formatCount, formatHours, formatRate } from './format';
import type { TableModel } from './components/KpiTable';

/** The tables of the dashboard, as text: the screen and the CSV files show the same. */

export function processTable(dashboard: Dashboard): TableModel {
  return {
    header: [
      '業務',
      '開始',
      '完了',
      '処理中',
      '平均処理時間',
      '90%値',
      'SLA（営業日）',
      '期限内完了',
      '期限超過完了',
      '期限超過（処理中）',
      '期限間近',
    ],
    rows: dashboard.processes.map((row) => [
      row.processName,
      formatCount(row.stats.started),
      formatCount(row.stats.completed),
      formatCount(row.stats.open),
      formatHours(row.stats.avgCycleHours),
      formatHours(row.stats.p90CycleHours),
      String(row.sla.targetDays),
      formatCount(row.sla.completedWithin),
      formatCount(row.sla.completedBreached),
      formatCount(row.sla.openBreached),
      formatCount(row.sla.openAtRisk),
    ]),
  };
}

export function taskTable(dashboard: Dashboard): TableModel {
  return {
    header: ['業務', '工程', '開始', '完了', '未処理', '平均処理時間', '90%値', '着手までの平均', '着手後の平均'],
    rows: dashboard.tasks.map((row) => [
      row.processName,
      row.taskName,
      formatCount(row.stats.started),
      formatCount(row.stats.completed),
      formatCount(row.stats.open),
      formatHours(row.stats.avgCycleHours),
      formatHours(row.stats.p90CycleHours),
      formatHours(row.stats.avgWaitHours),
      formatHours(row.stats.avgWorkHours),
    ]),
  };
}

export function slaTable(dashboard: Dashboard): TableModel {
  return {
    header: [
      '業務',
      '工程',
      '目標（営業日）',
      '設定',
      '期限内完了',
      '期限超過完了',
      '期限超過（未処理）',
      '期限間近（残り1営業日以内）',
    ],
    rows: dashboard.tasks.map((row) => [
      row.processName,
      row.taskName,
      String(row.sla.targetDays),
      row.sla.setByManager ? '管理者が設定' : '既定値',
      formatCount(row.sla.completedWithin),
      formatCount(row.sla.completedBreached),
      formatCount(row.sla.openBreached),
      formatCount(row.sla.openAtRisk),
    ]),
  };
}

export function trendLabel(bucket: string, daily: boolean): string {
  const [year, month, day] = bucket.split('-').map(Number);
  return daily ? `${month}/${day}` : `${year}年${month}月`;
}

export function trendTable(dashboard: Dashboard): TableModel {
  const daily = isDaily(dashboard);
  return {
    header: [daily ? '日' : '月', '業務の開始', '業務の完了', '工程の完了'],
    rows: dashboard.trend.map((point) => [
      daily ? formatWarekiDate(point.bucket) : trendLabel(point.bucket, false),
      formatCount(point.processesStarted),
      formatCount(point.processesCompleted),
      formatCount(point.tasksCompleted),
    ]),
  };
}

export function isDaily(dashboard: Dashboard): boolean {
  const points = dashboard.trend;
  return points.length < 2 || points[1].bucket.slice(0, 7) === points[0].bucket.slice(0, 7);
}

export function ageingTable(dashboard: Dashboard): TableModel {
  return {
    header: ['区分', 'グループ・担当者', ...dashboard.ageBands, '合計'],
    rows: dashboard.ageing.map((row) => [
      row.kind === 'GROUP' ? 'グループ（未着手）' : '担当者（着手済み）',
      row.label,
      ...row.counts.map(formatCount),
      formatCount(row.counts.reduce((sum, count) => sum + count, 0)),
    ]),
  };
}

export function oldestTable(dashboard: Dashboard): TableModel {
  return {
    header: ['タスク', '業務', '工程', '作成日時', '経過日数', '経過営業日', 'SLA（営業日）', '担当者'],
    rows: dashboard.oldest.map((task) => [
      task.id,
      task.processName,
      task.taskName,
      formatWarekiDateTime(task.createdAt),
      `${task.ageDays}日`,
      `${task.businessDaysOpen}日`,
      String(task.slaDays),
      task.assigneeName ?? '（未着手）',
    ]),
  };
}

export function approvalTable(dashboard: Dashboard): TableModel {
  return {
    header: [
      '業務',
      '承認工程',
      '判断件数',
      '承認',
      '却下',
      'その他（差戻し等）',
      '承認率',
      '却下率',
      '平均所要時間',
      '90%値',
    ],
    rows: dashboard.approvals.map((row) => [
      row.processName,
      row.taskName,
      formatCount(row.decided),
      formatCount(row.approved),
      formatCount(row.rejected),
      formatCount(row.other),
      formatRate(row.approvalRate),
      formatRate(row.rejectionRate),
      formatHours(row.avgTurnaroundHours),
      formatHours(row.p90TurnaroundHours),
    ]),
  };
}

/** Shown instead of the counts of a coverage cell with too few residents. */
export const SUPPRESSED = '秘匿';

/** Coverage lines: the city's for every dose, or one dose's districts (first column the district). */
export function coverageTable(rows: CoverageRow[], byDistrict: boolean): TableModel {
  return {
    header: [byDistrict ? '地区' : 'ワクチン', '接種区分', '対象者', '対象人数', '接種者数', '接種率'],
    rows: rows.map((row) => [
      byDistrict ? row.district : row.vaccine,
      row.dose,
      row.population,
      ...(row.suppressed || row.targetPopulation === null || row.vaccinated === null
        ? [SUPPRESSED, SUPPRESSED, SUPPRESSED]
        : [formatCount(row.targetPopulation), formatCount(row.vaccinated), formatRate(row.rate)]),
    ]),
  };
}

/** The drill-down of overdue steps: ids and kinds only, as the read-only queue. */
export function overdueTable(steps: OverdueStep[]): TableModel {
  return {
    header: ['業務', '工程', 'タスクID', '担当', '期限', '超過（営業日）'],
    rows: steps.map((step) => [
      step.processName,
      step.taskName,
      step.id,
      step.assigneeName ?? '（未着手）',
      formatWarekiDateTime(step.dueAt),
      `${step.businessDaysOverdue}日`,
    ]),
  };
}
