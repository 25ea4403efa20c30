import { Link, useNavigate } from 'react-router-dom';
import { formatWarekiDateTime } from '../lib/date';
import { DataTable } from './DataTable';

/** What a task list shows of a task; the inbox and the resident's case page list the same way. */
export interface TaskRow {
  id: string;
  name: string;
  processName: string;
  caseLabel: string;
  assigneeName: string | null;
  created: string;
  due: string | null;
}

interface TaskTableProps {
  tasks: TaskRow[];
  emptyText: string;
  rowTestId?: string;
}

export function TaskTable({ tasks, emptyText, rowTestId = 'task-row' }: TaskTableProps) {
  const navigate = useNavigate();
  if (tasks.length === 0) {
    return <p className="empty">{emptyText}</p>;
  }
  return (
    <DataTable columns={['業務', '手順', '案件', '担当者', '作成日時', '期限']}>
      {tasks.map((task) => (
        <tr
          key={task.id}
          className="clickable"
          data-testid={rowTestId}
          data-task-id={task.id}
          onClick={() => navigate(`/tasks/${task.id}`)}
        >
          <td>{task.processName}</td>
          <td>
            {/* The link keeps the row reachable by keyboard and screen readers. */}
            <Link to={`/tasks/${task.id}`} onClick={(event) => event.stopPropagation()}>
              {task.name}
            </Link>
          </td>
          <td>{task.caseLabel}</td>
          <td>{task.assigneeName ?? '未割当'}</td>
          <td>{formatWarekiDateTime(task.created)}</td>
          <td>{task.due ? formatWarekiDateTime(task.due) : '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
