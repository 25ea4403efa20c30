import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage, Loading } from '../../../components/Message';
import { Pager } from '../../../components/Pager';
import { FEED_LINE_PAGE_SIZE, ITEM_LABELS, feedLinesQuery, type FeedLineFilter, type FeedSummary } from '../api';

const FILTERS: { value: FeedLineFilter; label: string; count: (feed: FeedSummary) => number }[] = [
  { value: 'REJECTED', label: 'エラー行', count: (feed) => feed.rejectedLines },
  { value: 'ACCEPTED', label: '受付', count: (feed) => feed.acceptedLines },
  { value: 'ALL', label: 'すべて', count: (feed) => feed.lineCount },
];

/** The lines of a checked file, the rejected ones first, each problem with its E-code and message. */
export function FeedLines({ feed }: { feed: FeedSummary }) {
  const id = String(feed.id);
  const [params, setParams] = useSearchParams();
  const requested = params.get('lines') as FeedLineFilter | null;
  const filter: FeedLineFilter =
    requested && FILTERS.some((option) => option.value === requested)
      ? requested
      : feed.rejectedLines > 0
        ? 'REJECTED'
        : 'ALL';
  const page = Number(params.get('page') ?? '0') || 0;
  const lines = useQuery(feedLinesQuery(id, filter, page));

  return (
    <section className="case-section" aria-labelledby="feed-lines-title">
      <h2 id="feed-lines-title">行ごとの結果</h2>
      <div className="tabs" role="group" aria-label="表示する行">
        {FILTERS.map((option) => (
          <button
            key={option.value}
            type="button"
            className={option.value === filter ? 'tab active' : 'tab'}
            aria-pressed={option.value === filter}
            data-testid={`feed-filter-${option.value}`}
            onClick={() => setParams({ lines: option.value })}
          >
            {option.label}
            <span className="count">{option.count(feed).toLocaleString('ja-JP')}</span>
          </button>
        ))}
      </div>
      {lines.isPending && <Loading />}
      {lines.error && <ErrorMessage>{lines.error.message}</ErrorMessage>}
      {lines.data &&
        (lines.data.total === 0 ? (
          <p className="empty">該当する行はありません。</p>
        ) : (
          <>
            <DataTable columns={['行', '異動事由', '異動日', '宛名番号', 'エラー']} testId="feed-lines">
              {lines.data.items.map((line) => (
                <tr key={line.line} className={line.status === 'REJECTED' ? 'row-rejected' : undefined}>
                  <td className="number">{line.line}</td>
                  <td>{line.items.event ?? '—'}</td>
                  <td>{line.items.movedOn ?? '—'}</td>
                  <td>{line.items.addresseeNumber ?? '—'}</td>
                  <td>
                    {line.problems.length === 0 ? (
                      'なし'
                    ) : (
                      <ul className="problem-list">
                        {line.problems.map((problem, index) => (
                          <li key={index}>
                            <strong>{problem.code}</strong>{' '}
                            {problem.item && <span>{ITEM_LABELS[problem.item] ?? problem.item}: </span>}
                            {problem.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pager
              page={page}
              size={FEED_LINE_PAGE_SIZE}
              total={lines.data.total}
              onPage={(next) => setParams({ lines: filter, page: String(next) })}
            />
          </>
        ))}
    </section>
  );
}
