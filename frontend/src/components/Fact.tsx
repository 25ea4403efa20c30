import type { ReactNode } from 'react';

/** One label and value pair of a case page, inside a FactList (or another `<dl>`). */
export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="context-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface FactListProps {
  /** Label and value pairs; labels are unique within one list. */
  rows?: [string, ReactNode][];
  testId?: string;
  className?: string;
  /** Pairs that need more than a plain value (a badge, a link), after the rows. */
  children?: ReactNode;
}

/** The label and value pairs of one part of a case, as every case page shows them. */
export function FactList({ rows = [], testId, className, children }: FactListProps) {
  return (
    <dl className={className ? `detail-list ${className}` : 'detail-list'} data-testid={testId}>
      {rows.map(([label, value]) => (
        <Fact key={label} label={label}>
          {value}
        </Fact>
      ))}
      {children}
    </dl>
  );
}
