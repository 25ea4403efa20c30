import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Notice } from '../../../components/Message';
import { TextField } from '../../../components/TextField';
import { formatWarekiDate } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { assignTask, candidatesQuery, type Candidate, type TaskSummary } from '../api';

function describe(candidate: Candidate): string {
  const notes = [
    candidate.holder ? '現在の担当' : null,
    candidate.away
      ? `不在 ${formatWarekiDate(candidate.away.endsOn)}まで${candidate.away.standInName ? `・代理 ${candidate.away.standInName}` : ''}`
      : null,
    candidate.refusal ? '割り当て不可' : null,
  ].filter(Boolean);
  return notes.length === 0 ? candidate.displayName : `${candidate.displayName}（${notes.join('・')}）`;
}

/**
 * A supervisor gives the step to a colleague or releases it, with a reason. Colleagues the four-eyes rule refuses are
 * listed but cannot be chosen, with the reason under the list; an absent holder's stand-in is suggested.
 */
export function ReassignPanel({ task }: { task: TaskSummary }) {
  const candidates = useQuery(candidatesQuery(task.id));
  const standIn = task.assigneeAway?.standIn ?? '';
  const [assignee, setAssignee] = useState(standIn);
  const [reason, setReason] = useState('');
  const action = useAction<TaskSummary>();
  const chosen = candidates.data?.find((candidate) => candidate.username === assignee);

  async function submit(event: FormEvent, release: boolean) {
    event.preventDefault();
    const target = release ? null : assignee;
    const label = release ? '担当を外しました。' : `${chosen?.displayName ?? assignee}さんに割り当てました。`;
    if (await action.run(() => assignTask(task.id, target, reason), label)) {
      setReason('');
    }
  }

  return (
    <section className="reassign-panel" aria-labelledby="reassign-title" data-testid="reassign-panel">
      <h2 id="reassign-title">担当の割り当て（上長）</h2>
      {task.assigneeAway && (
        <p className="hint" data-testid="holder-away">
          担当の{task.assigneeName}さんは不在です
          {task.assigneeAway.standInName ? `（代理: ${task.assigneeAway.standInName}）` : ''}。
        </p>
      )}
      <form onSubmit={(event) => void submit(event, false)}>
        <div className="field">
          <label htmlFor="assign-to">割り当てる職員</label>
          <select
            id="assign-to"
            data-testid="assign-to"
            value={assignee}
            onChange={(event) => setAssignee(event.target.value)}
            aria-describedby={chosen?.refusal ? 'assign-refusal' : undefined}
          >
            <option value="">選択してください</option>
            {(candidates.data ?? []).map((candidate) => (
              <option key={candidate.username} value={candidate.username} disabled={candidate.holder}>
                {describe(candidate)}
              </option>
            ))}
          </select>
          {chosen?.refusal && (
            <p className="field-error" id="assign-refusal" data-testid="assign-refusal">
              {chosen.displayName}さんには割り当てられません: {chosen.refusal}
            </p>
          )}
        </div>
        <TextField
          id="assign-reason"
          label="理由"
          value={reason}
          onChange={setReason}
          required
          maxLength={200}
          error={action.fields.reason}
          hint="例: 担当者の病欠のため（監査ログに記録されます）"
        />
        <div className="actions">
          <button
            type="submit"
            className="primary"
            data-testid="assign-button"
            disabled={action.busy || assignee === '' || Boolean(chosen?.refusal)}
          >
            割り当てる
          </button>
          {task.assignee && (
            <button type="button" onClick={(event) => void submit(event, true)} disabled={action.busy}>
              担当を外す（未割当に戻す）
            </button>
          )}
        </div>
      </form>
      {action.message && <Notice testId="assign-message">{action.message}</Notice>}
      {action.error && <ErrorMessage testId="assign-error">{action.error}</ErrorMessage>}
    </section>
  );
}
