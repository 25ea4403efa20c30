import { useState } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { ErrorMessage, Loading, Notice } from '../../../components/Message';
import { asApiError, useAsync } from '../../../lib/useAsync';
import { fetchTaskCounts, fetchTasks, type TaskSummary, type TaskView } from '../api';
import { TaskTable } from '../../../components/TaskTable';

const TABS: { view: TaskView; label: string; empty: string }[] = [
  { view: 'mine', label: '自分のタスク', empty: '担当しているタスクはありません。' },
  { view: 'group', label: 'グループのタスク', empty: 'グループに未割当のタスクはありません。' },
];

interface InboxLocationState {
  notice?: string;
}

export function InboxPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const view: TaskView = searchParams.get('view') === 'group' ? 'group' : 'mine';
  const [refreshes, setRefreshes] = useState(0);
  const counts = useAsync(fetchTaskCounts, [view, refreshes]);
  const notice = (location.state as InboxLocationState | null)?.notice;

  return (
    <section>
      <div className="page-heading">
        <h1>タスク一覧</h1>
        <button type="button" onClick={() => setRefreshes((value) => value + 1)}>
          最新の状態に更新
        </button>
      </div>
      {notice && <Notice testId="inbox-notice">{notice}</Notice>}
      <div className="tabs" role="tablist" aria-label="タスクの種類">
        {TABS.map((tab) => (
          <button
            key={tab.view}
            type="button"
            role="tab"
            id={`tab-${tab.view}`}
            aria-selected={view === tab.view}
            aria-controls="task-panel"
            data-testid={`tab-${tab.view}`}
            className={view === tab.view ? 'tab active' : 'tab'}
            onClick={() => setSearchParams({ view: tab.view })}
          >
            {tab.label}
            <span className="count" data-testid={`count-${tab.view}`}>
              {counts.data ? counts.data[tab.view] : '…'}
            </span>
          </button>
        ))}
      </div>
      <div id="task-panel" role="tabpanel" aria-labelledby={`tab-${view}`}>
        <TaskList
          key={`${view}-${refreshes}`}
          view={view}
          emptyText={TABS.find((tab) => tab.view === view)!.empty}
        />
      </div>
    </section>
  );
}

function TaskList({ view, emptyText }: { view: TaskView; emptyText: string }) {
  const firstPage = useAsync(() => fetchTasks(view), [view]);
  const [more, setMore] = useState<{ items: TaskSummary[]; nextCursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  if (firstPage.loading) {
    return <Loading />;
  }
  if (firstPage.error || !firstPage.data) {
    return <ErrorMessage>{firstPage.error?.message}</ErrorMessage>;
  }

  const items = [...firstPage.data.items, ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : firstPage.data.nextCursor;

  async function loadMore() {
    if (!nextCursor) {
      return;
    }
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchTasks(view, nextCursor);
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

  return (
    <>
      <TaskTable tasks={items} emptyText={emptyText} />
      {moreError && <ErrorMessage>{moreError}</ErrorMessage>}
      {nextCursor && (
        <button type="button" className="load-more" onClick={() => void loadMore()} disabled={loadingMore}>
          さらに表示
        </button>
      )}
    </>
  );
}
