import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { CamundaForm, fieldLabel, type CamundaFormHandle, type FormValues } from '../../../components/CamundaForm';
import { ErrorMessage, Loading } from '../../../components/Message';
import { ApiError } from '../../../lib/api';
import { formatWarekiDateTime } from '../../../lib/date';
import { asApiError, useAsync } from '../../../lib/useAsync';
import { useMe } from '../../auth/AuthProvider';
import { claimTask, completeTask, fetchTask, unclaimTask, type TaskDetail } from '../api';
import { CaseContextPanel } from '../components/CaseContextPanel';

interface ActionError {
  text: string;
  fields: { label: string; message: string }[];
}

function toActionError(failure: unknown, detail: TaskDetail): ActionError {
  const error = asApiError(failure);
  return {
    text: error.message,
    fields: Object.entries(error.fields).map(([key, message]) => ({
      label: fieldLabel(detail.form, key),
      message,
    })),
  };
}

export function TaskPage() {
  const { taskId = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const detail = useAsync(() => fetchTask(taskId), [taskId]);
  const formRef = useRef<CamundaFormHandle>(null);
  const [actionError, setActionError] = useState<ActionError | null>(null);
  const [busy, setBusy] = useState(false);

  // After claim/unclaim the page reloads in place; keep showing the old data meanwhile.
  if (!detail.data) {
    if (detail.error) {
      return (
        <section>
          <BackLink />
          <ErrorMessage testId="task-message">
            {detail.error.status === 404 ? 'このタスクは完了済みか、存在しません。' : detail.error.message}
          </ErrorMessage>
        </section>
      );
    }
    return <Loading />;
  }

  const current = detail.data;
  const { task, form, data, context, canComplete, refusal } = current;
  const assignedToMe = task.assignee === me.username;
  const mayWork = canComplete && refusal === null && assignedToMe;

  async function runAction(action: () => Promise<unknown>) {
    setBusy(true);
    setActionError(null);
    try {
      await action();
      detail.reload();
    } catch (failure) {
      setActionError(toActionError(failure, current));
      // Someone else acted on the task in the meantime; show its present state.
      if (failure instanceof ApiError && failure.status === 409) {
        detail.reload();
      }
    } finally {
      setBusy(false);
    }
  }

  async function complete(values: FormValues) {
    setBusy(true);
    setActionError(null);
    try {
      await completeTask(task.id, values);
      navigate('/tasks', {
        state: { notice: `「${task.name}」（${task.caseLabel}）を完了しました。` },
      });
    } catch (failure) {
      setActionError(toActionError(failure, current));
      setBusy(false);
    }
  }

  function handleCompleteClick() {
    if (form) {
      formRef.current?.submit();
    } else {
      void complete({});
    }
  }

  return (
    <section className="task-page">
      <BackLink />
      <div className="page-heading">
        <div>
          <h1>{task.name}</h1>
          <p className="subtitle">
            {task.processName}・{task.caseLabel}
          </p>
        </div>
        <dl className="task-facts">
          <div>
            <dt>担当者</dt>
            <dd data-testid="task-assignee">{task.assigneeName ?? '未割当'}</dd>
          </div>
          <div>
            <dt>作成日時</dt>
            <dd>{formatWarekiDateTime(task.created)}</dd>
          </div>
          <div>
            <dt>期限</dt>
            <dd>{task.due ? formatWarekiDateTime(task.due) : '—'}</dd>
          </div>
        </dl>
      </div>

      {(refusal || actionError) && (
        <div className="message message-error" role="alert" data-testid="task-message">
          {refusal && <p className="refusal">{refusal}</p>}
          {actionError && (
            <>
              <p>{actionError.text}</p>
              {actionError.fields.length > 0 && (
                <ul>
                  {actionError.fields.map((field) => (
                    <li key={field.label}>
                      {field.label}: {field.message}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      )}

      <div className="task-layout">
        <CaseContextPanel context={context} />
        <section className="task-form" aria-labelledby="task-form-title">
          <h2 id="task-form-title">入力</h2>
          {!assignedToMe && task.assignee !== null && (
            <p className="hint">このタスクは{task.assigneeName ?? task.assignee}さんが担当しています。</p>
          )}
          {task.assignee === null && refusal === null && (
            <p className="hint">入力するには「担当する」を押してください。</p>
          )}
          {form ? (
            <CamundaForm ref={formRef} schema={form} data={data} readOnly={!mayWork} onSubmit={(values) => void complete(values)} />
          ) : (
            <p className="empty">この手順に入力項目はありません。</p>
          )}
          <div className="actions">
            {task.assignee === null && (
              <button
                type="button"
                data-testid="claim-button"
                onClick={() => void runAction(() => claimTask(task.id))}
                disabled={busy || refusal !== null}
              >
                担当する
              </button>
            )}
            {assignedToMe && (
              <button
                type="button"
                data-testid="unclaim-button"
                onClick={() => void runAction(() => unclaimTask(task.id))}
                disabled={busy}
              >
                担当を外す
              </button>
            )}
            <button
              type="button"
              className="primary"
              data-testid="complete-button"
              onClick={handleCompleteClick}
              disabled={busy || !mayWork}
            >
              完了
            </button>
          </div>
        </section>
      </div>
    </section>
  );
}

function BackLink() {
  return (
    <p className="back-link">
      <Link to="/tasks">← タスク一覧へ戻る</Link>
    </p>
  );
}
