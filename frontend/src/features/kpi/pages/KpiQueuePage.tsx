import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorMessage, Loading } from '../../../components/Message';
import { formatWarekiDateTime } from '../../../lib/date';
import { openTasksQuery } from '../api';
import { KpiSection, type TableModel } from '../components/KpiTable';

/**
 * The queue as a manager sees it: open steps of one kind, oldest first, read-only and without case data. Managers
 * have no access to cases or residents; staff open the same step from their own task list.
 */
export function KpiQueuePage() {
  const [params] = useSearchParams();
  const processKey = params.get('processKey');
  const taskKey = params.get('taskKey');
  const highlighted = params.get('task');
  const tasks = useQuery(openTasksQuery(processKey, taskKey));
  const first = tasks.data?.[0];
  const table: TableModel = {
    header: ['タスク', '業務', '工程', '作成日時', '経過日数', '経過営業日', 'SLA（営業日）', '候補グループ', '担当者'],
    rows: (tasks.data ?? []).map((task) => [
      task.id,
      task.processName,
      task.taskName,
      formatWarekiDateTime(task.createdAt),
      `${task.ageDays}日`,
      `${task.businessDaysOpen}日`,
      String(task.slaDays),
      task.candidateGroups.join('、'),
      task.assigneeName ?? '（未着手）',
    ]),
  };
  return (
    <div className="kpi-page">
      <p>
        <Link to="/kpi">← 業務指標に戻る</Link>
      </p>
      <h1 data-testid="kpi-queue-title">
        未処理タスク（閲覧のみ）{first && taskKey ? `: ${first.processName}／${first.taskName}` : ''}
      </h1>
      <p className="kpi-privacy">
        古い順に表示します。案件や住民の情報は表示しません。処理は担当職員がタスク一覧から行います。
      </p>
      {tasks.error && <ErrorMessage>{tasks.error.message}</ErrorMessage>}
      {tasks.isPending && <Loading />}
      {tasks.data && (
        <KpiSection
          title="未処理タスク"
          testId="kpi-queue"
          fileName="未処理タスク"
          table={table}
          renderCell={(row, column, text) =>
            column === 0 && tasks.data?.[row].id === highlighted ? (
              <strong data-testid="kpi-queue-highlight">{text}</strong>
            ) : (
              text
            )
          }
        />
      )}
    </div>
  );
}
