import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { batchRow, batchSummary, DOSE_REFERENCE } from '../../../test/doseFixtures';
import { fakeBackend, STAFF1, SYSTEM_INFO, type RecordedRequest } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { BatchRow, BatchSummary } from '../api';

type Reply = { status: number; body?: unknown } | ((request: RecordedRequest) => { status: number; body?: unknown });

const UNKNOWN_RESIDENT_ROW = batchRow({
  line: 5,
  items: { ...batchRow().items, addresseeNumber: '0000009999', doseDate: '2026-10-01', doctorId: 'D1010301' },
  problems: [
    { code: 'E010', item: 'addresseeNumber', message: 'この宛名番号の住民は登録されていません', warning: false },
    {
      code: 'E052',
      item: 'doctorId',
      message: '接種_医師ID「D1010301」（中央 誠）は医療機関「1110101」に所属していません',
      warning: false,
    },
  ],
  residentName: null,
});

function backend(summaries: BatchSummary[], rows: BatchRow[], extra: Record<string, Reply> = {}) {
  document.cookie = 'XSRF-TOKEN=token-1';
  let reads = 0;
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/doses/reference': { status: 200, body: DOSE_REFERENCE },
    'GET /api/dose-batches/7': () => ({ status: 200, body: summaries[Math.min(reads++, summaries.length - 1)] }),
    'GET /api/dose-batches/7/rows': { status: 200, body: { items: rows, total: rows.length } },
    ...extra,
  });
}

describe('BatchDetailPage', () => {
  it('lists the rejected rows with their エラーコード and re-submits a corrected row', async () => {
    const accepted = batchRow({
      status: 'ACCEPTED',
      items: { ...batchRow().items, doseDate: '2026-10-05' },
      problems: [],
    });
    const { requests } = backend(
      [batchSummary(), batchSummary({ acceptedRows: 38, rejectedRows: 1 })],
      [batchRow(), UNKNOWN_RESIDENT_ROW],
      { 'PUT /api/dose-batches/7/rows/3': { status: 200, body: accepted } },
    );
    renderApp('/dose-batches/7');

    expect(await screen.findByTestId('batch-status')).toHaveTextContent('エラー確認中');
    expect(screen.getByTestId('batch-count-rows')).toHaveTextContent('40');
    expect(screen.getByTestId('batch-count-accepted')).toHaveTextContent('37');
    expect(screen.getByTestId('batch-count-rejected')).toHaveTextContent('2');
    expect(screen.getByTestId('batch-count-excluded')).toHaveTextContent('1');
    expect(screen.getByTestId('batch-open-task')).toHaveAttribute('href', '/tasks/t-90');
    expect(screen.getByTestId('batch-open-task-panel')).toHaveTextContent('次の手順: エラー行の確認（担当: 未割当）');

    const row3 = await screen.findByTestId('batch-row-3');
    const row5 = screen.getByTestId('batch-row-5');
    expect(
      within(row3)
        .getAllByRole('cell')
        .slice(0, 5)
        .map((cell) => cell.textContent),
    ).toEqual([
      'エラー',
      '0000000001山田 太郎',
      'MR（麻しん風しん）1期',
      '令和9年10月5日',
      'E030接種年月日:接種年月日が未来の日付です',
    ]);
    expect(
      within(row5)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'E010宛名番号:この宛名番号の住民は登録されていません',
      'E052接種医師:接種_医師ID「D1010301」（中央 誠）は医療機関「1110101」に所属していません',
    ]);
    expect(requests.find((request) => request.path.startsWith('/api/dose-batches/7/rows'))?.path).toBe(
      '/api/dose-batches/7/rows?status=REJECTED&page=0&size=50',
    );

    await userEvent.click(within(row3).getByTestId('batch-row-edit-3'));
    const editor = screen.getByTestId('batch-row-editor-3');
    const doseDate = within(editor).getByLabelText('接種年月日');
    expect(doseDate).toHaveAttribute('aria-invalid', 'true');
    expect(doseDate).toHaveAccessibleDescription(/E030 接種年月日が未来の日付です$/);
    expect(within(editor).getByLabelText('接種種別')).toHaveValue('MR');
    await userEvent.clear(doseDate);
    await userEvent.type(doseDate, '2026-10-05');
    await userEvent.click(screen.getByTestId('batch-row-save-3'));

    expect(await screen.findByTestId('batch-row-notice')).toHaveTextContent('3行目を受け付けました。');
    expect(screen.getByTestId('batch-row-3')).toHaveAttribute('data-status', 'ACCEPTED');
    expect(screen.queryByTestId('batch-row-editor-3')).not.toBeInTheDocument();
    expect(screen.queryByTestId('batch-row-edit-3')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('batch-count-accepted')).toHaveTextContent('38'));
    expect(screen.getByTestId('batch-count-rejected')).toHaveTextContent('1');

    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.path).toBe('/api/dose-batches/7/rows/3');
    expect(put?.headers['X-XSRF-TOKEN']).toBe('token-1');
    const body = JSON.parse(put!.body!) as { items: Record<string, string>; confirmWarnings: boolean };
    expect(body.confirmWarnings).toBe(false);
    // Every item goes back, the corrected one changed and the empty ones empty.
    expect(body.items).toMatchObject({ ...batchRow().items, doseDate: '2026-10-05', remarks: '' });
    expect(Object.keys(body.items)).toHaveLength(24);
  });

  it('keeps a row that is still wrong open with its new problems, and confirms a warning', async () => {
    const warned = batchRow({
      items: { ...batchRow().items, doseDate: '2026-10-05' },
      problems: [{ code: 'E032', item: 'doseDate', message: '前回の接種からの間隔が足りません', warning: true }],
    });
    const { requests } = backend([batchSummary()], [batchRow()], {
      'PUT /api/dose-batches/7/rows/3': (request) =>
        (JSON.parse(request.body!) as { confirmWarnings: boolean }).confirmWarnings
          ? { status: 200, body: { ...warned, status: 'ACCEPTED' } }
          : { status: 200, body: warned },
    });
    renderApp('/dose-batches/7');

    await userEvent.click(await screen.findByTestId('batch-row-edit-3'));
    const doseDate = screen.getByTestId('batch-row-3-doseDate');
    await userEvent.clear(doseDate);
    await userEvent.type(doseDate, '2026-10-05');
    await userEvent.click(screen.getByTestId('batch-row-save-3'));

    expect(await screen.findByTestId('batch-row-notice')).toHaveTextContent('3行目にはまだエラーがあります。');
    expect(screen.getByTestId('batch-row-3')).toHaveTextContent('E032警告接種年月日:前回の接種からの間隔が足りません');
    expect(doseDate).toHaveAccessibleDescription(/E032 前回の接種からの間隔が足りません$/);
    await userEvent.click(screen.getByTestId('batch-row-confirm-3'));

    await waitFor(() => expect(screen.getByTestId('batch-row-3')).toHaveAttribute('data-status', 'ACCEPTED'));
    expect(
      requests
        .filter((request) => request.method === 'PUT')
        .map((request) => JSON.parse(request.body!).confirmWarnings),
    ).toEqual([false, true]);
  });

  it('excludes a row after confirmation', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    const { requests } = backend([batchSummary()], [batchRow(), UNKNOWN_RESIDENT_ROW], {
      'POST /api/dose-batches/7/rows/5/exclude': { status: 200, body: { ...UNKNOWN_RESIDENT_ROW, status: 'EXCLUDED' } },
    });
    renderApp('/dose-batches/7');

    await userEvent.click(await screen.findByTestId('batch-row-exclude-5'));

    expect(await screen.findByTestId('batch-row-notice')).toHaveTextContent('5行目を除外しました。');
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('5行目を除外しますか？'));
    expect(screen.getByTestId('batch-row-5')).toHaveAttribute('data-status', 'EXCLUDED');
    expect(screen.queryByTestId('batch-row-exclude-5')).not.toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([
      '/api/dose-batches/7/rows/5/exclude',
    ]);
  });

  it('says so when the batch left review meanwhile (409)', async () => {
    backend(
      [batchSummary(), batchSummary({ status: 'AWAITING_APPROVAL', statusLabel: '承認待ち', openTask: null })],
      [batchRow()],
      {
        'PUT /api/dose-batches/7/rows/3': {
          status: 409,
          body: { status: 409, error: 'not_in_review', message: 'この一括登録はエラー確認中ではありません' },
        },
      },
    );
    renderApp('/dose-batches/7');

    await userEvent.click(await screen.findByTestId('batch-row-edit-3'));
    await userEvent.click(screen.getByTestId('batch-row-save-3'));

    expect(await screen.findByTestId('batch-row-error')).toHaveTextContent('この一括登録はエラー確認中ではありません');
    await waitFor(() => expect(screen.getByTestId('batch-status')).toHaveTextContent('承認待ち'));
    // Out of review, rows are a report only.
    expect(screen.queryByTestId('batch-row-edit-3')).not.toBeInTheDocument();
    expect(screen.queryByTestId('batch-row-exclude-3')).not.toBeInTheDocument();
  });
});
