import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { LoadMore } from '../../../components/LoadMore';
import { Notice } from '../../../components/Message';
import { QueryResult } from '../../../components/QueryResult';
import { loadedItems } from '../../../lib/paging';
import type { ApiError } from '../../../lib/api';
import { approvalsQuery, type ApprovalPage } from '../api';
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

  function handleDecided(taskId: string, text: string) {
    // Hidden at once: the queue is fetched again behind it, without the decided case.
    setDecided((previous) => new Set(previous).add(taskId));
    setNotice(text);
  }

  return (
    <QueryResult query={approvals}>
      {(data) => {
        const items = loadedItems(data).filter((item) => !decided.has(item.task.id));
        return (
          <>
            {notice && <Notice testId="approval-notice">{notice}</Notice>}
            {items.length === 0 && !approvals.hasNextPage && <p className="empty">承認待ちの案件はありません。</p>}
            {items.map((item) => (
              <ApprovalCard key={item.task.id} detail={item} onDecided={(text) => handleDecided(item.task.id, text)} />
            ))}
            <LoadMore query={approvals} label="もっと見る" />
          </>
        );
      }}
    </QueryResult>
  );
}
