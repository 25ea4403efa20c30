import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { FactList } from '../../../components/Fact';
import { ErrorMessage, Loading } from '../../../components/Message';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatWarekiDateTime } from '../../../lib/date';
import { ENCODING_LABELS, PURPOSE_LABELS, feedQuery, type FeedEncoding, type FeedSummary } from '../api';
import { Differences } from '../components/Differences';
import { FeedLines } from '../components/FeedLines';

const GUIDANCE: Record<FeedSummary['status'], string> = {
  CHECKING: '全行を検査しています。このままお待ちください。',
  REVIEW:
    'エラーの行があるため、住民記録には何も反映していません。タスク「エラー行の確認」で、不足していたファイルが届いたあとに再検査するか、取込を拒否してください。',
  APPLIED: '全行を異動日の順に住民記録へ反映しました。',
  REFUSED: 'この取込は拒否されました。住民記録は変わっていません。',
  COMPARING: '住民記録と照合しています。このままお待ちください。',
  RESOLVING: '差異を一件ずつ反映するか、反映しない理由を記録してから、タスク「照合の差異の処理」を完了してください。',
  RECONCILED: '照合は完了しました。',
};

const count = (value: number | null) => (value === null ? '—' : value.toLocaleString('ja-JP'));

/** One received file: its checks with their progress, the rejected lines, and for a full extract its differences. */
export function FeedFilePage() {
  const { feedId = '' } = useParams();
  const feed = useQuery(feedQuery(feedId));

  const back = (
    <p className="back-link">
      <Link to="/residents/feed">← 住民記録の取込へ戻る</Link>
    </p>
  );
  if (!feed.data) {
    return (
      <section>
        {back}
        {feed.error ? <ErrorMessage testId="feed-load-error">{feed.error.message}</ErrorMessage> : <Loading />}
      </section>
    );
  }

  const summary = feed.data;
  const working = summary.status === 'CHECKING' || summary.status === 'COMPARING';
  return (
    <section>
      {back}
      <div className="page-heading">
        <div>
          <h1>
            {PURPOSE_LABELS[summary.purpose]} #{summary.id}
          </h1>
          <p className="subtitle">{summary.fileName}</p>
        </div>
        <span className="badge" data-testid="feed-status">
          {summary.statusLabel}
        </span>
      </div>
      <p className="hint" role="status">
        {GUIDANCE[summary.status]}
      </p>
      {summary.status === 'CHECKING' && (
        <ProgressBar
          label="検査の進み具合"
          value={summary.checkedLines}
          max={summary.lineCount}
          text={`${count(summary.checkedLines)} / ${count(summary.lineCount)} 行を検査しました`}
          testId="feed-check-progress"
        />
      )}
      {summary.openTask && (
        <div className="message message-notice" data-testid="feed-open-task-panel">
          次の手順: <Link to={`/tasks/${summary.openTask.id}`}>{summary.openTask.name}</Link>（担当:{' '}
          {summary.openTask.assignee ?? '未割当'}）
        </div>
      )}
      <FactList
        rows={[
          ['送信元システム', summary.sourceSystem],
          ['文字コード', ENCODING_LABELS[summary.encoding as FeedEncoding] ?? summary.encoding],
          ['受信', `${summary.receivedBy}（${formatWarekiDateTime(summary.receivedAt)}）`],
          ['行数', count(summary.lineCount)],
          ['受付 / エラー', `${count(summary.acceptedLines)} / ${count(summary.rejectedLines)}`],
          ['反映', count(summary.appliedLines)],
          ['既に反映済みの異動（異動連番）', count(summary.repeatedLines)],
          ['より新しい異動があり反映しなかった行', count(summary.supersededLines)],
          ['反映日時', formatWarekiDateTime(summary.appliedAt)],
          ['確認', summary.reviewedBy ? `${summary.reviewedBy}: ${summary.reviewNote ?? ''}` : '—'],
        ]}
        testId="feed-facts"
      />
      {!working && <FeedLines feed={summary} />}
      {summary.purpose === 'RECONCILE' && !working && <Differences feed={summary} />}
    </section>
  );
}
