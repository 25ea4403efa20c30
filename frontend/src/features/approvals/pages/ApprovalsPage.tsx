import { useState } from 'react';
import { ErrorMessage, Loading, Notice } from '../../../components/Message';
import { asApiError, useAsync } from '../../../lib/useAsync';
import type { TaskDetail } from '../../tasks/api';
import { fetchApprovals } from '../api';
import { ApprovalCard } from '../components/ApprovalCard';

/** The supervisors' queue: every case waiting for their approval, decided right on its card. */
export function ApprovalsPage() {
  const [refreshes, setRefreshes] = useState(0);

  return (
    <section>
      <div className="page-heading">
        <h1>承認待ち</h1>
        <button type="button" data-testid="approvals-refresh" onClick={() => setRefreshes((value) => value + 1)}>
          最新の状態に更新
        </button>
      </div>
      <p>承認が必要な案件です。内容を確認し、その場で承認または差戻しできます。承認・差戻しは記録されます。</p>
      <ApprovalList key={refreshes} />
    </section>
  );
}

function ApprovalList() {
  const firstPage = useAsync(() => fetchApprovals(), []);
  const [more, setMore] = useState<{ items: TaskDetail[]; nextCursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);

  if (firstPage.loading) {
    return <Loading />;
  }
  if (firstPage.error || !firstPage.data) {
    return <ErrorMessage>{firstPage.error?.message}</ErrorMessage>;
  }

  const items = [...firstPage.data.items, ...(more?.items ?? [])].filter((item) => !decided.has(item.task.id));
  const nextCursor = more ? more.nextCursor : firstPage.data.nextCursor;

  async function loadMore() {
    if (!nextCursor) {
      return;
    }
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchApprovals(nextCursor);
      setMore((previous) => ({
        items: [...(previous?.items ?? []), ...page.items],
        nextCursor: page.nextCursor,
      }));
    } catch (failure) {
      setMoreError(asApiError(failure).message);
    } finally {
      setLoadingMore(false);
    }
  }

  function handleDecided(taskId: string, text: string) {
    setDecided((previous) => new Set(previous).add(taskId));
    setNotice(text);
  }

  return (
    <>
      {notice && <Notice testId="approval-notice">{notice}</Notice>}
      {items.length === 0 && !nextCursor && <p className="empty">承認待ちの案件はありません。</p>}
      {items.map((item) => (
        <ApprovalCard key={item.task.id} detail={item} onDecided={(text) => handleDecided(item.task.id, text)} />
      ))}
      {moreError && <ErrorMessage>{moreError}</ErrorMessage>}
      {nextCursor && (
        <button type="button" className="load-more" onClick={() => void loadMore()} disabled={loadingMore}>
          もっと見る
        </button>
      )}
    </>
  );
}
