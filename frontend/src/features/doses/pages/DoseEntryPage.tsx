import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ErrorMessage, Loading, Notice } from '../../../components/Message';
import type { ResidentSummary } from '../../../lib/residents';
import { registerDose, type DoseReference, doseReferenceQuery } from '../api';
import { DoseItemFields } from '../components/DoseItemFields';
import { ResidentLookupField } from '../components/ResidentLookupField';
import { SubmissionFeedback } from '../components/SubmissionFeedback';
import { filledItems, type DoseItems } from '../items';
import { useDoseSubmission } from '../useDoseSubmission';

interface Registered {
  id: number;
  addresseeNumber: string;
  resident: ResidentSummary | null;
}

/** 接種記録の登録: one dose from a 予診票 at the counter. */
export function DoseEntryPage() {
  const reference = useQuery(doseReferenceQuery());
  const [registered, setRegistered] = useState<Registered | null>(null);
  // A new key gives the next record a fresh form.
  const [formKey, setFormKey] = useState(0);

  return (
    <section>
      <h1>接種記録の登録</h1>
      <p>
        予診票の内容を入力します。エラーコードのある項目は登録できません。間隔の警告は内容を確認のうえ登録できます。
      </p>
      {registered && <RegisteredNotice registered={registered} />}
      {reference.isPending && <Loading />}
      {reference.error && <ErrorMessage>{reference.error.message}</ErrorMessage>}
      {reference.data && (
        <DoseEntryForm
          key={formKey}
          reference={reference.data}
          onStart={() => setRegistered(null)}
          onRegistered={(result) => {
            setRegistered(result);
            setFormKey((key) => key + 1);
          }}
        />
      )}
    </section>
  );
}

function RegisteredNotice({ registered }: { registered: Registered }) {
  const { id, addresseeNumber, resident } = registered;
  return (
    <Notice testId="dose-registered">
      <p>接種記録を登録しました（記録番号 {id}）。</p>
      <p>
        {resident ? (
          <Link to={`/residents/${resident.id}`} data-testid="dose-registered-resident-link">
            {resident.nameKanji}さんの住民詳細（接種履歴）を開く
          </Link>
        ) : (
          <Link
            to="/residents"
            state={{ search: { criteria: { name: '', birthDate: '', addresseeNumber }, page: 0 } }}
            data-testid="dose-registered-resident-link"
          >
            宛名番号 {addresseeNumber} の住民を検索する
          </Link>
        )}
      </p>
    </Notice>
  );
}

interface DoseEntryFormProps {
  reference: DoseReference;
  onStart: () => void;
  onRegistered: (registered: Registered) => void;
}

function DoseEntryForm({ reference, onStart, onRegistered }: DoseEntryFormProps) {
  const [items, setItems] = useState<DoseItems>({});
  const [resident, setResident] = useState<ResidentSummary | null>(null);
  const submission = useDoseSubmission();
  const errors = submission.refusal?.fields ?? {};

  function change(next: DoseItems) {
    setItems(next);
    submission.itemsChanged();
  }

  async function register(confirmWarnings: boolean) {
    onStart();
    const sent = filledItems(items);
    const result = await submission.submit((confirm) => registerDose(sent, confirm), confirmWarnings);
    if (result) {
      onRegistered({ id: result.id, addresseeNumber: sent.addresseeNumber ?? '', resident });
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void register(false);
  }

  return (
    <form className="dose-form" onSubmit={handleSubmit} noValidate aria-label="接種記録の入力">
      <SubmissionFeedback
        refusal={submission.refusal}
        busy={submission.busy}
        testId="dose-entry"
        confirmLabel="確認のうえ登録する"
        onConfirm={() => void register(true)}
      />
      <DoseItemFields
        idPrefix="dose-entry"
        items={items}
        errors={errors}
        reference={reference}
        onChange={change}
        addresseeField={
          <ResidentLookupField
            id="dose-entry"
            value={items.addresseeNumber ?? ''}
            error={errors.addresseeNumber}
            onChange={(addresseeNumber) => change({ ...items, addresseeNumber })}
            onResident={setResident}
          />
        }
      />
      <div className="actions">
        <button type="submit" className="primary" data-testid="dose-entry-submit" disabled={submission.busy}>
          登録する
        </button>
      </div>
    </form>
  );
}
