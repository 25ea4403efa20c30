import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { batchRow, batchSummary, DOSE_REFERENCE } from '../../../test/doseFixtures';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { FakeXhr } from '../../../test/fakeXhr';
import { renderApp } from '../../../test/renderApp';
import type { BatchSummary } from '../api';
import { templateCsv } from '../items';

function backend(batches: BatchSummary[], summaries: BatchSummary[] = []) {
  document.cookie = 'XSRF-TOKEN=token-1';
  let reads = 0;
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/doses/reference': { status: 200, body: DOSE_REFERENCE },
    'GET /api/dose-batches': { status: 200, body: { items: batches, total: batches.length } },
    'GET /api/dose-batches/7': () => ({ status: 200, body: summaries[Math.min(reads++, summaries.length - 1)] }),
    'GET /api/dose-batches/7/rows': { status: 200, body: { items: [batchRow()], total: 1 } },
  });
}

const csv = () => new File(['宛名番号,接種種別\n0000000001,MR\n'], 'さくら小児科_202610.csv', { type: 'text/csv' });

describe('BatchUploadPage', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('uploads with a progress bar, then follows the validation every second until review', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    FakeXhr.install();
    const validating = batchSummary({
      status: 'VALIDATING',
      statusLabel: '検証中',
      validatedRows: 10,
      acceptedRows: 0,
      rejectedRows: 0,
      excludedRows: 0,
      openTask: null,
    });
    const { requests } = backend(
      [],
      [
        validating,
        { ...validating, validatedRows: 30 },
        batchSummary({ acceptedRows: 39, rejectedRows: 1, excludedRows: 0 }),
      ],
    );
    const { router } = renderApp('/dose-batches');

    expect(await screen.findByText('取り込んだファイルはありません。')).toBeInTheDocument();
    await user.upload(screen.getByLabelText('CSVファイル'), csv());
    await user.selectOptions(screen.getByLabelText('文字コード'), 'Shift_JIS');
    await user.click(screen.getByTestId('batch-upload-button'));

    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    const xhr = FakeXhr.last();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/dose-batches');
    expect(xhr.withCredentials).toBe(true);
    expect(xhr.headers['X-XSRF-TOKEN']).toBe('token-1');
    const form = xhr.body as FormData;
    expect((form.get('file') as File).name).toBe('さくら小児科_202610.csv');
    expect(form.get('encoding')).toBe('SHIFT_JIS');
    expect(screen.getByTestId('batch-upload-button')).toBeDisabled();

    act(() => xhr.progress(512, 2048));
    const upload = screen.getByTestId('batch-upload-progress');
    expect(upload).toHaveAttribute('value', '512');
    expect(upload).toHaveAttribute('max', '2048');
    expect(upload).toHaveAccessibleName('アップロード');
    expect(screen.getByText('25%')).toBeInTheDocument();

    act(() => xhr.respond(201, validating));

    await waitFor(() => expect(router.state.location.pathname).toBe('/dose-batches/7'));
    const progress = await screen.findByTestId('batch-validation-progress');
    expect(progress).toHaveAttribute('value', '10');
    expect(progress).toHaveAttribute('max', '40');
    expect(screen.getByText('10 / 40 行を検証しました')).toBeInTheDocument();
    expect(screen.getByTestId('batch-status')).toHaveTextContent('検証中');
    // Rows are listed once validation has ended.
    expect(screen.queryByTestId('batch-rows')).not.toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(1000));
    await waitFor(() => expect(screen.getByTestId('batch-validation-progress')).toHaveAttribute('value', '30'));

    await act(() => vi.advanceTimersByTimeAsync(1000));
    await waitFor(() => expect(screen.getByTestId('batch-status')).toHaveTextContent('エラー確認中'));
    expect(screen.queryByTestId('batch-validation-progress')).not.toBeInTheDocument();
    expect(await screen.findByTestId('batch-row-3')).toBeInTheDocument();
    expect(screen.getByTestId('batch-count-rejected')).toHaveTextContent('1');

    // No more polling once the batch is in review.
    const reads = () => requests.filter((request) => request.path === '/api/dose-batches/7').length;
    expect(reads()).toBe(3);
    await act(() => vi.advanceTimersByTimeAsync(3000));
    expect(reads()).toBe(3);
  });

  it('shows why a file was refused and lets the user try again', async () => {
    FakeXhr.install();
    backend([]);
    renderApp('/dose-batches');

    await userEvent.upload(await screen.findByLabelText('CSVファイル'), csv());
    await userEvent.click(screen.getByTestId('batch-upload-button'));
    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    act(() =>
      FakeXhr.last().respond(409, {
        status: 409,
        error: 'duplicate_file',
        message: 'このファイルは既に取り込まれています（一括登録 #5）',
      }),
    );

    expect(await screen.findByTestId('batch-upload-error')).toHaveTextContent(
      'このファイルは既に取り込まれています（一括登録 #5）',
    );
    expect(screen.queryByTestId('batch-upload-progress')).not.toBeInTheDocument();
    expect(screen.getByTestId('batch-upload-button')).toBeEnabled();
  });

  it('lists earlier uploads with their state and counts', async () => {
    backend([
      batchSummary({
        status: 'REGISTERED',
        statusLabel: '登録済み',
        acceptedRows: 39,
        rejectedRows: 0,
        openTask: null,
        approvedBy: 'staff2',
      }),
    ]);
    renderApp('/dose-batches');

    const [row] = await screen.findAllByTestId('batch-list-row');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['#7', 'さくら小児科_202610.csv', '登録済み', '40', '39', '0', '1', 'staff1令和8年11月26日 09:15']);
    expect(within(row).getByRole('link', { name: 'さくら小児科_202610.csv' })).toHaveAttribute(
      'href',
      '/dose-batches/7',
    );
  });

  it('offers a template CSV with the Japanese headers and a UTF-8 BOM', async () => {
    const createObjectURL = vi.fn((blob: Blob) => {
      void blob;
      return 'blob:template';
    });
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    backend([]);
    renderApp('/dose-batches');

    await userEvent.click(await screen.findByTestId('batch-template-download'));

    expect(templateCsv()).toBe(
      '\uFEFF宛名番号,接種種別,接種区分,生年月日,性別,LotNo,接種量,接種_医療機関ID,接種年月日,請求月,実施場所ID,予診区分,' +
        '予診_医療機関ID,予診_医師ID,接種_医師ID,合併前市町村,ワクチン会社,二混合区分,初回ワクチン区分,ツベルクリン判定,大きさ縦,大きさ横,状態,備考\r\n',
    );
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(click).toHaveBeenCalledTimes(1);
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('接種記録_一括登録テンプレート.csv');
    expect(link.href).toBe('blob:template');
    click.mockRestore();
  });
});
