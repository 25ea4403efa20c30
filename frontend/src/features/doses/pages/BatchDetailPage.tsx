import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { CaseDiagram } from '../../../components/CaseDiagram';
import { FactList } from '../../../components/Fact';
import { ErrorMessage, Loading } from '../../../components/Message';
import { Pager } from '../../../components/Pager';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatWarekiDateTime } from '../../../lib/date';
import {
  BATCH_ROW_PAGE_SIZE,
  ENCODING_LABELS,
  type BatchEncoding,
  type BatchRowFilter,
  type BatchSummary,
  type DoseReference,
  batchQuery,
  batchRowsQuery,
  doseReferenceQuery,
} from '../api';
import { BatchRowTable } from '../components/BatchRowTable';
import { BatchStatusBadge } from '../components/BatchStatusBadge';

const FILTERS: { value: BatchRowFilter; label: string; count: (batch: BatchSummary) => number }[] = [
  { value: 'REJECTED', label: 'エラー行', count: (batch) => batch.rejectedRows },
  { value: 'ACCEPTED', label: '受付', count: (batch) => batch.acceptedRows },
  { value: 'EXCLUDED', label: '除外', count: (batch) => batch.excludedRows },
  { value: 'ALL', label: 'すべて', count: (batch) => batch.rowCount },
];

const STATUS_GUIDANCE: Record<BatchSummary['status'], string> = {
  VALIDATING: '全行を検証しています。このままお待ちください。',
  REVIEW: 'エラー行を修正するか除外してから、タスク「エラー行の確認」を完了してください。',
  AWAITING_APPROVAL: '受け付けた行は、別の職員の承認後に登録されます。',
  REGISTERED: '受け付けた行は接種記録として登録されました。',
  DISCARDED: 'この取り込みは取り消されました。登録された記録はありません。',
  FAILED: 'ファイルを取り込めませんでした。内容を確かめて、もう一度アップロードしてください。',
};

const count = (value: number) => value.toLocaleString('ja-JP');

/** One uploaded file: its progress through validation, review and approval, and the report of its lines. */
export function BatchDetailPage() {
  const { batchId = '' } = useParams();
  const batch = useQuery(batchQuery(batchId));
  const reference = useQuery(doseReferenceQuery());

  const back = (
    <p className="back-link">
      <Link to="/dose-batches">← 一括登録へ戻る</Link>
    </p>
  );

  if (!batch.data) {
    return (
      <section>
        {back}
        {batch.error ? <ErrorMessage testId="batch-load-error">{batch.error.message}</ErrorMessage> : <Loading />}
      </section>
    );
  }

  const summary = batch.data;
  return (
    <section>
      {back}
      <div className="page-heading">
        <div>
          <h1>一括登録 #{summary.id}</h1>
          <p className="subtitle" data-testid="batch-file-name">
            {summary.fileName}
          </p>
        </div>
        <BatchStatusBadge status={summary.status} label={summary.statusLabel} testId="batch-status" />
      </div>
      <p className="hint" role="status">
        {STATUS_GUIDANCE[summary.status]}
      </p>
      {summary.status === 'VALIDATING' && (
        <ProgressBar
          label="検証の進み具合"
          value={summary.validatedRows}
          max={summary.rowCount}
          text={`${count(summary.validatedRows)} / ${count(summary.rowCount)} 行を検証しました`}
          testId="batch-validation-progress"
        />
      )}
      {summary.openTask && (
        <div className="message message-notice" data-testid="batch-open-task-panel">
          次の手順:{' '}
          <Link to={`/tasks/${summary.openTask.id}`} data-testid="batch-open-task">
            {summary.openTask.name}
          </Link>
          （担当: {summary.openTask.assignee ?? '未割当'}）
        </div>
      )}
      {batch.error && <ErrorMessage>{batch.error.message}</ErrorMessage>}
      {reference.error && (
        <ErrorMessage>
          選択肢（ワクチン・医療機関）を読み込めないため、行を修正できません: {reference.error.message}
        </ErrorMessage>
      )}
      <BatchFacts summary={summary} />
      <CaseDiagram processKey="DoseBatchRegistration" caseId={String(summary.id)} />
      {summary.status !== 'VALIDATING' && summary.status !== 'FAILED' && (
        <BatchRows batchId={batchId} summary={summary} reference={reference.data ?? null} />
      )}
    </section>
  );
}

function BatchFacts({ summary }: { summary: BatchSummary }) {
  const counts: [string, number, string][] = [
    ['行数', summary.rowCount, 'batch-count-rows'],
    ['受付', summary.acceptedRows, 'batch-count-accepted'],
    ['エラー', summary.rejectedRows, 'batch-count-rejected'],
    ['除外', summary.excludedRows, 'batch-count-excluded'],
  ];
  const facts: [string, string][] = [
    ['文字コード', ENCODING_LABELS[summary.encoding as BatchEncoding] ?? summary.encoding],
    ['アップロード', `${summary.uploadedBy}（${formatWarekiDateTime(summary.uploadedAt)}）`],
    ['承認', summary.approvedBy ? `${summary.approvedBy}（${formatWarekiDateTime(summary.approvedAt)}）` : '—'],
    ['登録日時', formatWarekiDateTime(summary.registeredAt)],
  ];
  return (
    <div className="batch-facts">
      <dl className="batch-counts" aria-label="件数" aria-live="polite">
        {counts.map(([label, value, testId]) => (
          <div key={testId}>
            <dt>{label}</dt>
            <dd data-testid={testId}>{count(value)}</dd>
          </div>
        ))}
      </dl>
      <FactList rows={facts} />
    </div>
  );
}

interface BatchRowsProps {
  batchId: string;
  summary: BatchSummary;
  reference: DoseReference | null;
}

function BatchRows({ batchId, summary, reference }: BatchRowsProps) {
  const [params, setParams] = useSearchParams();
  const requested = params.get('rows') as BatchRowFilter | null;
  const filter: BatchRowFilter =
    requested && FILTERS.some((option) => option.value === requested)
      ? requested
      : summary.rejectedRows > 0
        ? 'REJECTED'
        : 'ALL';
  const page = Number(params.get('page') ?? '0') || 0;
  const rows = useQuery(batchRowsQuery(batchId, filter, page));

  return (
    <section className="case-section" aria-labelledby="batch-rows-title">
      <h2 id="batch-rows-title">行ごとの結果</h2>
      <div className="tabs" role="group" aria-label="表示する行">
        {FILTERS.map((option) => (
          <button
            key={option.value}
            type="button"
            className={option.value === filter ? 'tab active' : 'tab'}
            aria-pressed={option.value === filter}
            data-testid={`batch-filter-${option.value}`}
            onClick={() => setParams({ rows: option.value })}
          >
            {option.label}
            <span className="count">{count(option.count(summary))}</span>
          </button>
        ))}
      </div>
      {rows.isPending && <Loading />}
      {rows.error && <ErrorMessage>{rows.error.message}</ErrorMessage>}
      {rows.data &&
        (rows.data.total === 0 ? (
          <p className="empty" data-testid="batch-rows-empty">
            該当する行はありません。
          </p>
        ) : (
          <>
            <BatchRowTable
              batchId={batchId}
              rows={rows.data.items}
              reference={reference}
              editable={summary.status === 'REVIEW'}
            />
            <Pager
              page={page}
              size={BATCH_ROW_PAGE_SIZE}
              total={rows.data.total}
              onPage={(next) => setParams({ rows: filter, page: String(next) })}
            />
          </>
        ))}
    </section>
  );
}
