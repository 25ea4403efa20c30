import { useState, type FormEvent } from 'react';
import { AddresseeNumberField } from '../../../components/AddresseeNumberField';
import { ErrorMessage } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
import { formatWarekiDate, formatWarekiDateTime } from '../../../lib/date';
import { OPERATION_LABELS, residentAccessLog, type ResidentAccessLog } from '../api';
import { DataTable } from '../../../components/DataTable';

/** 住民ごとのアクセス履歴: who viewed or changed one resident's data (R10); the lookup itself is audited. */
export function ResidentAccessPanel() {
  const [addresseeNumber, setAddresseeNumber] = useState('');
  // A lookup changes nothing but the audit log, which no query on screen shows.
  const { run, result: log, error, fields, busy } = useAction<ResidentAccessLog>({ invalidates: [] });

  async function lookUp(event: FormEvent) {
    event.preventDefault();
    await run(() => residentAccessLog(addresseeNumber));
  }

  return (
    <section aria-labelledby="resident-access-title" data-testid="resident-access-panel">
      <h2 id="resident-access-title">住民ごとのアクセス履歴</h2>
      <form className="search-form" onSubmit={lookUp}>
        <AddresseeNumberField
          id="resident-access"
          value={addresseeNumber}
          error={fields.addresseeNumber}
          onChange={setAddresseeNumber}
        />
        <button type="submit" className="primary" disabled={busy} data-testid="resident-access-button">
          表示
        </button>
      </form>
      {error && !fields.addresseeNumber && <ErrorMessage>{error}</ErrorMessage>}
      {log && (
        <>
          <p data-testid="resident-access-subject">
            {log.resident.nameKanji}（{log.resident.nameKana}）・{formatWarekiDate(log.resident.birthDate)}生・宛名番号{' '}
            {log.resident.addresseeNumber}
          </p>
          <DataTable columns={['日時', 'ユーザーID', '操作', '詳細']} testId="resident-access-log">
            {log.accesses.map((access) => (
              <tr key={access.id}>
                <td>{formatWarekiDateTime(access.occurredAt)}</td>
                <td>{access.username}</td>
                <td>{OPERATION_LABELS[access.operation] ?? access.operation}</td>
                <td className="detail-cell">{access.detail ?? ''}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
