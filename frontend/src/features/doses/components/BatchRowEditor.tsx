import { useState, type FormEvent } from 'react';
import { AddresseeNumberField } from '../../../components/AddresseeNumberField';
import { ErrorMessage } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
import { correctBatchRow, type BatchRow, type DoseReference } from '../api';
import { allItems, type DoseItems } from '../items';
import { fieldsFromProblems, problemsFromRow } from '../problems';
import { DoseItemFields } from './DoseItemFields';
import { WarningConfirmation } from './SubmissionFeedback';

interface BatchRowEditorProps {
  batchId: string;
  row: BatchRow;
  reference: DoseReference;
  /** The row as the server re-validated it, accepted or still rejected. */
  onSaved: (row: BatchRow) => void;
  /** The batch left review meanwhile (409): the page says why and shows the batch's present state. */
  onConflict: (message: string) => void;
  onClose: () => void;
}

/** The correction of one rejected CSV line, with the same fields as the counter's entry form. */
export function BatchRowEditor({ batchId, row, reference, onSaved, onConflict, onClose }: BatchRowEditorProps) {
  const [items, setItems] = useState<DoseItems>(row.items);
  // The problems refer to the values they were found in; once the user edits, a confirmation no longer applies.
  const [edited, setEdited] = useState(false);
  // The table around the editor refreshes the batch and says what became of the row; a 409 closes this editor (the
  // batch left review), so its message goes to the table, and only other refusals stay here.
  const { run, busy, error, failure } = useAction<BatchRow>({
    invalidates: [],
    onFailure: (refusal) => {
      if (refusal.status === 409) {
        onConflict(refusal.message);
      }
    },
  });
  const idPrefix = `batch-row-${row.line}`;
  const onlyWarnings = row.problems.length > 0 && row.problems.every((problem) => problem.warning);

  async function save(confirmWarnings: boolean) {
    await run(async () => {
      const saved = await correctBatchRow(batchId, row.line, allItems(items), confirmWarnings);
      setItems(saved.items);
      setEdited(false);
      onSaved(saved);
      return saved;
    });
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void save(false);
  }

  return (
    <form
      className="dose-form row-editor"
      onSubmit={handleSubmit}
      noValidate
      aria-label={`${row.line}行目の修正`}
      data-testid={`${idPrefix}-form`}
    >
      {error && failure?.status !== 409 && <ErrorMessage testId={`${idPrefix}-error`}>{error}</ErrorMessage>}
      {onlyWarnings && !edited && (
        <WarningConfirmation
          message="確認が必要な項目があります。内容を確かめ、このまま受け付ける場合は確認のうえ登録してください。"
          problems={problemsFromRow(row.problems)}
          confirmLabel="確認のうえ登録する"
          busy={busy}
          onConfirm={() => void save(true)}
          testId={`${idPrefix}-confirmation`}
          confirmTestId={`batch-row-confirm-${row.line}`}
        />
      )}
      <DoseItemFields
        idPrefix={idPrefix}
        items={items}
        errors={fieldsFromProblems(row.problems)}
        reference={reference}
        onChange={(next) => {
          setItems(next);
          setEdited(true);
        }}
        addresseeField={
          <AddresseeNumberField
            id={idPrefix}
            value={items.addresseeNumber ?? ''}
            error={fieldsFromProblems(row.problems).addresseeNumber}
            onChange={(addresseeNumber) => {
              setItems({ ...items, addresseeNumber });
              setEdited(true);
            }}
          />
        }
      />
      <div className="actions">
        <button type="button" onClick={onClose} disabled={busy}>
          閉じる
        </button>
        <button type="submit" className="primary" data-testid={`batch-row-save-${row.line}`} disabled={busy}>
          修正して再検証
        </button>
      </div>
    </form>
  );
}
