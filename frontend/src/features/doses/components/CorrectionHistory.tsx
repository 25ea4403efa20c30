import { formatWarekiDateTime } from '../../../lib/date';
import type { DoseCorrection, DoseReference } from '../api';
import { displayItemValue } from '../display';
import { DOSE_ITEMS, itemLabel } from '../items';
import { DataTable } from '../../../components/DataTable';

const ITEM_ORDER: string[] = DOSE_ITEMS.map((item) => item.key);

function changedKeys(correction: DoseCorrection): string[] {
  const keys = new Set([...Object.keys(correction.before), ...Object.keys(correction.after)]);
  const position = (key: string) => (ITEM_ORDER.includes(key) ? ITEM_ORDER.indexOf(key) : ITEM_ORDER.length);
  return [...keys].sort((a, b) => position(a) - position(b));
}

interface CorrectionHistoryProps {
  corrections: DoseCorrection[];
  reference: DoseReference | null;
}

/** Every 職権修正 of the record, oldest first: when, by whom, why, and each changed item before → after. */
export function CorrectionHistory({ corrections, reference }: CorrectionHistoryProps) {
  return (
    <section
      className="case-section"
      data-testid="dose-correction-history"
      aria-labelledby="dose-correction-history-title"
    >
      <h2 id="dose-correction-history-title">修正履歴</h2>
      {corrections.length === 0 ? (
        <p className="empty">修正履歴はありません。</p>
      ) : (
        <DataTable columns={['修正日時', '修正者', '理由', '変更内容（修正前 → 修正後）']}>
          {corrections.map((correction) => (
            <tr key={correction.id} data-testid="dose-correction-entry">
              <td>{formatWarekiDateTime(correction.correctedAt)}</td>
              <td>{correction.correctedBy}</td>
              <td className="detail-cell">{correction.reason}</td>
              <td>
                <ul className="change-list">
                  {changedKeys(correction).map((key) => (
                    <li key={key} data-testid="dose-correction-change">
                      <span className="change-item">{itemLabel(key)}</span>
                      <span className="change-before">{displayItemValue(key, correction.before[key], reference)}</span>
                      <span className="change-arrow">→</span>
                      <span className="change-after">{displayItemValue(key, correction.after[key], reference)}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
