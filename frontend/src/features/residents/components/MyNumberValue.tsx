import { useAction } from '../../../lib/useAction';
import { useMe } from '../../../lib/auth/AuthProvider';
import { hasPermission } from '../../../lib/auth/roles';
import { revealMyNumber } from '../api';

/** 個人番号: masked; a user with the permission may show it for this page only, and each showing is recorded. */
export function MyNumberValue({ residentId, masked }: { residentId: string; masked: string }) {
  const me = useMe();
  // A reveal changes nothing on screen but this value; the server records it.
  const { run, result, error, busy, reset } = useAction<{ myNumber: string }>({ invalidates: [] });
  const shown = result?.myNumber;
  const reveal = () => run(() => revealMyNumber(residentId));

  if (shown) {
    return (
      <span data-testid="my-number">
        <span className="my-number-revealed">{shown.replace(/(\d{4})(?=\d)/g, '$1 ')}</span>{' '}
        <button type="button" className="link-button" onClick={reset}>
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
