import { Link, useNavigate } from 'react-router-dom';
import { formatWarekiDateTime } from '../../../lib/date';
import type { ResidentTask } from '../api';

export function OpenTaskTable({ tasks }: { tasks: ResidentTask[] }) {
  const navigate = useNavigate();
  return (
    <section className="case-section" data-testid="open-tasks">
      <h2>この住民に関する処理中のタスク</h2>
      {tasks.length === 0 ? (
        <p className="empty">処理中のタスクはありません。</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">業務</th>
              <th scope="col">手順</th>
              <th scope="col">案件</th>
              <th scope="col">担当者</th>
              <th scope="col">作成日時</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr
                key={task.taskId}
                className="clickable"
                data-testid="open-task-row"
                onClick={() => navigate(`/tasks/${task.taskId}`)}
              >
                <td>{task.processName}</td>
                <td>
                  {/* The link keeps the row reachable by keyboard and screen readers. */}
                  <Link to={`/tasks/${task.taskId}`} onClick={(event) => event.stopPropagation()}>
                    {task.name}
                  </Link>
                </td>
                <td>{task.caseLabel}</td>
                <td>{task.assigneeName ?? '未割当'}</td>
                <td>{formatWarekiDateTime(task.created)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
