import { useQuery } from '@tanstack/react-query';
import { ErrorMessage, Notice } from '../../../components/Message';
import { formatWarekiDateTime } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { auditKeys, latestVerificationQuery, verifyAuditLog, type AuditVerification } from '../api';

const TRIGGER_LABELS = { NIGHTLY: '夜間の自動検査', ON_DEMAND: '手動の検査' } as const;

/** A break found by the nightly run shows as soon as an auditor opens the page. */
function LastRun({ run }: { run: AuditVerification }) {
  const when = `${run.ranAt ? formatWarekiDateTime(run.ranAt) : ''}（${run.trigger ? TRIGGER_LABELS[run.trigger] : ''}）`;
  return run.intact ? (
    <p className="subtitle" data-testid="audit-last-run">
      前回の検査: {when} 改ざんなし
    </p>
  ) : (
    <ErrorMessage testId="audit-last-run">
      <strong>前回の検査で改ざんを検知しました</strong>: {when} 記録ID {run.firstBrokenId ?? '不明'}
      {run.reason && `（${run.reason}）`}
    </ErrorMessage>
  );
}

export function VerifyPanel() {
  // A check on demand becomes the latest run; nothing else changes.
  const { run, result, error, busy } = useAction<AuditVerification>({ invalidates: [auditKeys.all] });
  const last = useQuery(latestVerificationQuery());

  const verify = () => run(verifyAuditLog);

  return (
    <section className="verify-panel" aria-labelledby="verify-title">
      <h2 id="verify-title">改ざん検査</h2>
      <p>監査ログのハッシュ連鎖を先頭から検査します。毎晩自動でも検査しています。</p>
      {last.data && !result && <LastRun run={last.data} />}
      <button
        type="button"
        className="primary"
        data-testid="audit-verify-button"
        onClick={() => void verify()}
        disabled={busy}
      >
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
