import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { useMe } from '../../../lib/auth/AuthProvider';
import { hasPermission } from '../../../lib/auth/roles';
import { revealMyNumber } from '../api';

/** 個人番号: masked; a user with the permission may show it for this page only, and each showing is recorded. */
export function MyNumberValue({ residentId, masked }: { residentId: string; masked: string }) {
  const me = useMe();
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function reveal() {
    setBusy(true);
    setError(null);
    try {
      setShown((await revealMyNumber(residentId)).myNumber);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '個人番号を表示できませんでした。');
    } finally {
      setBusy(false);
    }
  }

  if (shown) {
    return (
      <span data-testid="my-number">
        <span className="my-number-revealed">{shown.replace(/(\d{4})(?=\d)/g, '$1 ')}</span>{' '}
        <button type="button" className="link-button" onClick={() => setShown(null)}>
          隠す
        </button>
      </span>
    );
  }
  return (
    <span data-testid="my-number">
      {masked}
      {hasPermission(me, 'REVEAL_MY_NUMBER') && (
        <>
          {' '}
          <button type="button" className="link-button" disabled={busy} onClick={() => void reveal()}>
            表示（記録されます）
          </button>
        </>
      )}
      {error && (
        <span className="field-error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}
