import type { FieldErrors } from '../../lib/api';
import { useAction } from '../../lib/useAction';

/** Why the server did not take a dose record. */
export interface Refusal {
  status: number;
  code: string | null;
  message: string;
  /** By item key: "E030 接種年月日が未来の日付です". */
  fields: FieldErrors;
  /** Only warnings: the same items may be sent again once a person has confirmed them. */
  needsConfirmation: boolean;
  /** Someone else changed the record first. */
  conflict: boolean;
}

export interface DoseSubmission {
  busy: boolean;
  refusal: Refusal | null;
  /** Sends with confirmWarnings=false, or true for the 「確認のうえ登録する」 button; undefined when refused. */
  submit: <T>(send: (confirmWarnings: boolean) => Promise<T>, confirmWarnings?: boolean) => Promise<T | undefined>;
  /** Call when the items change: a confirmation given for other values must not carry over. */
  itemsChanged: () => void;
  clear: () => void;
}

/**
 * The submit cycle shared by registration and correction: 400 errors by item, 422 confirmation, 409 conflict.
 * It refreshes no query itself: the correction form is keyed by the record's version, and fetching the record after
 * a 409 would replace the form, and the conflict message with its 「最新の内容を読み込む」, before the user chose to.
 * The pages reload what they show when they move on.
 */
export function useDoseSubmission(): DoseSubmission {
  const action = useAction({ invalidates: [] });
  const { failure } = action;
  const refusal: Refusal | null = failure && {
    status: failure.status,
    code: failure.code,
    message: failure.message,
    fields: failure.fields,
    needsConfirmation: failure.status === 422 || failure.code === 'confirmation_required',
    conflict: failure.status === 409,
  };

  async function submit<T>(send: (confirmWarnings: boolean) => Promise<T>, confirmWarnings = false) {
    let sent: T | undefined;
    const succeeded = await action.run(async () => {
      sent = await send(confirmWarnings);
    });
    return succeeded ? sent : undefined;
  }

  function itemsChanged() {
    if (refusal?.needsConfirmation) {
      action.reset();
    }
  }

  return { busy: action.busy, refusal, submit, itemsChanged, clear: action.reset };
}
