import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Fact, FactList } from '../../../components/Fact';
import { ErrorMessage, Loading, Notice } from '../../../components/Message';
import { TextAreaField } from '../../../components/TextAreaField';
import { formatWarekiDate } from '../../../lib/date';
import { DOSE_SOURCE_LABELS, doseErrorText } from '../../../lib/residents';
import { correctDose, type DoseDetail, type DoseReference, doseQuery, doseReferenceQuery } from '../api';
import { CorrectionHistory } from '../components/CorrectionHistory';
import { DoseItemFields } from '../components/DoseItemFields';
import { SubmissionFeedback } from '../components/SubmissionFeedback';
import { allItems, type DoseItems } from '../items';
import { useDoseSubmission } from '../useDoseSubmission';

const REASON_MAX_LENGTH = 500;

/** 職権修正 (R05): every item as recorded, a reason, and the corrections made so far. */
export function DoseCorrectionPage() {
  const { doseId = '' } = useParams();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const detail = useQuery(doseQuery(doseId));
  const reference = useQuery(doseReferenceQuery());
  const [notice, setNotice] = useState<string | null>(null);
  // Bumped to start the form again from what the server holds (after a save, or on request after a conflict).
  const [generation, setGeneration] = useState(0);

  function reload() {
    setGeneration((value) => value + 1);
    void detail.refetch();
  }

  const back = from && (
    <p className="back-link">
      <Link to={from}>← 住民詳細へ戻る</Link>
    </p>
  );

  if (!detail.data || !reference.data) {
    const error = detail.error ?? reference.error;
    return (
      <section>
        {back}
        {error ? <ErrorMessage testId="dose-correction-load-error">{error.message}</ErrorMessage> : <Loading />}
      </section>
    );
  }

  const current = detail.data;
  return (
    <section>
      {back}
      <h1>接種記録の修正（職権）</h1>
      <p>
        修正すると変更前後の内容と理由が記録されます。宛名番号（住民）は変更できません。別の住民の記録だった場合は、削除して登録し直してください。
      </p>
      <DoseSummary detail={current} />
      {notice && <Notice testId="dose-correction-notice">{notice}</Notice>}
      <CorrectionForm
        key={`${current.version}-${generation}`}
        doseId={doseId}
        detail={current}
        reference={reference.data}
        onStart={() => setNotice(null)}
        onCorrected={() => {
          setNotice('接種記録を修正しました。');
          reload();
        }}
        onReload={reload}
      />
      <CorrectionHistory corrections={current.corrections} reference={reference.data} />
    </section>
  );
}

function DoseSummary({ detail }: { detail: DoseDetail }) {
  const { dose } = detail;
  const rows: [string, string][] = [
    ['記録番号', String(dose.id)],
    ['接種種別', dose.vaccine],
    ['接種区分', dose.doseCategory],
    ['接種年月日', formatWarekiDate(dose.doseDate)],
    ['接種医療機関', dose.institutionName ?? dose.institutionId ?? '—'],
    ['登録元', DOSE_SOURCE_LABELS[dose.source] ?? dose.source],
  ];
  return (
    <FactList rows={rows} className="dose-summary" testId="dose-correction-summary">
      {dose.errorCode && (
        <Fact label="エラーコード">
          <span className="badge badge-error-code">{dose.errorCode}</span> {doseErrorText(dose)}
        </Fact>
      )}
    </FactList>
  );
}

interface CorrectionFormProps {
  doseId: string;
  detail: DoseDetail;
  reference: DoseReference;
  onStart: () => void;
  onCorrected: () => void;
  onReload: () => void;
}

function CorrectionForm({ doseId, detail, reference, onStart, onCorrected, onReload }: CorrectionFormProps) {
  const [items, setItems] = useState<DoseItems>(detail.items);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const submission = useDoseSubmission();
  const errors = submission.refusal?.fields ?? {};
  const reasonError = reasonMissing ? '修正理由を入力してください' : errors.reason;

  function change(next: DoseItems) {
    setItems(next);
    submission.itemsChanged();
  }

  async function correct(confirmWarnings: boolean) {
    onStart();
    if (reason.trim() === '') {
      // The server refuses it too; asking first spares the user a round trip and keeps the other messages.
      setReasonMissing(true);
      document.getElementById('dose-correction-reason')?.focus();
      return;
    }
    const request = {
      version: detail.version,
      // Every item as shown: one left out would be cleared. The resident stays the record's own.
      items: allItems(items, ['addresseeNumber']),
      reason: reason.trim(),
    };
    const done = await submission.submit(
      (confirm) => correctDose(doseId, { ...request, confirmWarnings: confirm }).then(() => true),
      confirmWarnings,
    );
    if (done) {
      onCorrected();
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void correct(false);
  }

  return (
    <form className="dose-form" onSubmit={handleSubmit} noValidate aria-label="接種記録の修正">
      <SubmissionFeedback
        refusal={submission.refusal}
        busy={submission.busy}
        testId="dose-correction"
        confirmLabel="確認のうえ修正する"
        onConfirm={() => void correct(true)}
        onReload={onReload}
      />
      <DoseItemFields
        idPrefix="dose-correction"
        items={items}
        errors={errors}
        reference={reference}
        onChange={change}
      />
      <TextAreaField
        id="dose-correction-reason"
        label="修正理由"
        required
        rows={3}
        maxLength={REASON_MAX_LENGTH}
        hint="例: 医療機関からの訂正依頼（令和6年5月10日、電話）によりロット番号を修正"
        value={reason}
        error={reasonError}
        onChange={(value) => {
          setReason(value);
          setReasonMissing(false);
        }}
      />
      <div className="actions">
        <button type="submit" className="primary" data-testid="dose-correction-submit" disabled={submission.busy}>
          修正を登録する
        </button>
      </div>
    </form>
  );
}
