import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CsvEncodingSelect } from '../../../components/CsvEncodingSelect';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { ErrorMessage, Notice } from '../../../components/Message';
import { SelectField } from '../../../components/SelectField';
import type { Download } from '../../../lib/api';
import { useMe } from '../../../lib/auth/AuthProvider';
import { hasPermission } from '../../../lib/auth/roles';
import { CSV_ENCODING_LABELS, type CsvEncoding } from '../../../lib/csv';
import { saveDownload } from '../../../lib/download';
import { useAction } from '../../../lib/useAction';
import { parseJapaneseDate } from '../../../lib/wareki';
import { doseExportOptionsQuery, exportDoseRecords } from '../api';

/**
 * 接種実績のCSV出力 (R12, R32): every item of the dose records of a period, optionally one vaccine and one district.
 * Needs the EXPORT permission; the file never holds a 個人番号, and every export is recorded in the audit log.
 */
export function DoseExportPage() {
  const permitted = hasPermission(useMe(), 'EXPORT');
  const options = useQuery(doseExportOptionsQuery());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [vaccine, setVaccine] = useState('');
  const [district, setDistrict] = useState('');
  const [encoding, setEncoding] = useState<CsvEncoding>('UTF8_BOM');
  // An export changes nothing on screen: only the audit log, which records it.
  const { run, busy, message, error, fields } = useAction<Download>({ invalidates: [] });

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(
      () =>
        exportDoseRecords(
          { from: parseJapaneseDate(from) ?? from, to: parseJapaneseDate(to) ?? to, vaccine, district },
          encoding,
        ),
      (file) => {
        saveDownload(file);
        return `${file.headers.get('X-Row-Count') ?? ''}件の接種実績をCSV（${CSV_ENCODING_LABELS[encoding]}）で出力しました。出力は監査ログに記録されています。`;
      },
    );
  }

  return (
    <section>
      <h1>接種実績の出力</h1>
      <p>
        接種年月日の期間を指定して、接種実績（予防接種ファイルの25項目）をCSVで出力します。ワクチンと地区（住民登録のある方の住所の町名）で絞り込めます。
        ファイルに個人番号は含まれません（備考などに書かれた個人番号も伏せて出力します）。
      </p>
      {!permitted ? (
        <p className="hint" data-testid="dose-export-not-permitted">
          接種実績の出力には「CSV出力」の権限が必要です（R12）。
        </p>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <JapaneseDateField
            id="dose-export-from"
            label="接種年月日（から）"
            value={from}
            onChange={setFrom}
            error={fields.from}
            required
          />
          <JapaneseDateField
            id="dose-export-to"
            label="接種年月日（まで）"
            value={to}
            onChange={setTo}
            error={fields.to}
            required
          />
          <SelectField
            id="dose-export-vaccine"
            label="ワクチン"
            value={vaccine}
            onChange={setVaccine}
            placeholder="すべて"
            error={fields.vaccine}
            options={(options.data?.vaccines ?? []).map((option) => ({ value: option.code, label: option.name }))}
          />
          <SelectField
            id="dose-export-district"
            label="地区"
            value={district}
            onChange={setDistrict}
            placeholder="すべて"
            error={fields.district}
            options={(options.data?.districts ?? []).map((name) => ({ value: name, label: name }))}
          />
          <div className="actions">
            <div className="inline-inputs">
              <CsvEncodingSelect id="dose-export-encoding" value={encoding} onChange={setEncoding} />
              <button type="submit" disabled={busy} data-testid="dose-export-submit">
                CSV出力
              </button>
            </div>
          </div>
          {message && <Notice testId="dose-export-notice">{message}</Notice>}
          {error && <ErrorMessage testId="dose-export-error">{error}</ErrorMessage>}
        </form>
      )}
    </section>
  );
}
