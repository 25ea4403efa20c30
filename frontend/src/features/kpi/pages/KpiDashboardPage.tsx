import { useQuery } from '@tanstack/react-query';
import { officeToday, typedWarekiDate } from '../../../lib/date';
import { readTypedDates } from '../../../lib/wareki';
import '../kpi.css';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { ErrorMessage, Loading, Notice } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
import {
  PERIOD_LABELS,
  setSlaTarget,
  type Dashboard,
  type PeriodChoice,
  type PeriodKind,
  dashboardQuery,
} from '../api';
import { BarChart, HeatMap, LineChart } from '../components/Charts';
import { CoverageView } from '../components/CoverageView';
import { KpiSection } from '../components/KpiTable';
import { OverdueView, SummaryView } from '../components/SummaryView';
import {
  ageingTable,
  approvalTable,
  isDaily,
  oldestTable,
  processTable,
  slaTable,
  taskTable,
  trendLabel,
  trendTable,
} from '../tables';

type View = 'summary' | 'overdue' | 'details' | 'coverage';

const VIEWS: { view: View; label: string }[] = [
  { view: 'summary', label: '概要' },
  { view: 'details', label: '詳細な集計' },
  { view: 'coverage', label: '接種率' },
];

/**
 * Managers' KPI dashboard: counts and durations only, never residents' data. The first screen is a summary to read
 * at a glance; the detailed tables and coverage are drawn only when asked for, so the first screen stays small.
 */
export function KpiDashboardPage() {
  const [params] = useSearchParams();
  const asked = params.get('view');
  const view: View = VIEWS.some((v) => v.view === asked) || asked === 'overdue' ? (asked as View) : 'summary';
  return (
    <div className="kpi-page">
      <h1>業務指標（KPI）</h1>
      <p className="kpi-privacy">件数と所要時間だけを表示します。住民の個人情報は含みません。</p>
      <nav className="kpi-views" aria-label="業務指標の表示">
        {VIEWS.map((v) => (
          <Link
            key={v.view}
            to={v.view === 'summary' ? '/kpi' : `/kpi?view=${v.view}`}
            className={view === v.view || (v.view === 'summary' && view === 'overdue') ? 'tab active' : 'tab'}
            aria-current={view === v.view ? 'page' : undefined}
            data-testid={`kpi-view-${v.view}`}
          >
            {v.label}
          </Link>
        ))}
      </nav>
      {view === 'summary' && <SummaryView />}
      {view === 'overdue' && <OverdueView />}
      {view === 'details' && <DetailsView />}
      {view === 'coverage' && <CoverageView />}
    </div>
  );
}

function DetailsView() {
  // The draft holds the dates as typed (和暦 or 西暦); the choice asked of the server holds ISO dates.
  const [draft, setDraft] = useState<PeriodChoice>({
    period: 'MONTH',
    date: typedWarekiDate(officeToday()),
    from: '',
    to: '',
  });
  const [choice, setChoice] = useState<PeriodChoice>({ period: 'MONTH', date: officeToday(), from: '', to: '' });
  const [unreadable, setUnreadable] = useState<Record<string, string>>({});
  const dashboard = useQuery(dashboardQuery(choice));

  function submit(event: FormEvent) {
    event.preventDefault();
    const read = readTypedDates(
      draft.period === 'CUSTOM' ? { from: draft.from, to: draft.to, date: '' } : { from: '', to: '', date: draft.date },
    );
    if (!read.ok) {
      setUnreadable(read.unreadable);
      return;
    }
    setUnreadable({});
    setChoice({
      period: draft.period,
      date: read.dates.date ?? '',
      from: read.dates.from ?? '',
      to: read.dates.to ?? '',
    });
  }

  return (
    <>
      <form className="kpi-period" onSubmit={submit} aria-label="集計期間">
        <label>
          期間
          <select
            data-testid="kpi-period"
            value={draft.period}
            onChange={(event) => setDraft({ ...draft, period: event.target.value as PeriodKind })}
          >
            {(Object.keys(PERIOD_LABELS) as PeriodKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {PERIOD_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        {draft.period === 'CUSTOM' ? (
          <>
            <JapaneseDateField
              id="kpi-from"
              label="開始日"
              value={draft.from}
              error={unreadable.from}
              onChange={(from) => setDraft({ ...draft, from })}
            />
            <JapaneseDateField
              id="kpi-to"
              label="終了日"
              value={draft.to}
              error={unreadable.to}
              onChange={(to) => setDraft({ ...draft, to })}
            />
          </>
        ) : (
          <JapaneseDateField
            id="kpi-date"
            label="基準日"
            value={draft.date}
            error={unreadable.date}
            onChange={(date) => setDraft({ ...draft, date })}
          />
        )}
        <button type="submit" data-testid="kpi-show">
          表示
        </button>
      </form>
      {dashboard.error && <ErrorMessage testId="kpi-error">{dashboard.error.message}</ErrorMessage>}
      {dashboard.isPending && <Loading />}
      {dashboard.data && <DashboardView dashboard={dashboard.data} onChanged={() => void dashboard.refetch()} />}
    </>
  );
}

function DashboardView({ dashboard, onChanged }: { dashboard: Dashboard; onChanged: () => void }) {
  const daily = isDaily(dashboard);
  const period = dashboard.period;
  return (
    <>
      <p data-testid="kpi-period-label" className="kpi-period-label">
        集計期間: {period.label}（{period.first} 〜 {period.last}）
      </p>
      <KpiSection
        title="業務別の処理件数"
        testId="kpi-processes"
        fileName="業務別"
        table={processTable(dashboard)}
        chart={
          <BarChart
            title="業務別の完了件数"
            unit="件"
            bars={dashboard.processes.map((row) => ({ label: row.processName, value: row.stats.completed }))}
          />
        }
      />
      <KpiSection
        title="推移"
        testId="kpi-trend"
        fileName="推移"
        table={trendTable(dashboard)}
        chart={
          <LineChart
            title="業務と工程の推移"
            labels={dashboard.trend.map((point) => trendLabel(point.bucket, daily))}
            series={[
              { name: '業務の開始', values: dashboard.trend.map((point) => point.processesStarted) },
              { name: '業務の完了', values: dashboard.trend.map((point) => point.processesCompleted) },
              { name: '工程の完了', values: dashboard.trend.map((point) => point.tasksCompleted) },
            ]}
          />
        }
      />
      <KpiSection title="工程別の処理件数と時間" testId="kpi-tasks" fileName="工程別" table={taskTable(dashboard)} />
      <KpiSection
        title="SLA（営業日：土日・祝日・年末年始12/29〜1/3を除く）"
        testId="kpi-sla"
        fileName="SLA"
        table={slaTable(dashboard)}
        chart={
          <BarChart
            title="工程別の期限超過（未処理）"
            unit="件"
            bars={dashboard.tasks
              .filter((row) => row.sla.openBreached > 0)
              .map((row) => ({ label: `${row.processName}／${row.taskName}`, value: row.sla.openBreached }))}
          />
        }
        note={<SlaEditor dashboard={dashboard} onChanged={onChanged} />}
      />
      <KpiSection
        title="滞留状況（未処理タスクの経過日数）"
        testId="kpi-ageing"
        fileName="滞留状況"
        table={ageingTable(dashboard)}
        chart={
          <HeatMap
            title="経過日数のヒートマップ"
            rows={dashboard.ageing.map((row) => row.label)}
            columns={dashboard.ageBands}
            values={dashboard.ageing.map((row) => row.counts)}
          />
        }
      />
      <KpiSection
        title="最も古い未処理タスク"
        testId="kpi-oldest"
        fileName="古い未処理タスク"
        table={oldestTable(dashboard)}
        renderCell={(row, column, text) => {
          const task = dashboard.oldest[row];
          if (column !== 2) {
            return text;
          }
          const search = new URLSearchParams({ processKey: task.processKey, taskKey: task.taskKey, task: task.id });
          return (
            <Link to={`/kpi/queue?${search.toString()}`} data-testid="kpi-oldest-link">
              {text}
            </Link>
          );
        }}
      />
      <KpiSection
        title="承認（上長）の状況"
        testId="kpi-approvals"
        fileName="承認状況"
        table={approvalTable(dashboard)}
      />
    </>
  );
}

function SlaEditor({ dashboard, onChanged }: { dashboard: Dashboard; onChanged: () => void }) {
  const [target, setTarget] = useState('');
  const [days, setDays] = useState('');
  const { run, message, error } = useAction();
  const options = [
    ...dashboard.processes.map((row) => ({ value: `PROCESS:${row.processKey}`, label: `業務: ${row.processName}` })),
    ...dashboard.tasks.map((row) => ({
      value: `TASK:${row.taskKey}`,
      label: `工程: ${row.processName}／${row.taskName}`,
    })),
  ];

  async function save(event: FormEvent) {
    event.preventDefault();
    const [scope, ...rest] = target.split(':');
    const saved = await run(
      () => setSlaTarget(scope as 'PROCESS' | 'TASK', rest.join(':'), days === '' ? null : Number(days)),
      days === '' ? '既定値に戻しました。' : `目標を${days}営業日にしました。`,
    );
    if (saved) {
      onChanged();
    }
  }

  return (
    <form className="kpi-sla-editor" onSubmit={save} aria-label="SLAの目標">
      <label>
        対象
        <select data-testid="sla-target" value={target} onChange={(event) => setTarget(event.target.value)} required>
          <option value="">選んでください</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        目標（営業日、空欄で既定値）
        <input
          type="number"
          data-testid="sla-days"
          min={1}
          max={365}
          value={days}
          onChange={(event) => setDays(event.target.value)}
        />
      </label>
      <button type="submit" data-testid="sla-save">
        保存
      </button>
      {message && <Notice>{message}</Notice>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </form>
  );
}
