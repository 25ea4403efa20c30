import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage, Loading } from '../../../components/Message';
import { Pager } from '../../../components/Pager';
import { ProgressBar } from '../../../components/ProgressBar';
import { labelledOptions, SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import type { UploadProgress } from '../../../lib/api';
import { formatWarekiDateTime } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import {
  ENCODING_LABELS,
  FEED_PAGE_SIZE,
  PURPOSE_LABELS,
  feedsQuery,
  uploadFeed,
  type FeedEncoding,
  type FeedPurpose,
} from '../api';

const count = (value: number) => value.toLocaleString('ja-JP');

/** 住民記録の取込: files of the 住民記録システム (異動 or a full extract for 照合) go up here, and every one is listed. */
export function FeedFilesPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '0') || 0;
  const feeds = useQuery(feedsQuery(page));

  return (
    <section>
      <h1>住民記録の取込</h1>
      <p>
        住民記録システムから庁内連携で届いたファイル（CSV）を取り込みます。異動のファイルは全行を検査したあと、エラーがなければ異動日の順に住民記録へ反映されます。全件のファイルは照合に使い、違いを職員が一件ずつ反映するか理由を記録します。
      </p>
      <UploadForm />
      <section className="case-section" aria-labelledby="feed-list-title">
        <h2 id="feed-list-title">受信したファイル</h2>
        {feeds.isPending && <Loading />}
        {feeds.error && <ErrorMessage>{feeds.error.message}</ErrorMessage>}
        {feeds.data &&
          (feeds.data.total === 0 ? (
            <p className="empty">受信したファイルはありません。</p>
          ) : (
            <>
              <DataTable
                columns={['#', '種類', 'ファイル名', '送信元', '受信日時', '行数', 'エラー', '状態']}
                testId="feed-table"
              >
                {feeds.data.items.map((feed) => (
                  <tr key={feed.id}>
                    <td>
                      <Link to={`/residents/feed/${feed.id}`}>{feed.id}</Link>
                    </td>
                    <td>{PURPOSE_LABELS[feed.purpose]}</td>
                    <td>{feed.fileName}</td>
                    <td>{feed.sourceSystem}</td>
                    <td>{formatWarekiDateTime(feed.receivedAt)}</td>
                    <td className="number">{count(feed.lineCount)}</td>
                    <td className="number">{count(feed.rejectedLines)}</td>
                    <td>{feed.statusLabel}</td>
                  </tr>
                ))}
              </DataTable>
              <Pager
                page={page}
                size={FEED_PAGE_SIZE}
                total={feeds.data.total}
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
  const [purpose, setPurpose] = useState<FeedPurpose>('IMPORT');
  const [encoding, setEncoding] = useState<FeedEncoding>('AUTO');
  const [sourceSystem, setSourceSystem] = useState('');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  // The page moves on to the new file, which loads afresh.
  const { run, refuse, reset, error, fields } = useAction({ invalidates: [] });
  const uploading = progress !== null;

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      refuse({}, 'CSVファイルを選択してください。');
      return;
    }
    setProgress({ loaded: 0, total: file.size });
    // A file received before (409) or with a wrong header (400) comes with the server's explanation.
    const uploaded = await run(async () => {
      const feed = await uploadFeed(purpose, file, encoding, sourceSystem, setProgress);
      navigate(`/residents/feed/${feed.id}`);
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
      aria-labelledby="feed-upload-title"
    >
      <h2 id="feed-upload-title" className="form-title">
        ファイルの取り込み
      </h2>
      {error && (
        <div className="form-message">
          <ErrorMessage testId="feed-upload-error">{error}</ErrorMessage>
        </div>
      )}
      <SelectField
        id="feed-upload-purpose"
        label="種類"
        placeholder={null}
        value={purpose}
        disabled={uploading}
        options={labelledOptions(PURPOSE_LABELS)}
        onChange={(value) => setPurpose(value as FeedPurpose)}
      />
      <div className="field field-required">
        <label htmlFor="feed-upload-input">CSVファイル</label>
        <input
          id="feed-upload-input"
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
        id="feed-upload-encoding"
        label="文字コード"
        placeholder={null}
        value={encoding}
        disabled={uploading}
        options={labelledOptions(ENCODING_LABELS)}
        onChange={(value) => setEncoding(value as FeedEncoding)}
      />
      <TextField
        id="feed-upload-source"
        label="送信元システム"
        value={sourceSystem}
        maxLength={64}
        hint="空欄のときは「住民記録システム」"
        error={fields.sourceSystem}
        disabled={uploading}
        onChange={setSourceSystem}
      />
      <button type="submit" className="primary" data-testid="feed-upload-button" disabled={uploading}>
        アップロード
      </button>
      {progress && (
        <div className="form-message">
          <ProgressBar
            label="アップロード"
            value={progress.loaded}
            max={progress.total}
            text={progress.loaded >= progress.total ? '送信しました。サーバーの応答を待っています…' : undefined}
            testId="feed-upload-progress"
          />
        </div>
      )}
    </form>
  );
}
