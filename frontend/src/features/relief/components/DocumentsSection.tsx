import { useState, type FormEvent } from 'react';
import { ErrorMessage, Notice } from '../../../components/Message';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { formatWarekiDate, typedWarekiDate } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { readTypedDates } from '../../../lib/wareki';
import { documentUrl, uploadReliefDocument, type Code, type ReliefClaimDetail } from '../api';
import { DataTable } from '../../../components/DataTable';

interface DocumentsSectionProps {
  claim: ReliefClaimDetail;
  documentTypes: Code[];
  today: string;
}

/** Documents received and missing; a scanned document (PDF, PNG, JPEG) is uploaded here and opened to view. */
export function DocumentsSection({ claim, documentTypes, today }: DocumentsSectionProps) {
  const [type, setType] = useState(claim.missingDocuments[0]?.code ?? '');
  const [receivedOn, setReceivedOn] = useState(typedWarekiDate(today));
  const [file, setFile] = useState<File | null>(null);
  const { run, refuse, error, fields: fieldErrors, message: done, busy } = useAction();

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      refuse({ file: 'ファイルを選んでください' });
      return;
    }
    const read = readTypedDates({ receivedOn });
    if (!read.ok) {
      refuse(read.unreadable);
      return;
    }
    if (
      await run(
        () => uploadReliefDocument(claim.id, type, read.dates.receivedOn ?? '', file),
        `${file.name} を登録しました。`,
      )
    ) {
      setFile(null);
    }
  }

  return (
    <section className="case-section" aria-labelledby="relief-documents-title">
      <h2 id="relief-documents-title">書類</h2>
      <h3>不足書類</h3>
      {claim.missingDocuments.length === 0 ? (
        <p data-testid="relief-missing-none">不足書類はありません。</p>
      ) : (
        <ul data-testid="relief-missing-documents">
          {claim.missingDocuments.map((document) => (
            <li key={document.code}>{document.label}</li>
          ))}
        </ul>
      )}
      <h3>受領した書類</h3>
      {claim.documents.length === 0 ? (
        <p className="empty">まだありません。</p>
      ) : (
        <DataTable columns={['書類', '受領日', 'ファイル', '記録者']} testId="relief-documents">
          {claim.documents.map((document) => (
            <tr key={document.id}>
              <td>{document.typeLabel}</td>
              <td>{formatWarekiDate(document.receivedOn)}</td>
              <td>
                {document.fileName ? (
                  <a href={documentUrl(claim.id, document.id)} target="_blank" rel="noreferrer">
                    {document.fileName}（{Math.max(1, Math.round((document.sizeBytes ?? 0) / 1024))}KB）
                  </a>
                ) : (
                  '紙で受領'
                )}
              </td>
              <td>{document.recordedBy}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <form className="entry-form" onSubmit={(event) => void upload(event)} aria-label="書類の登録">
        {error && <ErrorMessage testId="relief-upload-error">{error}</ErrorMessage>}
        {done && <Notice testId="relief-upload-done">{done}</Notice>}
        <SelectField
          id="relief-document-type"
          label="書類の種類"
          required
          requiredMark={false}
          options={documentTypes.map((documentType) => ({ value: documentType.code, label: documentType.label }))}
          value={type}
          error={fieldErrors.type}
          onChange={setType}
        />
        <JapaneseDateField
          id="relief-document-received"
          label="受領日"
          required
          value={receivedOn}
          error={fieldErrors.receivedOn}
          onChange={setReceivedOn}
        />
        <FormField id="relief-document-file" label="ファイル（PDF・PNG・JPEG）" error={fieldErrors.file} wide>
          {(control) => (
            <input
              {...control}
              type="file"
              accept="application/pdf,image/png,image/jpeg"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          )}
        </FormField>
        <button type="submit" data-testid="relief-upload-button" disabled={busy}>
          書類を登録
        </button>
      </form>
    </section>
  );
}
