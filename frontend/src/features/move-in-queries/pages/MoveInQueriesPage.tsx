import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage, Loading, Notice } from '../../../components/Message';
import { ReasonPrompt } from '../../../components/ReasonPrompt';
import { formatWarekiDate } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { dismissProposal, proposalsQuery } from '../api';

/**
 * 転入者の照会: residents who moved in, for whom a 情報照会 of the previous municipality's 予防接種 records is proposed.
 * Staff open the filled-in query (a supervisor still approves it) or record why no query is needed.
 */
export function MoveInQueriesPage() {
  const proposals = useQuery(proposalsQuery());
  const action = useAction();
  const [dismissing, setDismissing] = useState<number | null>(null);

  async function dismiss(id: number, note: string) {
    const done = await action.run(() => dismissProposal(id, note), '照会しないことを記録しました。');
    if (done) {
      setDismissing(null);
    }
    return done;
  }

  return (
    <section>
      <h1>転入者の照会</h1>
      <p>
        住民記録の連携で転入が届いた住民です。転入前の市町村で受けた予防接種の記録を、情報提供ネットワークシステムで照会できます。照会の内容は入力済みで、送信の前に上長の承認が必要です。
      </p>
      {action.error && <ErrorMessage testId="proposal-error">{action.error}</ErrorMessage>}
      {action.message && <Notice testId="proposal-message">{action.message}</Notice>}
      {proposals.isPending && <Loading />}
      {proposals.error && <ErrorMessage>{proposals.error.message}</ErrorMessage>}
      {proposals.data &&
        (proposals.data.length === 0 ? (
          <p className="empty">照会を提案している転入者はいません。</p>
        ) : (
          <DataTable columns={['宛名番号', '氏名', '転入日', '']} testId="proposals">
            {proposals.data.map((proposal) => (
              <tr key={proposal.id}>
                <td>
                  <Link to={`/residents/${proposal.residentId}`}>{proposal.addresseeNumber}</Link>
                </td>
                <td>{proposal.nameKanji}</td>
                <td>{formatWarekiDate(proposal.movedInOn)}</td>
                <td>
                  {dismissing === proposal.id ? (
                    <ReasonPrompt
                      id={`proposal-${proposal.id}-note`}
                      label="照会しない理由"
                      submitLabel="記録する"
                      busy={action.busy}
                      error={action.fields.note}
                      onSubmit={(note) => dismiss(proposal.id, note)}
                      onCancel={() => setDismissing(null)}
                    />
                  ) : (
                    <>
                      <Link
                        className="button primary"
                        to={proposal.startLink}
                        data-testid={`proposal-${proposal.id}-start`}
                      >
                        照会を始める
                      </Link>{' '}
                      <button
                        type="button"
                        data-testid={`proposal-${proposal.id}-dismiss`}
                        onClick={() => setDismissing(proposal.id)}
                      >
                        照会しない
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        ))}
    </section>
  );
}
