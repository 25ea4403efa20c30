import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorMessage, Loading } from '../../../components/Message';
import { Pager } from '../../../components/Pager';
import { formatWarekiDate } from '../../../lib/date';
import { SEX_LABELS, STATUS_LABELS, type ResidentCriteria, searchResidentsQuery } from '../api';
import { DataTable } from '../../../components/DataTable';

function criteriaFrom(params: URLSearchParams): ResidentCriteria {
  return {
    name: params.get('name') ?? '',
    birthDate: params.get('birthDate') ?? '',
    addresseeNumber: params.get('addresseeNumber') ?? '',
  };
}

function hasCriteria(criteria: ResidentCriteria): boolean {
  return Object.values(criteria).some((value) => value !== '');
}

/** Criteria live in the URL so that returning from a resident's detail shows the same results. */
export function ResidentSearchPage() {
  const [params, setParams] = useSearchParams();
  const criteria = criteriaFrom(params);
  const page = Number(params.get('page') ?? '0') || 0;
  const [draft, setDraft] = useState<ResidentCriteria>(criteria);

  function search(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    for (const [key, value] of Object.entries(draft)) {
      if (value.trim() !== '') {
        next[key] = value.trim();
      }
    }
    setParams(next);
  }

  function goToPage(nextPage: number) {
    const next = new URLSearchParams(params);
    next.set('page', String(nextPage));
    setParams(next);
  }

  return (
    <section>
      <h1>住民検索</h1>
      <form className="search-form" onSubmit={search} role="search">
        <div className="field">
          <label htmlFor="resident-name">氏名（漢字・カナの一部）</label>
          <input
            id="resident-name"
            value={draft.name}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="resident-birth-date">生年月日</label>
          <input
            id="resident-birth-date"
            type="date"
            value={draft.birthDate}
            onChange={(event) => setDraft({ ...draft, birthDate: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="resident-addressee-number">宛名番号</label>
          <input
            id="resident-addressee-number"
            inputMode="numeric"
            value={draft.addresseeNumber}
            onChange={(event) => setDraft({ ...draft, addresseeNumber: event.target.value })}
          />
        </div>
        <button type="submit" className="primary" data-testid="resident-search-button">
          検索
        </button>
      </form>
      {hasCriteria(criteria) ? (
        <ResidentResults criteria={criteria} page={page} onPage={goToPage} />
      ) : (
        <p className="hint">検索条件を1つ以上入力してください。</p>
      )}
    </section>
  );
}

interface ResidentResultsProps {
  criteria: ResidentCriteria;
  page: number;
  onPage: (page: number) => void;
}

function ResidentResults({ criteria, page, onPage }: ResidentResultsProps) {
  const navigate = useNavigate();
  const location = useLocation();
  // The detail page links back to these very results.
  const backState = { search: location.search };
  const result = useQuery(searchResidentsQuery(criteria, page));

  if (result.isPending) {
    return <Loading />;
  }
  if (result.error || !result.data) {
    return <ErrorMessage>{result.error?.message}</ErrorMessage>;
  }
  const { items, size, total } = result.data;
  if (total === 0) {
    return <p className="empty">該当する住民はいません。</p>;
  }
  return (
    <>
      <DataTable columns={['宛名番号', '氏名', 'カナ', '生年月日', '性別', '住所', '状態']}>
        {items.map((resident) => (
          <tr
            key={resident.id}
            className="clickable"
            data-testid="resident-row"
            onClick={() => navigate(`/residents/${resident.id}`, { state: backState })}
          >
            <td>{resident.addresseeNumber}</td>
            <td>
              <Link to={`/residents/${resident.id}`} state={backState} onClick={(event) => event.stopPropagation()}>
                {resident.nameKanji}
              </Link>
            </td>
            <td>{resident.nameKana}</td>
            <td>{formatWarekiDate(resident.birthDate)}</td>
            <td>{SEX_LABELS[resident.sex] ?? resident.sex}</td>
            <td>{resident.address}</td>
            <td>{STATUS_LABELS[resident.status] ?? resident.status}</td>
          </tr>
        ))}
      </DataTable>
      <Pager page={page} size={size} total={total} onPage={onPage} />
    </>
  );
}
