import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { LoadMore } from '../../../components/LoadMore';
import { Notice } from '../../../components/Message';
import { QueryResult } from '../../../components/QueryResult';
import { TaskTable } from '../../../components/TaskTable';
import { useMe } from '../../../lib/auth/AuthProvider';
import { canApprove } from '../../../lib/auth/roles';
import { loadedItems } from '../../../lib/paging';
import { useAction } from '../../../lib/useAction';
import {
  bulkTasks,
  claimTask,
  CRITERIA_KEYS,
  taskKeys,
  tasksQuery,
  type BulkOutcome,
  type TaskCriteria,
  type TaskSummary,
  type TaskView,
} from '../api';
import { BulkResults } from '../components/BulkResults';
import { SavedFilterBar } from '../components/SavedFilterBar';
import { TaskFilters } from '../components/TaskFilters';

const TABS: { view: TaskView; label: string; empty: string }[] = [
  { view: 'mine', label: '自分のタスク', empty: '担当しているタスクはありません。' },
  { view: 'group', label: 'グループのタスク', empty: 'グループに未割当のタスクはありません。' },
  { view: 'all', label: 'すべて', empty: '条件に合うタスクはありません。' },
  { view: 'completed', label: '完了したタスク（90日）', empty: 'この90日に完了したタスクはありません。' },
];

interface InboxLocationState {
  notice?: string;
}

/** The criteria the URL holds (never a resident: a name searched for stays out of the address bar). */
function criteriaOf(params: URLSearchParams): TaskCriteria {
  const criteria: Record<string, string> = {};
  for (const key of CRITERIA_KEYS) {
    const value = params.get(key);
    if (value && key !== 'resident') {
      criteria[key] = value;
    }
  }
  const view = TABS.some((tab) => tab.view === criteria.view) ? (criteria.view as TaskView) : 'mine';
  return { ...criteria, view } as TaskCriteria;
}

export function InboxPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const me = useMe();
  const [resident, setResident] = useState('');
  const urlCriteria = criteriaOf(searchParams);
  const criteria: TaskCriteria = resident ? { ...urlCriteria, resident } : urlCriteria;
  // The counts come with the list's first page (the same query as the list's own, so one request); the counts of the
  // criteria before stay shown while the page of new ones loads.
  const counts = useInfiniteQuery({ ...tasksQuery(criteria), placeholderData: keepPreviousData }).data?.pages[0]
    ?.counts;
  const notice = (location.state as InboxLocationState | null)?.notice;
  const groups = me.roles.includes('SUPERVISOR') ? ['staff', 'supervisor'] : ['staff'];

  function apply(next: TaskCriteria | Record<string, string>) {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(next)) {
      if (value && key !== 'resident') {
        params[key] = String(value);
      }
    }
    setResident('resident' in next && next.resident ? String(next.resident) : '');
    setSearchParams(params);
  }

  return (
    <section>
      <div className="page-heading">
        <h1 tabIndex={-1}>タスク一覧</h1>
        <button type="button" onClick={() => void queryClient.invalidateQueries({ queryKey: taskKeys.all })}>
          最新の状態に更新
        </button>
      </div>
      {notice && <Notice testId="inbox-notice">{notice}</Notice>}
      {counts && (counts.overdue > 0 || counts.dueSoon > 0) && (
        <p className="due-summary" data-testid="due-summary">
          <button type="button" className="link-button" onClick={() => apply({ view: 'all', due: 'overdue' })}>
            期限超過 {counts.overdue}件
          </button>
          <button type="button" className="link-button" onClick={() => apply({ view: 'all', due: 'soon' })}>
            期限間近 {counts.dueSoon}件
          </button>
        </p>
      )}
      <details className="filter-panel" open={Object.keys(urlCriteria).length > 1 || resident !== ''}>
        <summary>絞り込みと並べ替え</summary>
        <TaskFilters
          key={JSON.stringify(criteria)}
          criteria={criteria}
          groups={groups}
          onApply={(next) => apply({ ...next, view: criteria.view })}
        />
        <SavedFilterBar criteria={criteria} canShare={canApprove(me)} onApply={apply} />
      </details>
      <div className="tabs" role="tablist" aria-label="タスクの種類">
        {TABS.map((tab) => (
          <button
            key={tab.view}
            type="button"
            role="tab"
            id={`tab-${tab.view}`}
            aria-selected={criteria.view === tab.view}
            aria-controls="task-panel"
            data-testid={`tab-${tab.view}`}
            className={criteria.view === tab.view ? 'tab active' : 'tab'}
            onClick={() => apply({ ...criteria, view: tab.view })}
          >
            {tab.label}
            {(tab.view === 'mine' || tab.view === 'group') && (
              <span className="count" data-testid={`count-${tab.view}`}>
                {counts ? counts[tab.view] : '…'}
              </span>
            )}
          </button>
        ))}
      </div>
      <div id="task-panel" role="tabpanel" aria-labelledby={`tab-${criteria.view}`}>
        <TaskList
          key={JSON.stringify(criteria)}
          criteria={criteria}
          emptyText={TABS.find((tab) => tab.view === criteria.view)!.empty}
        />
      </div>
      <p className="hint keyboard-hint">キーボード: j / k で移動、Enter で開く、c で担当する</p>
    </section>
  );
}

function TaskList({ criteria, emptyText }: { criteria: TaskCriteria; emptyText: string }) {
  const tasks = useInfiniteQuery(tasksQuery(criteria));
  const items = loadedItems(tasks.data);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [active, setActive] = useState(-1);
  const navigate = useNavigate();
  const bulk = useAction<BulkOutcome[]>();
  const claim = useAction<TaskSummary>();
  const selectable = criteria.view !== 'completed';

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        target?.closest('input, textarea, select, [contenteditable]')
      ) {
        return;
      }
      if (event.key === 'j') {
        setActive((current) => Math.min(current + 1, items.length - 1));
      } else if (event.key === 'k') {
        setActive((current) => Math.max(current - 1, 0));
      } else if (
        event.key === 'Enter' &&
        active >= 0 &&
        items[active] &&
        target?.tagName !== 'BUTTON' &&
        target?.tagName !== 'A'
      ) {
        navigate(`/tasks/${items[active].id}`);
      } else if (event.key === 'c' && active >= 0 && items[active] && items[active].assignee === null) {
        void claim.run(() => claimTask(items[active].id), `「${items[active].name}」を担当しました。`);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, active, navigate, claim]);

  function toggle(taskId: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(taskId)) {
        next.delete(taskId);
      } else {
        next.add(taskId);
      }
      return next;
    });
  }

  async function runBulk(action: 'claim' | 'release') {
    if (await bulk.run(() => bulkTasks(action, [...selected]))) {
      setSelected(new Set());
    }
  }

  const nameOf = (taskId: string) => {
    const task = items.find((item) => item.id === taskId);
    return task ? `${task.name}（${task.caseLabel}）` : taskId;
  };

  return (
    <QueryResult query={tasks}>
      {() => (
        <>
          {selectable && items.length > 0 && (
            <div className="bulk-bar" data-testid="bulk-bar">
              <span>{selected.size}件を選択中</span>
              <button type="button" disabled={selected.size === 0 || bulk.busy} onClick={() => void runBulk('claim')}>
                選択したタスクを担当する
              </button>
              <button type="button" disabled={selected.size === 0 || bulk.busy} onClick={() => void runBulk('release')}>
                選択したタスクの担当を外す
              </button>
            </div>
          )}
          {bulk.result && <BulkResults outcomes={bulk.result} nameOf={nameOf} />}
          {bulk.error && <p className="message message-error">{bulk.error}</p>}
          {claim.message && <Notice>{claim.message}</Notice>}
          {claim.error && <p className="message message-error">{claim.error}</p>}
          <TaskTable
            tasks={items}
            emptyText={emptyText}
            selection={selectable ? { selected, onToggle: toggle, active } : undefined}
          />
          <LoadMore query={tasks} />
        </>
      )}
    </QueryResult>
  );
}
