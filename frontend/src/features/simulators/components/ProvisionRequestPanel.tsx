import { AddresseeNumberField } from '../../../components/AddresseeNumberField';
import { TextField } from '../../../components/TextField';
import { useState, type FormEvent } from 'react';
import { ErrorMessage, FieldError, Notice } from '../../../components/Message';
import type { FieldErrors } from '../../../lib/api';
import { asApiError } from '../../../lib/api';
import { INFORMATION_ITEM_LABELS, PROVISION_ITEMS, receiveProvisionRequest, type ProvisionRequest } from '../api';

const INITIAL_REQUEST: ProvisionRequest = {
  addresseeNumber: '',
  informationItem: 'VACCINATION_RECORD',
  requesterAgency: '架空県架空町',
};

/** Plays another agency asking this city for information, so the provision side can be shown without a network. */
export function ProvisionRequestPanel() {
  const [draft, setDraft] = useState<ProvisionRequest>(INITIAL_REQUEST);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [received, setReceived] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setReceived(null);
    setError(null);
    setFieldErrors({});
    try {
      const { provisionRequestId } = await receiveProvisionRequest({
        ...draft,
        addresseeNumber: draft.addresseeNumber.trim(),
        requesterAgency: draft.requesterAgency.trim(),
      });
      setReceived(provisionRequestId);
    } catch (failure) {
      const apiError = asApiError(failure);
      setError(apiError.message);
      setFieldErrors(apiError.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="simulator-panel" aria-labelledby="provision-request-title">
      <h2 id="provision-request-title">情報提供の依頼を受信させる</h2>
      <p>他の機関から情報提供ネットワークシステム経由で依頼が届いた状態を作ります。</p>
      {received !== null && <Notice testId="provision-request-result">情報提供の依頼 #{received} を受信しました</Notice>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <form className="entry-form" onSubmit={(event) => void send(event)}>
        <AddresseeNumberField
          id="provision"
          value={draft.addresseeNumber}
          error={fieldErrors.addresseeNumber}
          onChange={(addresseeNumber) => setDraft({ ...draft, addresseeNumber })}
        />
        <div className="field">
          <label htmlFor="provision-information-item">照会する情報</label>
          <select
            id="provision-information-item"
            data-testid="provision-information-item"
            value={draft.informationItem}
            aria-invalid={Boolean(fieldErrors.informationItem)}
            aria-describedby={fieldErrors.informationItem ? 'provision-information-item-error' : undefined}
            onChange={(event) =>
              setDraft({ ...draft, informationItem: event.target.value as ProvisionRequest['informationItem'] })
            }
          >
            {PROVISION_ITEMS.map((item) => (
              <option key={item} value={item}>
                {INFORMATION_ITEM_LABELS[item]}
              </option>
            ))}
          </select>
          <FieldError id="provision-information-item-error" message={fieldErrors.informationItem} />
        </div>
        <TextField
          id="provision-requester-agency"
          label="照会元機関"
          required
          value={draft.requesterAgency}
          error={fieldErrors.requesterAgency}
          onChange={(requesterAgency) => setDraft({ ...draft, requesterAgency })}
        />
        <button type="submit" className="primary" data-testid="provision-request-button" disabled={busy}>
          受信させる
        </button>
      </form>
    </section>
  );
}
