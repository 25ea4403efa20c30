import { useQuery } from '@tanstack/react-query';
import { OPERATION_LABELS } from '../../../lib/auditOperations';
import type { DoseRecord, VaccineEligibility } from '../../../lib/residents';
import { DoseTimeline } from '../../../components/DoseTimeline';
import { EligibilityTable } from '../../../components/EligibilityTable';
import { ErrorMessage, Loading } from '../../../components/Message';
import { formatWarekiDate, formatWarekiDateTime } from '../../../lib/date';
import { disclosurePackageQuery } from '../api';
import { DataTable } from '../../../components/DataTable';

function cell(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  return typeof value === 'object' ? '' : String(value);
}

/** The collected data as stored on the request: the resident's records and who accessed them (no 個人番号). */
export function PackageView({ requestId }: { requestId: number }) {
  const content = useQuery(disclosurePackageQuery(requestId));
  if (content.isPending) {
    return <Loading />;
  }
  if (content.error || !content.data) {
    return <ErrorMessage>{content.error?.message}</ErrorMessage>;
  }
  const data = content.data;
  return (
    <div data-testid="disclosure-package">
      <p>{formatWarekiDateTime(data.collectedAt)} 時点の記録です。</p>
      <dl className="detail-list">
        <div className="context-row">
          <dt>宛名</dt>
          <dd>
            {data.resident.name}（{data.resident.nameKana}、宛名番号 {data.resident.addresseeNumber}、
            {formatWarekiDate(data.resident.birthDate)}生、{data.resident.sex}）
          </dd>
        </div>
      </dl>
      {Object.entries(data.sections).map(([name, records]) => {
        // The sections the case page knows are shown as there; one added later as a plain table.
        if (name === 'doses') {
          return <DoseTimeline key={name} doses={records as unknown as DoseRecord[]} />;
        }
        if (name === 'eligibility') {
          return <EligibilityTable key={name} eligibility={records as unknown as VaccineEligibility[]} />;
        }
        const columns = [...new Set(records.flatMap((record) => Object.keys(record)))].filter((key) =>
          records.some((record) => record[key] !== null && typeof record[key] !== 'object'),
        );
        return (
          <section key={name} className="case-section">
            <h2>{name}</h2>
            {records.length === 0 ? (
              <p className="empty">記録はありません。</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    {columns.map((column) => (
                      <th key={column} scope="col">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {records.map((record, index) => (
                    <tr key={index}>
                      {columns.map((column) => (
                        <td key={column}>{cell(record[column])}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
      <section className="case-section">
        <h2>この記録を利用した職員と日時{data.accessesComplete ? '' : '（直近の分のみ）'}</h2>
        <DataTable columns={['日時', '職員', '操作']} testId="disclosure-package-accesses">
          {data.accesses.map((access, index) => (
            <tr key={index}>
              <td>{formatWarekiDateTime(access.occurredAt)}</td>
              <td>{access.user}</td>
              <td>{OPERATION_LABELS[access.operation] ?? access.operation}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
