import { formatWarekiDate } from '../../../lib/date';
import type { DoseRecord } from '../api';

export function DoseTimeline({ doses }: { doses: DoseRecord[] }) {
  return (
    <section className="case-section" data-testid="dose-timeline">
      <h2>接種履歴</h2>
      {doses.length === 0 ? (
        <p className="empty">接種記録はありません。</p>
      ) : (
        <ol className="dose-timeline">
          {doses.map((dose, index) => (
            // The case answer carries no dose ids and one vaccine may be recorded twice on a day; the list never reorders.
            <li key={index} data-testid="dose-entry">
              <time dateTime={dose.doseDate} className="dose-date">
                {formatWarekiDate(dose.doseDate)}
              </time>
              <span className="dose-vaccine">{dose.vaccine}</span>
              <span className="dose-category">{dose.doseCategory}</span>
              {dose.lotNumber && <span className="dose-lot">ロット番号 {dose.lotNumber}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
