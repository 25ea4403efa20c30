import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { CamundaForm, fieldLabel, type CamundaFormHandle, type FormValues } from '../../../components/CamundaForm';
import { CaseContextPanel } from '../../../components/CaseContextPanel';
import { CaseDiagram } from '../../../components/CaseDiagram';
import { ErrorMessage, Loading } from '../../../components/Message';
import { useMe } from '../../../lib/auth/AuthProvider';
import { formatWarekiDateTime } from '../../../lib/date';
import { canApprove } from '../../../lib/auth/roles';
import { useAction } from '../../../lib/useAction';
import { claimAndCompleteTask, claimTask, completeTask, taskQuery, unclaimTask } from '../api';
import { CaseNotesPanel } from '../components/CaseNotesPanel';
import { ReassignPanel } from '../components/ReassignPanel';

export function TaskPage() {
  const { taskId = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const detail = useQuery(taskQuery(taskId));
  const formRef = useRef<CamundaFormHandle>(null);
  const formSectionRef = useRef<HTMLElement>(null);
  const action = useAction();
  const busy = action.busy;

  // After claim/unclaim (or a lost race, 409) the task is fetched again; the old data stays meanwhile.
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
  // A step without fields has nothing to enter after claiming it: 完了 claims and completes it in one request.
  const mayClaimAndComplete = !form && task.assignee === null && refusal === null;

  const actionError = action.error && {
    text: action.error,
    fields: Object.entries(action.fields).map(([key, message]) => ({ label: fieldLabel(form, key), message })),
  };

  async function complete(values: FormValues) {
    const send = assignedToMe ? completeTask : claimAndCompleteTask;
    if (await action.run(() => send(task.id, values))) {
      navigate('/tasks', {
        state: { notice: `「${task.name}」（${task.caseLabel}）を完了しました。` },
      });
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
          <h1 tabIndex={-1}>{task.name}</h1>
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
            <dd data-testid="task-due">
              {task.due ? formatWarekiDateTime(task.due) : '—'}
              {task.dueState === 'OVERDUE' && <span className="badge badge-overdue">期限超過</span>}
              {task.dueState === 'DUE_SOON' && <span className="badge badge-due-soon">期限間近</span>}
            </dd>
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
        <section className="task-form" aria-labelledby="task-form-title" ref={formSectionRef}>
          <h2 id="task-form-title">入力</h2>
          {!assignedToMe && task.assignee !== null && (
            <p className="hint">このタスクは{task.assigneeName ?? task.assignee}さんが担当しています。</p>
          )}
          {task.assignee === null && refusal === null && (
            <p className="hint">
              {form ? '入力するには「担当する」を押してください。' : '「完了」を押すと、担当して完了します。'}
            </p>
          )}
          {form ? (
            <CamundaForm
              ref={formRef}
              schema={form}
              data={data}
              readOnly={!mayWork}
              onSubmit={(values) => void complete(values)}
            />
          ) : (
            <p className="empty">この手順に入力項目はありません。</p>
          )}
          <div className="actions">
            {task.assignee === null && (
              <button
                type="button"
                data-testid="claim-button"
                onClick={() =>
                  void action
                    .run(() => claimTask(task.id))
                    .then((claimed) => {
                      if (claimed) {
                        focusFirstFieldOf(formSectionRef.current);
                      }
                    })
                }
                disabled={busy || refusal !== null}
              >
                担当する
              </button>
            )}
            {assignedToMe && (
              <button
                type="button"
                data-testid="unclaim-button"
                onClick={() => void action.run(() => unclaimTask(task.id))}
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
              disabled={busy || !(mayWork || mayClaimAndComplete)}
            >
              完了
            </button>
          </div>
        </section>
      </div>
      {canApprove(me) && <ReassignPanel task={task} />}
      {task.caseId && (
        <div className="case-work">
          <CaseDiagram processKey={task.processKey} caseId={task.caseId} />
          <CaseNotesPanel processKey={task.processKey} caseId={task.caseId} />
        </div>
      )}
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

const EDITABLE =
  '.camunda-form input:not([readonly]):not([disabled]):not([type="hidden"]), ' +
  '.camunda-form textarea:not([readonly]):not([disabled]), .camunda-form select:not([disabled])';

/**
 * After 担当する the button is gone and the form turns editable once the task is fetched again: focus goes to the
 * form's first field (or, for a step without fields, to 完了する) instead of falling to the page.
 */
function focusFirstFieldOf(section: HTMLElement | null, tries = 40) {
  const field = section?.querySelector<HTMLElement>(EDITABLE);
  if (field) {
    field.focus();
  } else if (tries > 0) {
    window.setTimeout(() => focusFirstFieldOf(section, tries - 1), 50);
  } else {
    section?.querySelector<HTMLElement>('[data-testid="complete-button"]')?.focus();
  }
}
