import { Link, useNavigate } from 'react-router-dom';
import { formatWarekiDateTime } from '../lib/date';
import type { Absence, DueState } from '../lib/tasks';
import { DataTable } from './DataTable';

/** What a task list shows of a task; the inbox and the resident's case page list the same way. */
export interface TaskRow {
  id: string;
  name: string;
  processName: string;
  caseLabel: string;
  residentName?: string | null;
  assigneeName: string | null;
  assigneeAway?: Absence | null;
  created: string;
  due: string | null;
  dueState?: DueState | null;
}

/** Rows the user can tick for bulk work; `active` is the row the keyboard (j/k) is on. */
export interface TaskSelection {
  selected: ReadonlySet<string>;
  onToggle: (taskId: string) => void;
  active: number;
}

interface TaskTableProps {
  tasks: TaskRow[];
  emptyText: string;
  rowTestId?: string;
  selection?: TaskSelection;
}

const DUE_MARKS: Record<DueState, string> = { OVERDUE: '期限超過', DUE_SOON: '期限間近' };

export function TaskTable({ tasks, emptyText, rowTestId = 'task-row', selection }: TaskTableProps) {
  const navigate = useNavigate();
  if (tasks.length === 0) {
    return <p className="empty">{emptyText}</p>;
  }
  const columns = ['業務', '手順', '案件', '担当者', '作成日時', '期限'];
  return (
    <div className="table-scroll">
      <DataTable columns={selection ? ['選択', ...columns] : columns}>
        {tasks.map((task, index) => (
          <tr
            key={task.id}
            className={selection?.active === index ? 'clickable active-row' : 'clickable'}
            data-testid={rowTestId}
            data-task-id={task.id}
            aria-current={selection?.active === index ? 'true' : undefined}
            onClick={() => navigate(`/tasks/${task.id}`)}
          >
            {selection && (
              <td onClick={(event) => event.stopPropagation()}>
                <input
                  type="checkbox"
                  aria-label={`${task.name}（${task.caseLabel}）を選択`}
                  data-testid="task-select"
                  checked={selection.selected.has(task.id)}
                  onChange={() => selection.onToggle(task.id)}
                />
              </td>
            )}
            <td>{task.processName}</td>
            <td>
              {/* The link keeps the row reachable by keyboard and screen readers. */}
              <Link to={`/tasks/${task.id}`} onClick={(event) => event.stopPropagation()} data-testid="task-link">
                {task.name}
              </Link>
            </td>
            <td>
              {task.caseLabel}
              {task.residentName && <span className="resident-name"> {task.residentName}</span>}
            </td>
            <td>
              {task.assigneeName ?? '未割当'}
              {task.assigneeAway && (
                <span className="badge badge-away" data-testid="assignee-away">
                  不在{task.assigneeAway.standInName ? `（代理: ${task.assigneeAway.standInName}）` : ''}
                </span>
              )}
            </td>
            <td>{formatWarekiDateTime(task.created)}</td>
            <td>
              {task.due ? formatWarekiDateTime(task.due) : '—'}
              {task.dueState && (
                <span
                  className={task.dueState === 'OVERDUE' ? 'badge badge-overdue' : 'badge badge-due-soon'}
                  data-testid="due-mark"
                >
                  {DUE_MARKS[task.dueState]}
                </span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
