import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { ErrorMessage, Loading } from '../../../components/Message';
import { Pager } from '../../../components/Pager';
import { formatWarekiDate } from '../../../lib/date';
import { parseJapaneseDate } from '../../../lib/wareki';
import {
  SEX_LABELS,
  STATUS_LABELS,
  type ResidentCriteria,
  type ResidentSearch,
  searchOf,
  searchResidentsQuery,
} from '../api';
import { DataTable } from '../../../components/DataTable';

const NO_CRITERIA: ResidentCriteria = { name: '', birthDate: '', addresseeNumber: '' };

function hasCriteria(criteria: ResidentCriteria): boolean {
  return Object.values(criteria).some((value) => value !== '');
}

/**
 * The search criteria live in the navigation's state, never in the URL: a name and a birth date are personal data,
 * which the address bar, the browser's history and proxies would keep. Returning from a resident's page brings the
 * same state back, so the same results show.
 */
export function ResidentSearchPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const current = searchOf(location.state);
  const criteria = current?.criteria ?? NO_CRITERIA;
  const page = current?.page ?? 0;
  const [draft, setDraft] = useState<ResidentCriteria>({
    ...criteria,
    birthDate: criteria.birthDate === '' ? '' : formatWarekiDate(criteria.birthDate),
  });
  const [birthDateError, setBirthDateError] = useState<string | undefined>();

  function search(event: FormEvent) {
    event.preventDefault();
    const birthDate = draft.birthDate.trim() === '' ? '' : parseJapaneseDate(draft.birthDate);
    if (birthDate === null) {
      setBirthDateError('生年月日を日付として読めません（例: 大正14年3月3日、T14.3.3、1925-03-03）');
      return;
    }
    setBirthDateError(undefined);
    const next = { name: draft.name.trim(), birthDate, addresseeNumber: draft.addresseeNumber.trim() };
    navigate('/residents', { state: { search: { criteria: next, page: 0 } satisfies ResidentSearch } });
  }

  function goToPage(nextPage: number) {
    navigate('/residents', { state: { search: { criteria, page: nextPage } satisfies ResidentSearch } });
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
        <JapaneseDateField
          id="resident-birth-date"
          label="生年月日"
          value={draft.birthDate}
          onChange={(birthDate) => setDraft({ ...draft, birthDate })}
          error={birthDateError}
        />
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
        <ResidentResults search={{ criteria, page }} onPage={goToPage} />
      ) : (
        <p className="hint">検索条件を1つ以上入力してください。</p>
      )}
    </section>
  );
}

interface ResidentResultsProps {
  search: ResidentSearch;
  onPage: (page: number) => void;
}

function ResidentResults({ search, onPage }: ResidentResultsProps) {
  const navigate = useNavigate();
  // The detail page links back to these very results.
  const backState = { search };
  const result = useQuery(searchResidentsQuery(search.criteria, search.page));

  if (result.isPending) {
    return <Loading />;
  }
  if (result.error || !result.data) {
    return <ErrorMessage>{result.error?.message}</ErrorMessage>;
  }
  const { items, size, total, totalCapped } = result.data;
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
      {totalCapped && (
        <p className="hint">該当が{total.toLocaleString('ja-JP')}件以上あります。条件を追加すると絞り込めます。</p>
      )}
      <Pager page={search.page} size={size} total={total} totalCapped={totalCapped} onPage={onPage} />
    </>
  );
}
