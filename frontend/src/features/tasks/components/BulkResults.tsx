import type { BulkOutcome } from '../api';

/** Each item's outcome of a bulk action: done, or the server's reason in its own words. */
export function BulkResults({ outcomes, nameOf }: { outcomes: BulkOutcome[]; nameOf: (taskId: string) => string }) {
  const done = outcomes.filter((outcome) => outcome.done).length;
  return (
    <div className="bulk-results" role="status" data-testid="bulk-results">
      <p>
        {outcomes.length}件中 {done}件を処理しました。
      </p>
      <ul>
        {outcomes.map((outcome) => (
          <li key={outcome.taskId} className={outcome.done ? 'bulk-done' : 'bulk-refused'} data-testid="bulk-outcome">
            {nameOf(outcome.taskId)}: {outcome.done ? '完了' : outcome.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
