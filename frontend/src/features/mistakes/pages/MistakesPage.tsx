import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ListPage } from '../../../components/ListPage';
import { useMe } from '../../../lib/auth/AuthProvider';
import { canApprove, hasPermission } from '../../../lib/auth/roles';
import { formatWarekiDate, officeToday } from '../../../lib/date';
import { flaggedDosesQuery } from '../api';
import { AnnualReportExport } from '../components/AnnualReportExport';
import { DismissFlagForm } from '../components/DismissFlagForm';

const ERA_YEAR = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric' });

/** 年度 named in the era of its December 31, as the state names them (令和元年度 for 2019). */
function fiscalYearLabel(year: number): string {
  return `${ERA_YEAR.format(new Date(year, 11, 31)).replace(/^(\D+)1年$/, '$1元年')}度`;
}

function currentFiscalYear(): number {
  const [year, month] = officeToday().split('-').map(Number);
  return month >= 4 ? year : year - 1;
}

/** 予防接種の間違い: doses registered outside the routine rules, and what was done about each. */
export function MistakesPage() {
  const me = useMe();
  const thisYear = currentFiscalYear();
  const [fiscalYear, setFiscalYear] = useState(thisYear);
  const rows = useQuery({ ...flaggedDosesQuery(fiscalYear), select: (listing) => listing.rows });

  return (
    <ListPage
      title="予防接種の間違い"
      query={rows}
      refreshTestId="mistakes-refresh"
      intro={
        <p>
          接種記録の登録で、接種間隔が足りない（E032）または定期接種の対象にならない（E034）と確認のうえ登録した接種です。
          間違いであれば報告を作成し、被接種者への説明と医療機関への連絡を記録して、上長の承認後に都道府県へ報告します。
          登録の誤りなど間違いでないものは、上長が理由を記録します。
        </p>
      }
      filters={
        <>
          <div className="inline-inputs">
            <label htmlFor="mistakes-fiscal-year">年度（接種日）</label>
            <select
              id="mistakes-fiscal-year"
              value={fiscalYear}
              onChange={(event) => setFiscalYear(Number(event.target.value))}
            >
              {[0, 1, 2, 3, 4].map((back) => (
                <option key={back} value={thisYear - back}>
                  {fiscalYearLabel(thisYear - back)}
                </option>
              ))}
            </select>
          </div>
          {hasPermission(me, 'EXPORT') && (
            <AnnualReportExport fiscalYear={fiscalYear} label={fiscalYearLabel(fiscalYear)} />
          )}
        </>
      }
      empty="この年度に確認が必要な接種はありません。"
      emptyTestId="mistakes-empty"
      columns={['接種日', '被接種者', 'ワクチン', '登録時の確認', '状況', '操作']}
      tableTestId="mistakes-table"
      row={(dose) => (
        <tr key={dose.doseRecordId} data-testid="mistake-row">
          <td>{formatWarekiDate(dose.doseDate)}</td>
          <td>
            {dose.resident ? (
              <Link to={`/residents/${dose.resident.id}`}>
                {dose.resident.name}（{dose.resident.addresseeNumber}）
              </Link>
            ) : (
              '—'
            )}
          </td>
          <td>
            {dose.vaccine} {dose.category}
          </td>
          <td className="wrap">{dose.ruleBroken ?? '—'}</td>
          <td>
            <span className="badge" data-testid={`mistake-state-${dose.doseRecordId}`}>
              {dose.stateLabel}
            </span>
            {dose.dismissalReason && (
              <div className="hint">
                {dose.dismissalReason}（{dose.dismissedBy}）
              </div>
            )}
          </td>
          <td>
            {dose.reportId !== null && <Link to={`/mistakes/${dose.reportId}`}>報告 #{dose.reportId}</Link>}
            {dose.state === 'OPEN' && (
              <div className="actions">
                <Link
                  to={`/processes?start=WrongVaccinationReport&doseRecordId=${dose.doseRecordId}`}
                  data-testid={`report-${dose.doseRecordId}`}
                >
                  報告を作成
                </Link>
                {canApprove(me) && <DismissFlagForm doseRecordId={dose.doseRecordId} />}
              </div>
            )}
          </td>
        </tr>
      )}
    />
  );
}
