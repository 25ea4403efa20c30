import { AddresseeNumberField } from '../../../components/AddresseeNumberField';
import { TextField } from '../../../components/TextField';
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Notice } from '../../../components/Message';
import { SelectField } from '../../../components/SelectField';
import { useAction } from '../../../lib/useAction';
import { INFORMATION_ITEM_LABELS, PROVISION_ITEMS, receiveProvisionRequest, type ProvisionRequest } from '../api';

const INITIAL_REQUEST: ProvisionRequest = {
  addresseeNumber: '',
  informationItem: 'VACCINATION_RECORD',
  requesterAgency: '架空県架空町',
};

/** Plays another agency asking this city for information, so the provision side can be shown without a network. */
export function ProvisionRequestPanel() {
  const [draft, setDraft] = useState<ProvisionRequest>(INITIAL_REQUEST);
  const { run, result, error, fields: fieldErrors, busy } = useAction<{ provisionRequestId: number }>();
  const received = result?.provisionRequestId ?? null;

  async function send(event: FormEvent) {
    event.preventDefault();
    await run(() =>
      receiveProvisionRequest({
        ...draft,
        addresseeNumber: draft.addresseeNumber.trim(),
        requesterAgency: draft.requesterAgency.trim(),
      }),
    );
  }

  return (
    <section className="simulator-panel" aria-labelledby="provision-request-title">
      <h2 id="provision-request-title">情報提供の依頼を受信させる</h2>
      <p>他の機関から情報提供ネットワークシステム経由で依頼が届いた状態を作ります。</p>
      {received !== null && (
        <Notice testId="provision-request-result">情報提供の依頼 #{received} を受信しました</Notice>
      )}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <form className="entry-form" onSubmit={(event) => void send(event)}>
        <AddresseeNumberField
          id="provision"
          value={draft.addresseeNumber}
          error={fieldErrors.addresseeNumber}
          onChange={(addresseeNumber) => setDraft({ ...draft, addresseeNumber })}
        />
        <SelectField
          id="provision-information-item"
          label="照会する情報"
          value={draft.informationItem}
          placeholder={null}
          options={PROVISION_ITEMS.map((item) => ({ value: item, label: INFORMATION_ITEM_LABELS[item] }))}
          error={fieldErrors.informationItem}
          onChange={(value) => setDraft({ ...draft, informationItem: value as ProvisionRequest['informationItem'] })}
        />
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
