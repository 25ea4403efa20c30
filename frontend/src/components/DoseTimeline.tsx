import { Link, useLocation } from 'react-router-dom';
import { formatWarekiDate } from '../lib/date';
import { DOSE_SOURCE_LABELS, doseErrorText, type DoseRecord } from '../lib/residents';

/** The resident's doses, oldest first, each with where it came from and a way to correct it (職権修正). */
export function DoseTimeline({ doses }: { doses: DoseRecord[] }) {
  // The correction page leads back here.
  const location = useLocation();
  return (
    <section className="case-section" data-testid="dose-timeline">
      <h2>接種履歴</h2>
      {doses.length === 0 ? (
        <p className="empty">接種記録はありません。</p>
      ) : (
        <ol className="dose-timeline">
          {doses.map((dose) => (
            <li key={dose.id} data-testid="dose-entry" data-dose-id={dose.id}>
              <time dateTime={dose.doseDate} className="dose-date">
                {formatWarekiDate(dose.doseDate)}
              </time>
              <span className="dose-vaccine">{dose.vaccine}</span>
              <span className="dose-category">{dose.doseCategory}</span>
              {(dose.institutionName ?? dose.institutionId) && (
                <span className="dose-institution">{dose.institutionName ?? dose.institutionId}</span>
              )}
              {dose.lotNumber && <span className="dose-lot">ロット番号 {dose.lotNumber}</span>}
              <span className="dose-source">{DOSE_SOURCE_LABELS[dose.source] ?? dose.source}</span>
              {dose.errorCode && (
                <span className="dose-error" data-testid="dose-error">
                  <span className="badge badge-error-code">{dose.errorCode}</span>
                  {dose.errorMessage && <span className="dose-error-message">{doseErrorText(dose)}</span>}
                </span>
              )}
              {dose.corrections > 0 && (
                <span className="dose-corrections" data-testid="dose-corrections">
                  修正あり（{dose.corrections}件）
                </span>
              )}
              <Link
                to={`/doses/${dose.id}/correct`}
                state={{ from: location.pathname }}
                className="dose-correct-link"
                data-testid="dose-correct-link"
                aria-label={`修正（職権）: ${formatWarekiDate(dose.doseDate)} ${dose.vaccine} ${dose.doseCategory}`}
              >
                修正（職権）
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
