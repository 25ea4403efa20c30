import { itemLabel, RECORD_KEY } from '../items';
import type { ProblemLine } from '../problems';

interface ProblemListProps {
  problems: ProblemLine[];
  testId?: string;
}

/** エラーコード, item and message per line; warnings (confirmable) are marked as such. */
export function ProblemList({ problems, testId }: ProblemListProps) {
  if (problems.length === 0) {
    return null;
  }
  return (
    <ul className="problem-list" data-testid={testId}>
      {problems.map((problem, index) => (
        // A record may carry the same code for two items, and the list never reorders.
        <li key={index} className={problem.warning ? 'problem problem-warning' : 'problem'}>
          {problem.code && (
            <span className={problem.warning ? 'badge badge-warning' : 'badge badge-error-code'}>{problem.code}</span>
          )}
          {problem.warning && <span className="problem-kind">警告</span>}
          {problem.item !== RECORD_KEY && <span className="problem-item">{itemLabel(problem.item)}:</span>}
          <span className="problem-message">{problem.message}</span>
        </li>
      ))}
    </ul>
  );
}
