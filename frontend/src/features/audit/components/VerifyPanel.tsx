import { useState } from 'react';
import { ErrorMessage, Notice } from '../../../components/Message';
import { asApiError } from '../../../lib/useAsync';
import { verifyAuditLog, type AuditVerification } from '../api';

export function VerifyPanel() {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      setResult(await verifyAuditLog());
    } catch (failure) {
      setResult(null);
      setError(asApiError(failure).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="verify-panel" aria-labelledby="verify-title">
      <h2 id="verify-title">改ざん検査</h2>
      <p>監査ログのハッシュ連鎖を先頭から検査します。</p>
      <button type="button" className="primary" data-testid="audit-verify-button" onClick={() => void verify()} disabled={busy}>
        {busy ? '検査中…' : '検査する'}
      </button>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {result &&
        (result.intact ? (
          <Notice testId="audit-verify-result">
            <strong>改ざんなし</strong>（{result.checked.toLocaleString('ja-JP')}件を検査）
          </Notice>
        ) : (
          <ErrorMessage testId="audit-verify-result">
            <strong>改ざん検知</strong>：記録ID {result.firstBrokenId ?? '不明'} 以降の連鎖が一致しません
            {result.reason && `（${result.reason}）`}。{result.checked.toLocaleString('ja-JP')}件を検査しました。
          </ErrorMessage>
        ))}
    </section>
  );
}
