import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { type FormValues, valuesFromParams } from '../../../components/CamundaForm';
import { ErrorMessage, Loading } from '../../../components/Message';
import { forUsers } from '../../../lib/words';
import { processesQuery } from '../api';
import { StartProcessPanel } from '../components/StartProcessPanel';

export function CataloguePage() {
  const processes = useQuery(processesQuery());
  // ?start=ProcessKey opens that process's start form, e.g. from a feature's list page; the other parameters fill
  // its fields (?start=WrongVaccinationReport&doseRecordId=12). A resident's identifiers come in the navigation's
  // state instead ({ values: { addresseeNumber } }), so that they never appear in a URL.
  const [searchParams] = useSearchParams();
  const stateValues = (useLocation().state as { values?: FormValues } | null)?.values;
  const [selectedKey, setSelectedKey] = useState<string | null>(searchParams.get('start'));
  const linked = searchParams.get('start');
  const selectedForm = processes.data?.find((process) => process.key === selectedKey)?.startForm ?? null;
  const initialValues = useMemo(
    () => (selectedKey === linked ? { ...valuesFromParams(selectedForm, searchParams), ...stateValues } : undefined),
    [selectedKey, linked, selectedForm, searchParams, stateValues],
  );

  if (processes.isPending) {
    return <Loading />;
  }
  if (processes.error || !processes.data) {
    return <ErrorMessage>{processes.error?.message}</ErrorMessage>;
  }

  const selected = processes.data.find((process) => process.key === selectedKey) ?? null;
  return (
    <section>
      <h1>業務の開始</h1>
      {processes.data.length === 0 && <p className="empty">開始できる業務はありません。</p>}
      <ul className="process-cards">
        {processes.data.map((process) => (
          <li key={process.key}>
            <button
              type="button"
              className={process.key === selectedKey ? 'process-card selected' : 'process-card'}
              data-testid={`process-card-${process.key}`}
              aria-pressed={process.key === selectedKey}
              onClick={() => setSelectedKey(process.key)}
            >
              <span className="process-name">{process.name}</span>
              <span className="process-description">{forUsers(process.description ?? '')}</span>
            </button>
          </li>
        ))}
      </ul>
      {selected && (
        <StartProcessPanel
          key={selected.key}
          process={selected}
          initialValues={initialValues}
          onClose={() => setSelectedKey(null)}
        />
      )}
    </section>
  );
}
