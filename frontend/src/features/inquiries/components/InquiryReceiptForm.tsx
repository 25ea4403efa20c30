import { useState, type FormEvent } from 'react';
import { ErrorMessage, FieldError, Notice } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
import { CATEGORIES, CHANNELS, recordInquiry } from '../api';

interface InquiryReceiptFormProps {
  today: string;
}

/** 受付票: every inquiry or complaint is recorded when it is received, with its number, date, channel and summary. */
export function InquiryReceiptForm({ today }: InquiryReceiptFormProps) {
  const [receivedOn, setReceivedOn] = useState(today);
  const [channel, setChannel] = useState('TELEPHONE');
  const [category, setCategory] = useState('INQUIRY');
  const [summary, setSummary] = useState('');
  const [serious, setSerious] = useState(false);
  const { run, error, message: notice, fields: fieldErrors, busy } = useAction<{ receiptNumber: string }>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const recorded = await run(
      () => recordInquiry({ receivedOn, channel, category, summary: summary.trim(), serious }),
      (receipt) => `受付票 ${receipt.receiptNumber} を作成しました。`,
    );
    if (recorded) {
      setSummary('');
      setSerious(false);
    }
  }

  return (
    <section className="case-section" aria-labelledby="inquiry-receipt-title">
      <h2 id="inquiry-receipt-title">受付票の作成</h2>
      {notice && <Notice testId="inquiry-receipt-notice">{notice}</Notice>}
      {error && <ErrorMessage testId="inquiry-receipt-error">{error}</ErrorMessage>}
      <form className="entry-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="inquiry-received-on">受付日</label>
          <input
            id="inquiry-received-on"
            type="date"
            max={today}
            value={receivedOn}
            onChange={(event) => setReceivedOn(event.target.value)}
          />
          <FieldError id="inquiry-received-on-error" message={fieldErrors.receivedOn} />
        </div>
        <div className="field">
          <label htmlFor="inquiry-channel">受付の方法</label>
          <select id="inquiry-channel" value={channel} onChange={(event) => setChannel(event.target.value)}>
            {Object.entries(CHANNELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inquiry-category">種別</label>
          <select id="inquiry-category" value={category} onChange={(event) => setCategory(event.target.value)}>
            {Object.entries(CATEGORIES).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor="inquiry-summary">内容の要旨</label>
          <textarea
            id="inquiry-summary"
            maxLength={2000}
            value={summary}
            aria-invalid={fieldErrors.summary ? true : undefined}
            onChange={(event) => setSummary(event.target.value)}
          />
          <FieldError id="inquiry-summary-error" message={fieldErrors.summary} />
        </div>
        <div className="field field-wide">
          <label>
            <input type="checkbox" checked={serious} onChange={(event) => setSerious(event.target.checked)} />{' '}
            情報漏えい等の重大な事案（重大事故）に関するもの（標準的な処理期間で事実確認を管理します）
          </label>
        </div>
        <button type="submit" data-testid="inquiry-receipt-button" disabled={busy}>
          受付票を作成
        </button>
      </form>
    </section>
  );
}
