import { useState, type FormEvent } from 'react';
import { ErrorMessage, FieldError, Notice } from '../../../components/Message';
import { formatWarekiDate } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
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
  const [receivedOn, setReceivedOn] = useState(today);
  const [file, setFile] = useState<File | null>(null);
  const { run, refuse, error, fields: fieldErrors, message: done, busy } = useAction();

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      refuse({ file: 'ファイルを選んでください' });
      return;
    }
    if (await run(() => uploadReliefDocument(claim.id, type, receivedOn, file), `${file.name} を登録しました。`)) {
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
        <div className="field">
          <label htmlFor="relief-document-type">書類の種類</label>
          <select
            id="relief-document-type"
            data-testid="relief-document-type"
            value={type}
            required
            onChange={(event) => setType(event.target.value)}
          >
            <option value="">選択してください</option>
            {documentTypes.map((documentType) => (
              <option key={documentType.code} value={documentType.code}>
                {documentType.label}
              </option>
            ))}
          </select>
          <FieldError id="relief-document-type-error" message={fieldErrors.type} />
        </div>
        <div className="field">
          <label htmlFor="relief-document-received">受領日</label>
          <input
            id="relief-document-received"
            type="date"
            value={receivedOn}
            max={today}
            required
            onChange={(event) => setReceivedOn(event.target.value)}
          />
          <FieldError id="relief-document-received-error" message={fieldErrors.receivedOn} />
        </div>
        <div className="field field-wide">
          <label htmlFor="relief-document-file">ファイル（PDF・PNG・JPEG）</label>
          <input
            id="relief-document-file"
            data-testid="relief-document-file"
            type="file"
            accept="application/pdf,image/png,image/jpeg"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          <FieldError id="relief-document-file-error" message={fieldErrors.file} />
        </div>
        <button type="submit" data-testid="relief-upload-button" disabled={busy}>
          書類を登録
        </button>
      </form>
    </section>
  );
}
