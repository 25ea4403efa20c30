import { formatWarekiDate } from '../lib/date';
import { ELIGIBILITY_STATUS_LABELS, type EligibilityStatus, type VaccineEligibility } from '../lib/residents';
import { DataTable } from './DataTable';

export const BADGE_CLASSES: Record<EligibilityStatus, string> = {
  ELIGIBLE: 'badge badge-eligible',
  OVERDUE: 'badge badge-overdue',
  UPCOMING: 'badge badge-upcoming',
  COMPLETED: 'badge badge-ended',
  NOT_ELIGIBLE: 'badge badge-not-eligible',
};

const LEGEND: [EligibilityStatus, string][] = [
  ['ELIGIBLE', '本日、定期接種として接種できます'],
  ['OVERDUE', '定期接種の期間を過ぎ、未完了です'],
  ['UPCOMING', '年齢・接種間隔・時期により、まだ接種できません'],
  ['COMPLETED', '定期接種をすべて済ませています'],
  ['NOT_ELIGIBLE', '定期接種の対象ではありません'],
];

// What staff can act on comes first: a dose that may be given now or has been missed.
const GROUPS: Record<EligibilityStatus, number> = {
  OVERDUE: 0,
  ELIGIBLE: 0,
  UPCOMING: 1,
  COMPLETED: 2,
  NOT_ELIGIBLE: 2,
};

function byGroup(entries: VaccineEligibility[]): VaccineEligibility[] {
  // Array sort is stable, so the server's schedule order survives within a group.
  return [...entries].sort((a, b) => GROUPS[a.status] - GROUPS[b.status]);
}

function period(entry: VaccineEligibility): string {
  if (!entry.eligibleFrom && !entry.eligibleUntil) {
    return '—';
  }
  return `${formatWarekiDate(entry.eligibleFrom)} 〜 ${formatWarekiDate(entry.eligibleUntil)}`;
}

export function EligibilityTable({ eligibility }: { eligibility: VaccineEligibility[] }) {
  return (
    <section className="case-section" data-testid="eligibility">
      <h2>接種可能範囲</h2>
      <ul className="status-legend" aria-label="凡例" data-testid="eligibility-legend">
        {LEGEND.map(([status, meaning]) => (
          <li key={status}>
            <span className={BADGE_CLASSES[status]}>{ELIGIBILITY_STATUS_LABELS[status]}</span>
            {meaning}
          </li>
        ))}
      </ul>
      {eligibility.length === 0 ? (
        <p className="empty">判定対象のワクチンはありません。</p>
      ) : (
        <DataTable columns={['ワクチン', '状態', '次の接種', '接種期間', '理由']}>
          {byGroup(eligibility).map((entry) => (
            <tr key={entry.vaccineCode} data-testid="eligibility-row" data-status={entry.status}>
              <td>{entry.vaccineName}</td>
              <td>
                <span className={BADGE_CLASSES[entry.status]}>
                  {ELIGIBILITY_STATUS_LABELS[entry.status] ?? entry.status}
                </span>
              </td>
              <td>{entry.nextDose ?? '—'}</td>
              <td>{period(entry)}</td>
              <td>{entry.reason}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
