import { useQuery } from '@tanstack/react-query';
import { AddresseeNumberField } from '../../../components/AddresseeNumberField';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Notice } from '../../../components/Message';
import { QueryTable } from '../../../components/QueryTable';
import { formatWarekiDateTime } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import {
  addNonDisclosure,
  NON_DISCLOSURE_REASON_LABELS,
  removeNonDisclosure,
  type NonDisclosureReason,
  nonDisclosuresQuery,
} from '../api';

interface Draft {
  addresseeNumber: string;
  reason: NonDisclosureReason | '';
  note: string;
}

const EMPTY_DRAFT: Draft = { addresseeNumber: '', reason: '', note: '' };

const NOTE_MAX_LENGTH = 200;

/** Residents protected from automatic answers to the network (DV and stalking victims, R16). */
export function NonDisclosurePage() {
  const settings = useQuery(nonDisclosuresQuery());
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const { run, message, error, fields: fieldErrors, busy } = useAction();

  async function add(event: FormEvent) {
    event.preventDefault();
    const addresseeNumber = draft.addresseeNumber.trim();
    const note = draft.note.trim();
    const added = await run(
      () => addNonDisclosure({ addresseeNumber, reason: draft.reason, note: note === '' ? null : note }),
      `宛名番号 ${addresseeNumber} に不開示設定を行いました。`,
    );
    if (added) {
      setDraft(EMPTY_DRAFT);
    }
  }

  async function remove(addresseeNumber: string) {
    if (
      !window.confirm(
        `宛名番号 ${addresseeNumber} の不開示設定を解除しますか？\n解除すると、この住民の情報は照会に自動で応答されるようになります。`,
      )
    ) {
      return;
    }
    await run(() => removeNonDisclosure(addresseeNumber), `宛名番号 ${addresseeNumber} の不開示設定を解除しました。`);
  }

  return (
    <section>
      <h1>不開示設定</h1>
      <p>
        不開示設定のある住民の情報は、情報提供ネットワークシステムからの照会に自動で応答されません（R16）。設定と解除は監査ログに記録されます。
      </p>
      {message && <Notice testId="non-disclosure-message">{message}</Notice>}
      {error && <ErrorMessage testId="non-disclosure-error">{error}</ErrorMessage>}
      <h2 id="non-disclosure-form-title">不開示設定の追加</h2>
      <form className="entry-form" onSubmit={(event) => void add(event)} aria-labelledby="non-disclosure-form-title">
        <AddresseeNumberField
          id="non-disclosure"
          value={draft.addresseeNumber}
          error={fieldErrors.addresseeNumber}
          onChange={(addresseeNumber) => setDraft({ ...draft, addresseeNumber })}
        />
        <SelectField
          id="non-disclosure-reason"
          label="理由"
          required
          value={draft.reason}
          options={Object.entries(NON_DISCLOSURE_REASON_LABELS).map(([code, label]) => ({ value: code, label }))}
          error={fieldErrors.reason}
          onChange={(reason) => setDraft({ ...draft, reason: reason as NonDisclosureReason | '' })}
        />
        <TextField
          id="non-disclosure-note"
          label={`備考（任意・${NOTE_MAX_LENGTH}文字まで）`}
          maxLength={NOTE_MAX_LENGTH}
          wide
          value={draft.note}
          error={fieldErrors.note}
          onChange={(note) => setDraft({ ...draft, note })}
        />
        <button type="submit" className="primary" data-testid="non-disclosure-add-button" disabled={busy}>
          設定する
        </button>
      </form>
      <h2>設定中の住民</h2>
      <QueryTable
        query={settings}
        empty="不開示設定はありません。"
        columns={['宛名番号', '理由', '設定者', '設定日時', '']}
        tableTestId="non-disclosure-table"
        row={(setting) => (
          <tr key={setting.addresseeNumber} data-testid="non-disclosure-row">
            <td>{setting.addresseeNumber}</td>
            <td>{NON_DISCLOSURE_REASON_LABELS[setting.reason] ?? setting.reason}</td>
            <td>{setting.setBy}</td>
            <td>{formatWarekiDateTime(setting.setAt)}</td>
            <td>
              <button
                type="button"
                data-testid="non-disclosure-remove-button"
                disabled={busy}
                onClick={() => void remove(setting.addresseeNumber)}
              >
                解除
              </button>
            </td>
          </tr>
        )}
      />
    </section>
  );
}
