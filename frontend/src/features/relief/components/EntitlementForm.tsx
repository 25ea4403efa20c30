import { useState, type FormEvent } from 'react';
import { ErrorMessage, FieldError } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
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
  const [endsOn, setEndsOn] = useState(entitlementEndsOn ?? '');
  const [reason, setReason] = useState('');
  const { run, refuse, error, fields: fieldErrors, busy } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const yen = Number(amount);
    if (!/^\d+$/.test(amount.trim()) || !Number.isSafeInteger(yen)) {
      refuse({ periodicAmountYen: '0以上の整数（円）を入力してください' });
      return;
    }
    await run(() => reviseEntitlement(claimId, version, yen, endsOn === '' ? null : endsOn, reason.trim()));
  }

  return (
    <section className="case-section" aria-labelledby="relief-entitlement-title">
      <h2 id="relief-entitlement-title">受給権の改定</h2>
      <p>
        障害の程度の変更による額の改定や、受給権の終期（例：障害児養育年金は18歳に達する日）を記録します。次の支払期から適用されます。
      </p>
      {error && <ErrorMessage testId="relief-entitlement-error">{error}</ErrorMessage>}
      <form className="entry-form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="relief-entitlement-amount">各期の額（円）</label>
          <input
            id="relief-entitlement-amount"
            data-testid="relief-entitlement-amount"
            inputMode="numeric"
            required
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
          />
          <FieldError id="relief-entitlement-amount-error" message={fieldErrors.periodicAmountYen} />
        </div>
        <div className="field">
          <label htmlFor="relief-entitlement-ends">受給権の終期</label>
          <input
            id="relief-entitlement-ends"
            type="date"
            value={endsOn}
            onChange={(event) => setEndsOn(event.target.value)}
          />
          <FieldError id="relief-entitlement-ends-error" message={fieldErrors.entitlementEndsOn} />
        </div>
        <div className="field field-wide">
          <label htmlFor="relief-entitlement-reason">改定の理由</label>
          <textarea
            id="relief-entitlement-reason"
            data-testid="relief-entitlement-reason"
            required
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <FieldError id="relief-entitlement-reason-error" message={fieldErrors.reason} />
        </div>
        <button type="submit" data-testid="relief-entitlement-button" disabled={busy}>
          改定を記録
        </button>
      </form>
    </section>
  );
}
