import { useState, type FormEvent } from 'react';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { ErrorMessage, Notice } from '../../../components/Message';
import { labelledOptions, SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { typedWarekiDate } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { readTypedDates } from '../../../lib/wareki';
import { CATEGORIES, CHANNELS, recordInquiry } from '../api';

interface InquiryReceiptFormProps {
  today: string;
}

/** 受付票: every inquiry or complaint is recorded when it is received, with its number, date, channel and summary. */
export function InquiryReceiptForm({ today }: InquiryReceiptFormProps) {
  const [receivedOn, setReceivedOn] = useState(typedWarekiDate(today));
  const [channel, setChannel] = useState('TELEPHONE');
  const [category, setCategory] = useState('INQUIRY');
  const [summary, setSummary] = useState('');
  const [serious, setSerious] = useState(false);
  const { run, refuse, error, message: notice, fields: fieldErrors, busy } = useAction<{ receiptNumber: string }>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = readTypedDates({ receivedOn });
    if (!read.ok) {
      refuse(read.unreadable);
      return;
    }
    const recorded = await run(
      () =>
        recordInquiry({ receivedOn: read.dates.receivedOn ?? '', channel, category, summary: summary.trim(), serious }),
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
        <JapaneseDateField
          id="inquiry-received-on"
          label="受付日"
          value={receivedOn}
          error={fieldErrors.receivedOn}
          onChange={setReceivedOn}
        />
        <SelectField
          id="inquiry-channel"
          label="受付の方法"
          placeholder={null}
          options={labelledOptions(CHANNELS)}
          value={channel}
          onChange={setChannel}
        />
        <SelectField
          id="inquiry-category"
          label="種別"
          placeholder={null}
          options={labelledOptions(CATEGORIES)}
          value={category}
          onChange={setCategory}
        />
        <TextAreaField
          id="inquiry-summary"
          label="内容の要旨"
          maxLength={2000}
          value={summary}
          error={fieldErrors.summary}
          onChange={setSummary}
        />
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
