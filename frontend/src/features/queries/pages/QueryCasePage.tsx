import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { CaseDiagram } from '../../../components/CaseDiagram';
import { CasePage } from '../../../components/CasePage';
import { FactList } from '../../../components/Fact';
import { formatWarekiDateTime } from '../../../lib/date';
import { myQueriesQuery } from '../api';

/** One of my information queries: what it asks, where it stands and its diagram, opened from 照会状況. */
export function QueryCasePage() {
  const { id = '' } = useParams();
  const query = useQuery({
    ...myQueriesQuery(),
    select: (mine) => {
      const found = mine.find((one) => String(one.id) === id);
      if (!found) {
        throw new Error('この情報照会は見つかりません。自分が依頼した照会だけを表示できます。');
      }
      return { ...found, statusLabel: found.status };
    },
  });

  return (
    <CasePage
      query={query}
      title={(data) => `情報照会 #${data.id}`}
      statusTestId="query-status"
      back={<Link to="/queries">← 照会状況</Link>}
    >
      {(data) => (
        <>
          <section className="case-section" aria-labelledby="query-facts-title">
            <h2 id="query-facts-title">照会の内容</h2>
            <FactList
              testId="query-facts"
              rows={[
                ['照会する情報', data.informationItem],
                ['根拠規定', data.legalBasis],
                ['依頼日時', formatWarekiDateTime(data.requestedAt)],
                ['送信日時', formatWarekiDateTime(data.sentAt)],
                ['回答日時', formatWarekiDateTime(data.answeredAt)],
                ['終了日時', formatWarekiDateTime(data.endedAt)],
              ]}
            />
          </section>
          <CaseDiagram processKey="InformationQuery" caseId={String(data.id)} />
        </>
      )}
    </CasePage>
  );
}
