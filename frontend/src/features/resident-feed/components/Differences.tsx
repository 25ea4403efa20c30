import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage, Loading, Notice } from '../../../components/Message';
import { ReasonPrompt } from '../../../components/ReasonPrompt';
import { formatWarekiDateTime } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import {
  ITEM_LABELS,
  KIND_LABELS,
  applyDifference,
  differencesQuery,
  explainDifference,
  type Difference,
  type FeedSummary,
} from '../api';

const RESOLUTION_LABELS: Record<string, string> = { APPLIED: '反映済み', EXPLAINED: '理由を記録' };

/**
 * What a full extract found different from the register: staff apply each difference through the register's usual
 * path or record why it stays; nothing changes before they act.
 */
export function Differences({ feed }: { feed: FeedSummary }) {
  const id = String(feed.id);
  const differences = useQuery(differencesQuery(id));
  const resolving = feed.status === 'RESOLVING';
  const action = useAction();
  const [explaining, setExplaining] = useState<number | null>(null);

  async function explain(seq: number, note: string) {
    const done = await action.run(() => explainDifference(id, seq, note), `差異 ${seq} の理由を記録しました。`);
    if (done) {
      setExplaining(null);
    }
    return done;
  }

  return (
    <section className="case-section" aria-labelledby="differences-title">
      <h2 id="differences-title">照合の差異</h2>
      {action.error && <ErrorMessage testId="difference-error">{action.error}</ErrorMessage>}
      {action.message && <Notice testId="difference-message">{action.message}</Notice>}
      {differences.isPending && <Loading />}
      {differences.error && <ErrorMessage>{differences.error.message}</ErrorMessage>}
      {differences.data &&
        (differences.data.length === 0 ? (
          <p className="empty">差異はありません。</p>
        ) : (
          <DataTable columns={['#', '種類', '宛名番号', '違う項目', '処理']} testId="differences">
            {differences.data.map((difference) => (
              <tr key={difference.seq}>
                <td className="number">{difference.seq}</td>
                <td>{KIND_LABELS[difference.kind]}</td>
                <td>{difference.addresseeNumber}</td>
                <td>{changedItems(difference)}</td>
                <td>
                  {difference.resolution ? (
                    <span data-testid={`difference-${difference.seq}-resolution`}>
                      {RESOLUTION_LABELS[difference.resolution] ?? difference.resolution}（{difference.resolvedBy}、
                      {formatWarekiDateTime(difference.resolvedAt)}）{difference.note && `: ${difference.note}`}
                    </span>
                  ) : resolving ? (
                    explaining === difference.seq ? (
                      <ReasonPrompt
                        id={`difference-${difference.seq}-note`}
                        label="反映しない理由"
                        submitLabel="理由を記録"
                        busy={action.busy}
                        error={action.fields.note}
                        onSubmit={(note) => explain(difference.seq, note)}
                        onCancel={() => setExplaining(null)}
                      />
                    ) : (
                      <>
                        <button
                          type="button"
                          className="primary"
                          data-testid={`difference-${difference.seq}-apply`}
                          disabled={action.busy}
                          onClick={() =>
                            void action.run(
                              () => applyDifference(id, difference.seq),
                              `差異 ${difference.seq} を住民記録に反映しました。`,
                            )
                          }
                        >
                          反映する
                        </button>
                        <button
                          type="button"
                          data-testid={`difference-${difference.seq}-explain`}
                          onClick={() => setExplaining(difference.seq)}
                        >
                          理由を記録する
                        </button>
                      </>
                    )
                  ) : (
                    '未処理'
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        ))}
    </section>
  );
}

function changedItems(difference: Difference): string {
  if (difference.kind === 'MISSING') {
    return '抽出の住民がこちらの住民記録にありません';
  }
  if (difference.kind === 'EXTRA') {
    return 'こちらで住民となっている方が抽出にありません（反映すると職権消除）';
  }
  return difference.changedItems.map((item) => ITEM_LABELS[item] ?? item).join('、');
}
