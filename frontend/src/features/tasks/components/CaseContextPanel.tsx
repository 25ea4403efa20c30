import type { CaseContext } from '../api';

export function CaseContextPanel({ context }: { context: CaseContext }) {
  return (
    <section className="case-context" aria-labelledby="case-context-title">
      <h2 id="case-context-title">{context.title}</h2>
      {context.sections.map((section, sectionIndex) => (
        // Headings and labels come from process data and need not be unique.
        <section key={sectionIndex} className="context-section">
          <h3>{section.heading}</h3>
          <dl>
            {section.rows.map((row, rowIndex) => (
              <div key={rowIndex} className="context-row">
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}
