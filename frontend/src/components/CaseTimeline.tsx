import { formatWarekiDateTime } from '../lib/date';

export interface TimelineEntry {
  at: string;
  description: string;
  actor: string;
}

/** 経過: every step of a case with its time and who did it, oldest first. */
export function CaseTimeline({ id, entries }: { id: string; entries: TimelineEntry[] }) {
  return (
    <section className="case-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>経過</h2>
      <ol className="timeline" data-testid={id}>
        {entries.map((entry, index) => (
          <li key={index}>
            <time dateTime={entry.at}>{formatWarekiDateTime(entry.at)}</time>　{entry.description}（{entry.actor}）
          </li>
        ))}
      </ol>
    </section>
  );
}
