import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/Message';
import { Pager } from '../../../components/Pager';
import { formatWarekiDate } from '../../../lib/date';
import { useMe } from '../../../lib/auth/AuthProvider';
import { cohortQuery, criteriaFieldErrors, EMPTY_CRITERIA, outreachOptionsQuery, type CohortCriteria } from '../api';
import { CohortCriteriaForm } from '../components/CohortCriteriaForm';
import { CohortTable } from '../components/CohortTable';
import { OutreachActions } from '../components/OutreachActions';

/** 対象者抽出: a cohort by age band, district and vaccine status; its CSV and its 予診票. */
export function OutreachPage() {
  const me = useMe();
  const options = useQuery(outreachOptionsQuery());
  const [criteria, setCriteria] = useState<CohortCriteria | null>(null);
  const [page, setPage] = useState(0);
  const result = useQuery(cohortQuery(criteria, page));

  function search(next: CohortCriteria) {
    setCriteria(next);
    setPage(0);
  }

  if (options.isPending) {
    return <Loading />;
  }
  if (options.error || !options.data) {
    return <ErrorMessage>{options.error?.message}</ErrorMessage>;
  }
  const fieldErrors = result.error ? criteriaFieldErrors(result.error.fields) : {};
  return (
    <section>
      <h1>対象者抽出</h1>
      <p className="subtitle">
        年齢・地区・接種状況で対象者を抽出し、CSV出力や予診票の発行を行います。個人番号は出力されません。
      </p>
      <CohortCriteriaForm options={options.data} initial={EMPTY_CRITERIA} errors={fieldErrors} onSearch={search} />
      {criteria === null && (
        <p className="hint">条件を指定して「抽出」を押してください。接種状況で絞り込むときはワクチンを選びます。</p>
      )}
      {criteria !== null && result.isFetching && <Loading />}
      {criteria !== null && result.error && <ErrorMessage testId="cohort-error">{result.error.message}</ErrorMessage>}
      {/* While the list reloads (after issuing 予診票) it stays, and so does the message of what was done. */}
      {criteria !== null && !result.error && result.data && (
        <>
          <p className="result-summary" data-testid="cohort-summary">
            {formatWarekiDate(result.data.asOf)}時点で {result.data.total.toLocaleString('ja-JP')}人が該当します。
          </p>
          <OutreachActions me={me} criteria={criteria} total={result.data.total} />
          {result.data.total === 0 ? (
            <p className="empty">該当する住民はいません。</p>
          ) : (
            <>
              <CohortTable rows={result.data.items} withVaccine={criteria.vaccine !== null} />
              <Pager page={page} size={result.data.size} total={result.data.total} onPage={setPage} />
            </>
          )}
        </>
      )}
    </section>
  );
}
