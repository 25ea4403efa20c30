import { useId } from 'react';
import { Link } from 'react-router-dom';
import type { CaseContext } from '../lib/tasks';

export function CaseContextPanel({ context }: { context: CaseContext }) {
  // The approval queue shows one panel per card, so the heading id must be unique per panel.
  const titleId = useId();
  return (
    <section className="case-context" aria-labelledby={titleId}>
      <h2 id={titleId}>{context.title}</h2>
      {context.sections.map((section, sectionIndex) => (
        // Headings and labels come from process data and need not be unique.
        <section key={sectionIndex} className="context-section">
          <h3>{section.heading}</h3>
          <dl>
            {section.rows.map((row, rowIndex) => (
              <div key={rowIndex} className="context-row">
                <dt>{row.label}</dt>
                <dd>{row.link ? <Link to={row.link}>{row.value}</Link> : row.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}
