import { TaskTable, type TaskRow } from '../../../components/TaskTable';

export function OpenTaskTable({ tasks }: { tasks: TaskRow[] }) {
  return (
    <section className="case-section" data-testid="open-tasks">
      <h2>この住民に関する処理中のタスク</h2>
      <TaskTable tasks={tasks} emptyText="処理中のタスクはありません。" rowTestId="open-task-row" />
    </section>
  );
}
