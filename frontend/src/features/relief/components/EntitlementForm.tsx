import { useState, type FormEvent } from 'react';
import { ErrorMessage, Notice } from '../../../components/Message';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { TextField } from '../../../components/TextField';
import { TextAreaField } from '../../../components/TextAreaField';
import { typedWarekiDate } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { readTypedDates } from '../../../lib/wareki';
import { reviseEntitlement } from '../api';

interface EntitlementFormProps {
  claimId: number;
  version: number;
  periodicAmountYen: number | null;
  entitlementEndsOn: string | null;
}

/** 受給権の改定: a new amount per period or an end date (e.g. the 18th birthday), from the next period on. */
export function EntitlementForm({ claimId, version, periodicAmountYen, entitlementEndsOn }: EntitlementFormProps) {
  const [amount, setAmount] = useState(String(periodicAmountYen ?? 0));
  const [endsOn, setEndsOn] = useState(typedWarekiDate(entitlementEndsOn));
  const [reason, setReason] = useState('');
  const { run, refuse, error, fields: fieldErrors, message: done, busy } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const yen = Number(amount);
    if (!/^\d+$/.test(amount.trim()) || !Number.isSafeInteger(yen)) {
      refuse({ periodicAmountYen: '0以上の整数（円）を入力してください' });
      return;
    }
    const read = readTypedDates({ entitlementEndsOn: endsOn });
    if (!read.ok) {
      refuse(read.unreadable);
      return;
    }
    await run(
      () => reviseEntitlement(claimId, version, yen, read.dates.entitlementEndsOn, reason.trim()),
      '改定を提案しました。提案者以外の上長が承認すると、次の支払期から適用されます',
    );
  }

  return (
    <section className="case-section" aria-labelledby="relief-entitlement-title">
      <h2 id="relief-entitlement-title">受給権の改定</h2>
      <p>
        障害の程度の変更による額の改定や、受給権の終期（例：障害児養育年金は18歳に達する日）を提案します。提案者以外の上長が承認すると、次の支払期から適用されます。
      </p>
      {error && <ErrorMessage testId="relief-entitlement-error">{error}</ErrorMessage>}
      {done && <Notice testId="relief-entitlement-done">{done}</Notice>}
      <form className="entry-form" onSubmit={(event) => void submit(event)}>
        <TextField
          id="relief-entitlement-amount"
          label="各期の額（円）"
          inputMode="numeric"
          required
          requiredMark={false}
          value={amount}
          error={fieldErrors.periodicAmountYen}
          onChange={setAmount}
        />
        <JapaneseDateField
          id="relief-entitlement-ends"
          label="受給権の終期"
          value={endsOn}
          error={fieldErrors.entitlementEndsOn}
          onChange={setEndsOn}
        />
        <TextAreaField
          id="relief-entitlement-reason"
          label="改定の理由"
          required
          requiredMark={false}
          maxLength={500}
          value={reason}
          error={fieldErrors.reason}
          onChange={setReason}
        />
        <button type="submit" data-testid="relief-entitlement-button" disabled={busy}>
          改定を提案
        </button>
      </form>
    </section>
  );
}
