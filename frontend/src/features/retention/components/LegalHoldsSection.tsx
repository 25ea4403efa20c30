import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { AddresseeNumberField } from '../../../components/AddresseeNumberField';
import { ErrorMessage, Notice } from '../../../components/Message';
import { QueryTable } from '../../../components/QueryTable';
import { TextField } from '../../../components/TextField';
import { formatWarekiDateTime } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { liftLegalHold, placeLegalHold, type RetentionArea, legalHoldsQuery } from '../api';

const REASON_MAX_LENGTH = 200;

/** 保全措置 (legal hold, R27): nothing of a held resident is deleted; placing and lifting are recorded and audited. */
export function LegalHoldsSection({ area }: { area: RetentionArea }) {
  const holds = useQuery(legalHoldsQuery(area));
  const [addresseeNumber, setAddresseeNumber] = useState('');
  const [reason, setReason] = useState('');
  const { run, message, error, fields: fieldErrors, busy } = useAction();

  function place(event: FormEvent) {
    event.preventDefault();
    const number = addresseeNumber.trim();
    void run(async () => {
      await placeLegalHold(area, number, reason.trim());
      setAddresseeNumber('');
      setReason('');
    }, `宛名番号 ${number} に保全措置を設定しました。解除するまで、この住民のデータは削除されません。`);
  }

  function lift(id: number, number: string) {
    const liftReason = window.prompt(`宛名番号 ${number} の保全措置を解除します。解除の理由を入力してください。`);
    if (liftReason === null) {
      return;
    }
    void run(
      () => liftLegalHold(area, id, liftReason.trim()),
      `宛名番号 ${number} の保全措置を解除しました。保存期間を過ぎたデータは次回の削除で削除されます。`,
    );
  }

  return (
    <section aria-labelledby="legal-holds-title">
      <h2 id="legal-holds-title">保全措置（削除の停止）</h2>
      <p>
        訴訟・審査請求などで保存が必要な住民に設定すると、保存期間を過ぎてもその住民のデータは削除されません。設定と解除は記録され、監査ログにも残ります。
      </p>
      {message && <Notice testId="legal-hold-message">{message}</Notice>}
      {error && <ErrorMessage testId="legal-hold-error">{error}</ErrorMessage>}
      <form className="entry-form" onSubmit={place} aria-labelledby="legal-holds-title">
        <AddresseeNumberField
          id="legal-hold"
          value={addresseeNumber}
          error={fieldErrors.addresseeNumber}
          onChange={setAddresseeNumber}
        />
        <TextField
          id="legal-hold-reason"
          label={`理由（${REASON_MAX_LENGTH}文字まで）`}
          required
          wide
          maxLength={REASON_MAX_LENGTH}
          value={reason}
          error={fieldErrors.reason}
          onChange={setReason}
        />
        <button type="submit" className="primary" disabled={busy} data-testid="legal-hold-place-button">
          保全措置を設定
        </button>
      </form>
      <QueryTable
        query={holds}
        empty="保全措置はありません。"
        columns={['宛名番号', '理由', '設定者', '設定日時', '解除']}
        tableTestId="legal-holds"
        row={(hold) => (
          <tr key={hold.id} className={hold.liftedAt ? 'ended' : undefined} data-testid="legal-hold-row">
            <td>{hold.addresseeNumber}</td>
            <td>{hold.reason}</td>
            <td>{hold.setBy}</td>
            <td>{formatWarekiDateTime(hold.setAt)}</td>
            <td>
              {hold.liftedAt ? (
                `${formatWarekiDateTime(hold.liftedAt)} ${hold.liftedBy ?? ''}（${hold.liftReason ?? ''}）`
              ) : (
                <button
                  type="button"
                  disabled={busy}
                  data-testid="legal-hold-lift-button"
                  onClick={() => lift(hold.id, hold.addresseeNumber)}
                >
                  解除
                </button>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
