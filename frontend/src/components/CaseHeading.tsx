import type { ReactNode } from 'react';
import { RefreshButton } from './RefreshButton';

interface CaseHeadingProps {
  /** The case's name and number. */
  title: ReactNode;
  /** The case's present status, as a badge after the title. */
  status: ReactNode;
  statusTestId?: string;
  /** The case's query; the refresh button fetches it again. */
  query: { refetch: () => Promise<unknown>; isFetching: boolean };
}

/** The top of a case page: what the case is, where it stands, and the button that fetches its present state. */
export function CaseHeading({ title, status, statusTestId, query }: CaseHeadingProps) {
  return (
    <div className="page-heading">
      <h1>
        {title}{' '}
        <span className="badge" data-testid={statusTestId}>
          {status}
        </span>
      </h1>
      <RefreshButton query={query} />
    </div>
  );
}
