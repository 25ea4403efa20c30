import { Link } from 'react-router-dom';
import { formatWarekiDate, formatWarekiDateTime } from '../../../lib/date';
import { ELIGIBILITY_STATUS_LABELS, SEX_LABELS, STATUS_LABELS } from '../../../lib/residents';
import { BADGE_CLASSES } from '../../../components/EligibilityTable';
import type { CohortRow } from '../api';

/** 1歳未満は月齢、それ以上は満年齢（2歳未満は月も）: the way staff talk about infants. */
export function ageLabel(row: CohortRow): string {
  if (row.ageYears < 1) {
    return `${row.ageMonths}か月`;
  }
  return row.ageYears < 2 ? `${row.ageYears}歳${row.ageMonths - row.ageYears * 12}か月` : `${row.ageYears}歳`;
}

export function CohortTable({ rows, withVaccine }: { rows: CohortRow[]; withVaccine: boolean }) {
  return (
    <table className="data-table" data-testid="cohort-table">
      <thead>
        <tr>
          <th scope="col">宛名番号</th>
          <th scope="col">氏名</th>
          <th scope="col">カナ</th>
          <th scope="col">生年月日</th>
          <th scope="col">年齢</th>
          <th scope="col">性別</th>
          <th scope="col">地区</th>
          <th scope="col">住所</th>
          <th scope="col">区分</th>
          {withVaccine && (
            <>
              <th scope="col">接種状況</th>
              <th scope="col">次の接種区分</th>
              <th scope="col">接種期限</th>
              <th scope="col">予診票発行</th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="cohort-row">
            <td>{row.addresseeNumber}</td>
            <td>
              <Link to={`/residents/${row.id}`}>{row.nameKanji}</Link>
            </td>
            <td>{row.nameKana}</td>
            <td>{formatWarekiDate(row.birthDate)}</td>
            <td>{ageLabel(row)}</td>
            <td>{SEX_LABELS[row.sex] ?? row.sex}</td>
            <td>{row.district ?? '—'}</td>
            <td>{row.address}</td>
            <td>{STATUS_LABELS[row.residentStatus] ?? row.residentStatus}</td>
            {withVaccine && (
              <>
                <td>
                  {row.eligibility && (
                    <span className={BADGE_CLASSES[row.eligibility.status]} title={row.eligibility.reason}>
                      {ELIGIBILITY_STATUS_LABELS[row.eligibility.status]}
                    </span>
                  )}
                </td>
                <td>{row.eligibility?.nextDose ?? '—'}</td>
                <td>{formatWarekiDate(row.eligibility?.eligibleUntil)}</td>
                <td>{row.questionnaireIssuedAt ? formatWarekiDateTime(row.questionnaireIssuedAt) : '未発行'}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
