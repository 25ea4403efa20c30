import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useSearchParams } from 'react-router-dom';
import { LoadMore } from '../../../components/LoadMore';
import { Notice } from '../../../components/Message';
import { QueryResult } from '../../../components/QueryResult';
import { TaskTable } from '../../../components/TaskTable';
import { loadedItems } from '../../../lib/paging';
import { taskCountsQuery, taskKeys, tasksQuery, type TaskView } from '../api';

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
  const queryClient = useQueryClient();
  const view: TaskView = searchParams.get('view') === 'group' ? 'group' : 'mine';
  const counts = useQuery(taskCountsQuery());
  const notice = (location.state as InboxLocationState | null)?.notice;

  return (
    <section>
      <div className="page-heading">
        <h1>タスク一覧</h1>
        <button type="button" onClick={() => void queryClient.invalidateQueries({ queryKey: taskKeys.all })}>
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
        <TaskList key={view} view={view} emptyText={TABS.find((tab) => tab.view === view)!.empty} />
      </div>
    </section>
  );
}

function TaskList({ view, emptyText }: { view: TaskView; emptyText: string }) {
  const tasks = useInfiniteQuery(tasksQuery(view));
  return (
    <QueryResult query={tasks}>
      {(data) => (
        <>
          <TaskTable tasks={loadedItems(data)} emptyText={emptyText} />
          <LoadMore query={tasks} />
        </>
      )}
    </QueryResult>
  );
}
