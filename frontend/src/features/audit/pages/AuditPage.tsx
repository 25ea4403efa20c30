import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../../components/Message';
import { Pager } from '../../../components/Pager';
import { formatWarekiDateTime } from '../../../lib/date';
import { useAsync } from '../../../lib/useAsync';
import { OPERATION_LABELS, searchAuditEvents, type AuditCriteria } from '../api';
import { AccountReviewPanel } from '../components/AccountReviewPanel';
import { ResidentAccessPanel } from '../components/ResidentAccessPanel';
import { VerifyPanel } from '../components/VerifyPanel';

const EMPTY_CRITERIA: AuditCriteria = { username: '', residentId: '', operation: '', from: '', to: '' };

const FIELDS: { key: keyof AuditCriteria; label: string; type: 'text' | 'date' | 'operation' }[] = [
  { key: 'username', label: 'ユーザーID', type: 'text' },
  { key: 'residentId', label: '住民ID', type: 'text' },
  { key: 'operation', label: '操作', type: 'operation' },
  { key: 'from', label: '期間（開始日）', type: 'date' },
  { key: 'to', label: '期間（終了日）', type: 'date' },
];

export function AuditPage() {
  const [draft, setDraft] = useState<AuditCriteria>(EMPTY_CRITERIA);
  const [criteria, setCriteria] = useState<AuditCriteria>(EMPTY_CRITERIA);
  const [page, setPage] = useState(0);
  const events = useAsync(() => searchAuditEvents(criteria, page), [criteria, page]);

  function search(event: FormEvent) {
    event.preventDefault();
    setCriteria({ ...draft });
    setPage(0);
  }

  return (
    <section>
      <h1>監査ログ</h1>
      <VerifyPanel />
      <ResidentAccessPanel />
      <AccountReviewPanel />
      <section aria-labelledby="audit-events-title">
        <h2 id="audit-events-title">操作記録の検索</h2>
        <form className="search-form" onSubmit={search} role="search">
          {FIELDS.map((field) => (
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
                  type={field.type}
                  value={draft[field.key]}
                  onChange={(event) => setDraft({ ...draft, [field.key]: event.target.value })}
                />
              )}
            </div>
          ))}
          <button type="submit" className="primary" data-testid="audit-search-button">
            検索
          </button>
        </form>
        {events.loading && <Loading />}
        {events.error && <ErrorMessage>{events.error.message}</ErrorMessage>}
        {!events.loading && events.data && (
          <>
            {events.data.total === 0 ? (
              <p className="empty">該当する記録はありません。</p>
            ) : (
              <>
              <table className="data-table" data-testid="audit-events">
                <thead>
                  <tr>
                    <th scope="col">記録ID</th>
                    <th scope="col">日時</th>
                    <th scope="col">ユーザーID</th>
                    <th scope="col">操作</th>
                    <th scope="col">住民ID</th>
                    <th scope="col">端末アドレス</th>
                    <th scope="col">詳細</th>
                  </tr>
                </thead>
                <tbody>
                  {events.data.items.map((item) => (
                    <tr key={item.id}>
                      <td>{item.id}</td>
                      <td>{formatWarekiDateTime(item.occurredAt)}</td>
                      <td>{item.username}</td>
                      <td>{OPERATION_LABELS[item.operation] ?? item.operation}</td>
                      <td>{item.residentId ?? '—'}</td>
                      <td>{item.clientAddress ?? '—'}</td>
                      <td className="detail-cell">{item.detail ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager page={page} size={events.data.size} total={events.data.total} onPage={setPage} />
              </>
            )}
          </>
        )}
      </section>
    </section>
  );
}
