import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorMessage, Loading } from '../../../components/Message';
import { Pager } from '../../../components/Pager';
import { ProgressBar } from '../../../components/ProgressBar';
import { SelectField } from '../../../components/SelectField';
import type { UploadProgress } from '../../../lib/api';
import { saveDownload } from '../../../lib/download';
import { useAction } from '../../../lib/useAction';
import { BATCH_PAGE_SIZE, ENCODING_LABELS, uploadBatch, type BatchEncoding, batchesQuery } from '../api';
import { BatchTable } from '../components/BatchTable';
import { templateCsv } from '../items';

const TEMPLATE_FILE_NAME = '接種記録_一括登録テンプレート.csv';

function downloadTemplate() {
  saveDownload({ blob: new Blob([templateCsv()], { type: 'text/csv;charset=utf-8' }), fileName: TEMPLATE_FILE_NAME });
}

/** 一括登録: the clinics' monthly CSV goes up here, and every upload is listed with its state. */
export function BatchUploadPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '0') || 0;
  const batches = useQuery(batchesQuery(page));

  return (
    <section>
      <h1>一括登録</h1>
      <p>
        医療機関から届いた月次の接種記録（CSV）を取り込みます。全行を検証したあと、エラー行の確認（修正または除外）、別の職員による承認を経て登録されます。
      </p>
      <UploadForm />
      <section className="case-section" aria-labelledby="batch-list-title">
        <h2 id="batch-list-title">取り込み履歴</h2>
        {batches.isPending && <Loading />}
        {batches.error && <ErrorMessage>{batches.error.message}</ErrorMessage>}
        {batches.data &&
          (batches.data.total === 0 ? (
            <p className="empty">取り込んだファイルはありません。</p>
          ) : (
            <>
              <BatchTable batches={batches.data.items} />
              <Pager
                page={page}
                size={BATCH_PAGE_SIZE}
                total={batches.data.total}
                onPage={(next) => setParams({ page: String(next) })}
              />
            </>
          ))}
      </section>
    </section>
  );
}

function UploadForm() {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<BatchEncoding>('AUTO');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  // The page moves on to the new batch, which loads afresh; the history below is fetched again when shown.
  const { run, refuse, reset, error } = useAction({ invalidates: [] });
  const uploading = progress !== null;

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      refuse({}, 'CSVファイルを選択してください。');
      return;
    }
    setProgress({ loaded: 0, total: file.size });
    // A duplicate file (409) or an unreadable one (400) comes with the server's explanation.
    const uploaded = await run(async () => {
      const batch = await uploadBatch(file, encoding, setProgress);
      navigate(`/dose-batches/${batch.id}`);
    });
    if (!uploaded) {
      setProgress(null);
    }
  }

  return (
    <form
      className="entry-form"
      onSubmit={(event) => void upload(event)}
      noValidate
      aria-labelledby="batch-upload-title"
    >
      <h2 id="batch-upload-title" className="form-title">
        CSVファイルの取り込み
      </h2>
      {error && (
        <div className="form-message">
          <ErrorMessage testId="batch-upload-error">{error}</ErrorMessage>
        </div>
      )}
      <div className="field field-required">
        <label htmlFor="batch-upload-input">CSVファイル</label>
        <input
          id="batch-upload-input"
          data-testid="batch-upload-input"
          type="file"
          accept=".csv,text/csv"
          required
          disabled={uploading}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            reset();
          }}
        />
      </div>
      <SelectField
        id="batch-upload-encoding"
        label="文字コード"
        placeholder={null}
        value={encoding}
        disabled={uploading}
        options={Object.entries(ENCODING_LABELS).map(([value, label]) => ({ value, label }))}
        onChange={(value) => setEncoding(value as BatchEncoding)}
      />
      <button type="submit" className="primary" data-testid="batch-upload-button" disabled={uploading}>
        アップロード
      </button>
      <button type="button" data-testid="batch-template-download" onClick={downloadTemplate}>
        テンプレート（CSV）をダウンロード
      </button>
      {progress && (
        <div className="form-message">
          <ProgressBar
            label="アップロード"
            value={progress.loaded}
            max={progress.total}
            text={progress.loaded >= progress.total ? '送信しました。サーバーの応答を待っています…' : undefined}
            testId="batch-upload-progress"
          />
        </div>
      )}
    </form>
  );
}
