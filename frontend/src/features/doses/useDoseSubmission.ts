import { useCallback, useState } from 'react';
import type { FieldErrors } from '../../lib/api';
import { asApiError } from '../../lib/api';

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

/** The submit cycle shared by registration and correction: 400 errors by item, 422 confirmation, 409 conflict. */
export function useDoseSubmission(): DoseSubmission {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const submit = useCallback(
    async <T>(send: (confirmWarnings: boolean) => Promise<T>, confirmWarnings = false): Promise<T | undefined> => {
      setBusy(true);
      setRefusal(null);
      try {
        return await send(confirmWarnings);
      } catch (failure) {
        const error = asApiError(failure);
        setRefusal({
          status: error.status,
          code: error.code,
          message: error.message,
          fields: error.fields,
          needsConfirmation: error.status === 422 || error.code === 'confirmation_required',
          conflict: error.status === 409,
        });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [],
  );

  const itemsChanged = useCallback(() => {
    setRefusal((current) => (current?.needsConfirmation ? null : current));
  }, []);

  const clear = useCallback(() => setRefusal(null), []);

  return { busy, refusal, submit, itemsChanged, clear };
}
