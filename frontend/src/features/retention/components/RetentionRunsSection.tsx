import { useQuery } from '@tanstack/react-query';
import { ErrorMessage, Loading } from '../../../components/Message';
import { formatWarekiDate, formatWarekiDateTime } from '../../../lib/date';
import { describeDeletions, RETENTION_KIND_LABELS, type RetentionArea, retentionRunsQuery } from '../api';
import { DataTable } from '../../../components/DataTable';

/** 保存期間経過データの削除 (R27): each nightly run, what it deleted, and any rule that failed. */
export function RetentionRunsSection({ area }: { area: RetentionArea }) {
  const overview = useQuery(retentionRunsQuery(area));
  return (
    <section aria-labelledby="retention-runs-title">
      <h2 id="retention-runs-title">保存期間経過データの削除</h2>
      {overview.isPending && <Loading />}
      {overview.error && <ErrorMessage>{overview.error.message}</ErrorMessage>}
      {overview.data && (
        <>
          <p>
            毎晩、次のデータのうち保存期間を過ぎたものを削除します（保全措置のある住民と処理中の案件のある住民のデータを除く）：
            {overview.data.kinds.map((kind) => RETENTION_KIND_LABELS[kind] ?? kind).join('、')}
          </p>
          {overview.data.runs.length === 0 ? (
            <p className="empty">削除の実行記録はまだありません。</p>
          ) : (
            <DataTable columns={['実行日時', '基準日', '削除件数', '削除した内容', '失敗']} testId="retention-runs">
              {overview.data.runs.map((run) => (
                <tr key={run.id} data-testid="retention-run">
                  <td>{formatWarekiDateTime(run.startedAt)}</td>
                  <td>{formatWarekiDate(run.asOf)}</td>
                  <td className="number-cell">{run.deleted.toLocaleString('ja-JP')}</td>
                  <td>{describeDeletions(run)}</td>
                  <td>
                    {run.finishedAt === null
                      ? '実行中または中断'
                      : run.failed.map((kind) => RETENTION_KIND_LABELS[kind] ?? kind).join('、') || 'なし'}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </section>
  );
}
