import { useRef } from 'react';
import { Link } from 'react-router-dom';
import { CamundaForm, fieldLabel, type CamundaFormHandle, type FormValues } from '../../../components/CamundaForm';
import { ErrorMessage, Notice } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
import { startProcess, type ProcessDefinition, type StartedProcess } from '../api';
import { forUsers } from '../../../lib/words';

interface StartProcessPanelProps {
  process: ProcessDefinition;
  /** What the start form opens with, e.g. the dose record a wrong-vaccination report is about. */
  initialValues?: FormValues;
  onClose: () => void;
}

export function StartProcessPanel({ process, initialValues, onClose }: StartProcessPanelProps) {
  const formRef = useRef<CamundaFormHandle>(null);
  const action = useAction<StartedProcess>();
  const { busy, result: started } = action;
  const error = action.error && {
    text: action.error,
    fields: Object.entries(action.fields).map(([key, message]) => `${fieldLabel(process.startForm, key)}: ${message}`),
  };

  const start = (values: FormValues) => action.run(() => startProcess(process.key, values));

  if (started) {
    return (
      <section className="start-panel" aria-labelledby="start-panel-title">
        <h2 id="start-panel-title">{process.name}</h2>
        <Notice testId="start-result">
          業務を開始しました。案件: <strong data-testid="started-case-label">{started.caseLabel}</strong>
        </Notice>
        <div className="actions">
          <Link to="/tasks?view=group">タスク一覧へ</Link>
          <button type="button" onClick={action.reset}>
            続けて開始する
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="start-panel" aria-labelledby="start-panel-title">
      <h2 id="start-panel-title">{process.name}</h2>
      {process.description && <p>{forUsers(process.description)}</p>}
      {error && (
        <ErrorMessage testId="start-message">
          <p>{error.text}</p>
          {error.fields.length > 0 && (
            <ul>
              {error.fields.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </ErrorMessage>
      )}
      {process.startForm && (
        <CamundaForm
          ref={formRef}
          schema={process.startForm}
          data={initialValues}
          onSubmit={(values) => void start(values)}
        />
      )}
      <div className="actions">
        <button type="button" onClick={onClose} disabled={busy}>
          キャンセル
        </button>
        <button
          type="button"
          className="primary"
          data-testid="start-button"
          disabled={busy}
          onClick={() => (process.startForm ? formRef.current?.submit() : void start({}))}
        >
          開始
        </button>
      </div>
    </section>
  );
}
