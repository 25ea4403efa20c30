import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { ErrorMessage, FieldError, Loading } from '../../../components/Message';
import { Pager } from '../../../components/Pager';
import { formatWarekiDateTime } from '../../../lib/date';
import { readTypedDates } from '../../../lib/wareki';
import { exportAuditEvents, OPERATION_LABELS, type AuditCriteria, searchAuditEventsQuery } from '../api';
import { CsvExportControl } from './CsvExportControl';
import { DataTable } from '../../../components/DataTable';

const EMPTY_CRITERIA: AuditCriteria = { username: '', addresseeNumber: '', operation: '', from: '', to: '' };

const FIELDS: { key: keyof AuditCriteria; label: string; type: 'text' | 'date' | 'operation' }[] = [
  { key: 'username', label: 'ユーザーID', type: 'text' },
  { key: 'addresseeNumber', label: '宛名番号', type: 'text' },
  { key: 'operation', label: '操作', type: 'operation' },
  { key: 'from', label: '期間（開始日）', type: 'date' },
  { key: 'to', label: '期間（終了日）', type: 'date' },
];

/** 操作記録の検索 (R10): user, 宛名番号, operation and period together, page by page, and the same as CSV (R12). */
/** @param canExport the user holds EXPORT (R12) */
export function AuditSearchPanel({ canExport }: { canExport: boolean }) {
  const [draft, setDraft] = useState<AuditCriteria>(EMPTY_CRITERIA);
  const [criteria, setCriteria] = useState<AuditCriteria>(EMPTY_CRITERIA);
  const [page, setPage] = useState(0);
  const [unreadable, setUnreadable] = useState<Record<string, string>>({});
  const events = useQuery(searchAuditEventsQuery(criteria, page));
  const fieldError = (key: keyof AuditCriteria) =>
    unreadable[key] ?? events.error?.fields[key] ?? events.error?.fields[`filter.${key}`];

  function search(event: FormEvent) {
    event.preventDefault();
    // The period is typed in 和暦 or 西暦 and searched by its ISO dates.
    const read = readTypedDates({ from: draft.from, to: draft.to });
    if (!read.ok) {
      setUnreadable(read.unreadable);
      return;
    }
    setUnreadable({});
    setCriteria({ ...draft, from: read.dates.from ?? '', to: read.dates.to ?? '' });
    setPage(0);
  }

  return (
    <section aria-labelledby="audit-events-title">
      <h2 id="audit-events-title">操作記録の検索</h2>
      <form className="search-form" onSubmit={search} role="search">
        {FIELDS.map((field) =>
          field.type === 'date' ? (
            <JapaneseDateField
              key={field.key}
              id={`audit-${field.key}`}
              label={field.label}
              value={draft[field.key]}
              error={fieldError(field.key)}
              onChange={(value) => setDraft({ ...draft, [field.key]: value })}
            />
          ) : (
            <div className="field" key={field.key}>
              <label htmlFor={`audit-${field.key}`}>{field.label}</label>
              {field.type === 'operation' ? (
                <select
                  id={`audit-${field.key}`}
                  value={draft[field.key]}
                  onChange={(event) => setDraft({ ...draft, [field.key]: event.target.value })}
                >
                  <option value="">すべて</option>
                  {Object.entries(OPERATION_LABELS).map(([code, label]) => (
                    <option key={code} value={code}>
                      {label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`audit-${field.key}`}
                  type="text"
                  inputMode={field.key === 'addresseeNumber' ? 'numeric' : undefined}
                  maxLength={field.key === 'addresseeNumber' ? 10 : undefined}
                  value={draft[field.key]}
                  aria-describedby={fieldError(field.key) ? `audit-${field.key}-error` : undefined}
                  onChange={(event) => setDraft({ ...draft, [field.key]: event.target.value })}
                />
              )}
              <FieldError id={`audit-${field.key}-error`} message={fieldError(field.key)} />
            </div>
          ),
        )}
        <button type="submit" className="primary" data-testid="audit-search-button">
          検索
        </button>
      </form>
      {events.isPending && <Loading />}
      {events.error && <ErrorMessage>{events.error.message}</ErrorMessage>}
      {!events.isFetching && events.data && (
        <>
          {events.data.total === 0 ? (
            <p className="empty">該当する記録はありません。</p>
          ) : (
            <>
              <CsvExportControl
                id="audit-events"
                permitted={canExport}
                onExport={(encoding) => exportAuditEvents(criteria, encoding)}
              />
              <DataTable
                columns={['記録ID', '日時', 'ユーザーID', '操作', '宛名番号', '端末アドレス', '詳細']}
                testId="audit-events"
              >
                {events.data.items.map((item) => (
                  <tr key={item.id}>
                    <td>{item.id}</td>
                    <td>{formatWarekiDateTime(item.occurredAt)}</td>
                    <td>{item.username}</td>
                    <td>{OPERATION_LABELS[item.operation] ?? item.operation}</td>
                    <td>{item.addresseeNumber ?? (item.residentId === null ? '—' : `住民ID ${item.residentId}`)}</td>
                    <td>{item.clientAddress ?? '—'}</td>
                    <td className="detail-cell">{item.detail ?? ''}</td>
                  </tr>
                ))}
              </DataTable>
              <Pager page={page} size={events.data.size} total={events.data.total} onPage={setPage} />
            </>
          )}
        </>
      )}
    </section>
  );
}
