import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorMessage, Loading } from '../../../components/Message';
import { formatWarekiDateTime } from '../../../lib/date';
import { OVERDUE_PAGE_SIZE, overdueQuery, summaryQuery, type Breach, type Headline } from '../api';
import { formatCount } from '../format';
import { overdueTable } from '../tables';
import { LineChart } from './Charts';
import { Pager } from '../../../components/Pager';
import { KpiSection } from './KpiTable';

function overdueLink(breach?: Breach): string {
  const search = new URLSearchParams({ view: 'overdue' });
  if (breach) {
    search.set('processKey', breach.processKey);
    search.set('taskKey', breach.taskKey);
  }
  return `/kpi?${search.toString()}`;
}

/** The first screen: a few figures, the weekly trend and what is overdue now. */
export function SummaryView() {
  const summary = useQuery(summaryQuery());
  if (summary.error) {
    return <ErrorMessage testId="kpi-error">{summary.error.message}</ErrorMessage>;
  }
  if (!summary.data) {
    return <Loading />;
  }
  const { headline, trend, breaches } = summary.data;
  return (
    <>
      <p className="kpi-period-label" data-testid="kpi-summary-at">
        {formatWarekiDateTime(summary.data.at)} 現在
      </p>
      <Figures headline={headline} />
      <KpiSection
        title="直近12週の推移（週ごと）"
        testId="kpi-weekly"
        fileName="週ごとの推移"
        table={{
          header: ['週（月曜日）', '業務の開始', '業務の完了', '工程の完了'],
          rows: trend.map((week) => [
            weekLabel(week.monday),
            formatCount(week.processesStarted),
            formatCount(week.processesCompleted),
            formatCount(week.tasksCompleted),
          ]),
        }}
        chart={
          <LineChart
            title="直近12週の業務と工程"
            labels={trend.map((week) => weekLabel(week.monday))}
            series={[
              { name: '業務の開始', values: trend.map((week) => week.processesStarted) },
              { name: '業務の完了', values: trend.map((week) => week.processesCompleted) },
              { name: '工程の完了', values: trend.map((week) => week.tasksCompleted) },
            ]}
          />
        }
      />
      <KpiSection
        title="いま期限を超えている工程（多い順）"
        testId="kpi-breaches"
        fileName="期限超過の工程"
        table={{
          header: ['業務', '工程', '期限超過', '最も古い期限'],
          rows: breaches.map((breach) => [
            breach.processName,
            breach.taskName,
            `${formatCount(breach.overdue)}件`,
            formatWarekiDateTime(breach.oldestDueAt),
          ]),
        }}
        renderCell={(row, column, text) =>
          column === 2 ? (
            <Link to={overdueLink(breaches[row])} data-testid="kpi-breach-link">
              {text}
              <span className="visually-hidden">
                （{breaches[row].processName}／{breaches[row].taskName}の一覧）
              </span>
            </Link>
          ) : (
            text
          )
        }
        note={
          <p className="kpi-note">
            期限は工程ごとのSLA（営業日）または法定期限の早い方です。件数を選ぶと、該当するタスクを期限の古い順に表示します。
          </p>
        }
      />
    </>
  );
}

function Figures({ headline }: { headline: Headline }) {
  const figures = [
    { label: '未処理の工程', value: headline.open, note: `うち未着手 ${formatCount(headline.unclaimed)}件` },
    {
      label: '期限超過',
      value: headline.overdue,
      note: 'すべての一覧へ',
      link: headline.overdue > 0 ? overdueLink() : undefined,
      alert: headline.overdue > 0,
    },
    { label: '期限間近（翌営業日まで）', value: headline.dueSoon },
    {
      label: '今月開始した業務',
      value: headline.startedThisMonth,
      note: `先月 ${formatCount(headline.startedLastMonth)}件`,
    },
    {
      label: '今月完了した業務',
      value: headline.completedThisMonth,
      note: `先月 ${formatCount(headline.completedLastMonth)}件`,
    },
  ];
  return (
    <ul className="kpi-figures" aria-label="主な指標" data-testid="kpi-figures">
      {figures.map((figure) => (
        <li key={figure.label} className={figure.alert ? 'kpi-figure alert' : 'kpi-figure'}>
          <span className="kpi-figure-label">{figure.label}</span>
          <span className="kpi-figure-value" data-testid="kpi-figure-value">
            {formatCount(figure.value)}
            <small>件</small>
          </span>
          {figure.link ? (
            <Link to={figure.link} data-testid="kpi-overdue-all">
              {figure.note}
            </Link>
          ) : (
            figure.note && <span className="kpi-figure-note">{figure.note}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "2026-11-30" → "11/30". */
function weekLabel(monday: string): string {
  const [, month, day] = monday.split('-').map(Number);
  return `${month}/${day}`;
}

/** The drill-down: overdue steps of one step (or all), most overdue first, paged by the server. */
export function OverdueView() {
  const [params, setParams] = useSearchParams();
  const processKey = params.get('processKey');
  const taskKey = params.get('taskKey');
  const page = Math.max(0, Number(params.get('page') ?? '0') || 0);
  const overdue = useQuery(overdueQuery({ processKey, taskKey, page }));
  const first = overdue.data?.items[0];
  const title = `期限を超えているタスク${first && taskKey ? `: ${first.processName}／${first.taskName}` : ''}`;

  function goTo(next: number) {
    const search = new URLSearchParams(params);
    search.set('page', String(next));
    setParams(search);
  }

  return (
    <>
      <p>
        <Link to="/kpi">← 概要に戻る</Link>
      </p>
      {overdue.error && <ErrorMessage testId="kpi-error">{overdue.error.message}</ErrorMessage>}
      {overdue.isPending && <Loading />}
      {overdue.data && (
        <>
          <KpiSection
            title={title}
            testId="kpi-overdue"
            fileName="期限超過タスク"
            table={overdueTable(overdue.data.items)}
            pageSize={OVERDUE_PAGE_SIZE}
            note={
              <p className="kpi-note">
                閲覧のみです。案件や住民の情報は表示しません。処理は担当職員がタスク一覧から行います。
              </p>
            }
          />
          <Pager
            label={`${title}のページ`}
            page={page}
            size={OVERDUE_PAGE_SIZE}
            total={overdue.data.total}
            onPage={goTo}
          />
        </>
      )}
    </>
  );
}
