import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryTable } from '../../../components/QueryTable';
import { RefreshButton } from '../../../components/RefreshButton';
import { formatWarekiDate, officeToday } from '../../../lib/date';
import { type InquiryReceipt, inquiriesQuery } from '../api';
import { CloseInquiryForm } from '../components/CloseInquiryForm';
import { InquiryReceiptForm } from '../components/InquiryReceiptForm';

function StatusBadges({ receipt }: { receipt: InquiryReceipt }) {
  return (
    <>
      {receipt.serious && <span className="badge badge-warning">重大事故</span>}
      {receipt.overdue && <span className="badge badge-overdue">処理期間超過</span>}
      {receipt.closedOn ? (
        <span className="badge badge-ended">完了（{formatWarekiDate(receipt.closedOn)}）</span>
      ) : (
        <span className="badge">対応中</span>
      )}
    </>
  );
}

/** 問い合わせ・苦情 (R29): the receipts, the serious incidents still open against their processing period. */
export function InquiriesPage() {
  const [openSeriousOnly, setOpenSeriousOnly] = useState(false);
  const [closing, setClosing] = useState<number | null>(null);
  const receipts = useQuery(inquiriesQuery(openSeriousOnly));
  const today = officeToday();

  function closed() {
    setClosing(null);
  }

  return (
    <section>
      <div className="page-heading">
        <h1>問い合わせ・苦情</h1>
        <RefreshButton query={receipts} />
      </div>
      <p>
        特定個人情報の取扱いに関する問い合わせと苦情は、受け付けたときに受付票を作成して対応を記録します。
        情報漏えい等の重大な事案は、関係先への事実確認の標準的な処理期間で管理し、対応を終えたら完了を記録します。
      </p>
      <InquiryReceiptForm today={today} />
      <section className="case-section" aria-labelledby="inquiry-list-title">
        <h2 id="inquiry-list-title">受付票</h2>
        <label>
          <input
            type="checkbox"
            data-testid="open-serious-only"
            checked={openSeriousOnly}
            onChange={(event) => setOpenSeriousOnly(event.target.checked)}
          />{' '}
          対応中の重大事故だけ（処理期限の早い順）
        </label>
        <QueryTable
          query={receipts}
          empty="受付票はありません。"
          columns={['受付番号', '受付日', '方法・種別', '内容の要旨', '担当', '処理期限', '状態']}
          tableTestId="inquiry-table"
          row={(receipt) => (
            <tr key={receipt.id} className={receipt.closedOn ? 'ended' : undefined} data-testid="inquiry-row">
              <td>{receipt.receiptNumber}</td>
              <td>{formatWarekiDate(receipt.receivedOn)}</td>
              <td>
                {receipt.channelLabel}・{receipt.categoryLabel}
              </td>
              <td>
                {receipt.summary}
                {receipt.outcome && (
                  <>
                    <br />
                    対応: {receipt.outcome}（{receipt.closedBy}）
                  </>
                )}
                {closing === receipt.id && <CloseInquiryForm receipt={receipt} today={today} onClosed={closed} />}
              </td>
              <td>{receipt.handler}</td>
              <td>{receipt.dueOn ? formatWarekiDate(receipt.dueOn) : '—'}</td>
              <td>
                <StatusBadges receipt={receipt} />
                {!receipt.closedOn && closing !== receipt.id && (
                  <button type="button" onClick={() => setClosing(receipt.id)}>
                    完了を記録
                  </button>
                )}
              </td>
            </tr>
          )}
        />
      </section>
    </section>
  );
}
