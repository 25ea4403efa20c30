import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { LoadMore } from '../../../components/LoadMore';
import { Notice } from '../../../components/Message';
import { QueryResult } from '../../../components/QueryResult';
import { loadedItems } from '../../../lib/paging';
import type { ApiError } from '../../../lib/api';
import { useAction } from '../../../lib/useAction';
import { approvalsQuery, approveAll, type ApprovalPage, type BulkOutcome } from '../api';
import { ApprovalCard } from '../components/ApprovalCard';

/** The supervisors' queue: every case waiting for their approval, decided right on its card. */
export function ApprovalsPage() {
  const [refreshes, setRefreshes] = useState(0);
  const approvals = useInfiniteQuery(approvalsQuery());

  function refresh() {
    // A fresh list also forgets the notices and hidden cards of the decisions before it.
    setRefreshes((value) => value + 1);
    void approvals.refetch();
  }

  return (
    <section>
      <div className="page-heading">
        <h1>承認待ち</h1>
        <button type="button" data-testid="approvals-refresh" onClick={refresh}>
          最新の状態に更新
        </button>
      </div>
      <p>承認が必要な案件です。内容を確認し、その場で承認または差戻しできます。承認・差戻しは記録されます。</p>
      <ApprovalList key={refreshes} approvals={approvals} />
    </section>
  );
}

interface ApprovalListProps {
  approvals: UseInfiniteQueryResult<InfiniteData<ApprovalPage>, ApiError>;
}

function ApprovalList({ approvals }: ApprovalListProps) {
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const bulk = useAction<BulkOutcome[]>();

  function toggle(taskId: string) {
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(taskId)) {
        next.delete(taskId);
      } else {
        next.add(taskId);
      }
      return next;
    });
  }

  function handleDecided(taskId: string, text: string) {
    // Hidden at once: the queue is fetched again behind it, without the decided case.
    setDecided((previous) => new Set(previous).add(taskId));
    setNotice(text);
  }

  return (
    <QueryResult query={approvals}>
      {(data) => {
        const items = loadedItems(data).filter((item) => !decided.has(item.task.id));
        const chosen = items.filter((item) => selected.has(item.task.id));
        const oneStep = new Set(chosen.map((item) => `${item.task.processKey}/${item.task.taskKey}`)).size === 1;
        const nameOf = (taskId: string) => {
          const item = items.find((candidate) => candidate.task.id === taskId);
          return item ? `${item.task.name}（${item.task.caseLabel}）` : taskId;
        };
        async function approveChosen() {
          const ids = chosen.map((item) => item.task.id);
          if (await bulk.run(() => approveAll(ids))) {
            setSelected(new Set());
          }
        }
        return (
          <>
            {notice && <Notice testId="approval-notice">{notice}</Notice>}
            {items.length > 1 && (
              <div className="bulk-bar" data-testid="approval-bulk-bar">
                <span>{chosen.length}件を選択中</span>
                <button
                  type="button"
                  className="primary"
                  data-testid="approve-selected"
                  disabled={chosen.length === 0 || !oneStep || bulk.busy}
                  onClick={() => void approveChosen()}
                >
                  選択した{chosen.length}件を承認する
                </button>
                {chosen.length > 0 && !oneStep && (
                  <span className="hint">まとめて承認できるのは同じ手順の承認だけです。</span>
                )}
              </div>
            )}
            {bulk.result && (
              <div className="bulk-results" role="status" data-testid="bulk-results">
                <p>
                  {bulk.result.length}件中 {bulk.result.filter((outcome) => outcome.done).length}件を承認しました。
                </p>
                <ul>
                  {bulk.result.map((outcome) => (
                    <li
                      key={outcome.taskId}
                      className={outcome.done ? 'bulk-done' : 'bulk-refused'}
                      data-testid="bulk-outcome"
                    >
                      {nameOf(outcome.taskId)}: {outcome.done ? '承認しました' : outcome.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {bulk.error && <p className="message message-error">{bulk.error}</p>}
            {items.length === 0 && !approvals.hasNextPage && <p className="empty">承認待ちの案件はありません。</p>}
            {items.map((item) => (
              <div key={item.task.id} className="approval-item">
                {items.length > 1 && (
                  <label className="inline approval-select">
                    <input
                      type="checkbox"
                      data-testid="approval-select"
                      checked={selected.has(item.task.id)}
                      onChange={() => toggle(item.task.id)}
                    />
                    まとめて承認に含める（{item.task.caseLabel}）
                  </label>
                )}
                <ApprovalCard detail={item} onDecided={(text) => handleDecided(item.task.id, text)} />
              </div>
            ))}
            <LoadMore query={approvals} label="もっと見る" />
          </>
        );
      }}
    </QueryResult>
  );
}
