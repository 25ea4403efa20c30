/** Label and value pairs of one part of an application, as the case pages show them. */
export function Facts({ rows, testId }: { rows: [string, string][]; testId?: string }) {
  return (
    <dl className="detail-list" data-testid={testId}>
      {rows.map(([label, value]) => (
        <div key={label} className="context-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
