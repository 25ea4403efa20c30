import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { FakeXhr } from '../../../test/fakeXhr';
import { renderApp } from '../../../test/renderApp';
import type { Difference, FeedLine, FeedSummary } from '../api';

function feed(overrides: Partial<FeedSummary> = {}): FeedSummary {
  return {
    id: 7,
    purpose: 'IMPORT',
    sourceSystem: '住民記録システム',
    fileName: 'ido_20261205.csv',
    encoding: 'SHIFT_JIS',
    status: 'REVIEW',
    statusLabel: 'エラー行の確認中',
    lineCount: 40,
    checkedLines: 40,
    acceptedLines: 39,
    rejectedLines: 1,
    appliedLines: null,
    repeatedLines: null,
    supersededLines: null,
    receivedBy: 'staff1',
    receivedAt: '2026-12-05T01:00:00Z',
    appliedAt: null,
    reviewedBy: null,
    reviewNote: null,
    openTask: { id: 'task-9', name: 'エラー行の確認', assignee: null },
    ...overrides,
  };
}

const REJECTED_LINE: FeedLine = {
  line: 3,
  status: 'REJECTED',
  items: { event: '転出', movedOn: '2026-12-01', addresseeNumber: '7000000123' },
  problems: [
    {
      code: 'E110',
      item: 'addresseeNumber',
      message: 'この宛名番号の住民は登録されていません（転出の前に転入・出生などの異動が必要です）',
    },
  ],
};

function difference(overrides: Partial<Difference> = {}): Difference {
  return {
    seq: 1,
    kind: 'CHANGED',
    addresseeNumber: '7000000456',
    line: 2,
    changedItems: ['address', 'postalCode'],
    extract: {},
    resolution: null,
    note: null,
    resolvedBy: null,
    resolvedAt: null,
    ...overrides,
  };
}

function backend(routes: Parameters<typeof fakeBackend>[0]) {
  document.cookie = 'XSRF-TOKEN=token-1';
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    ...routes,
  });
}

describe('住民記録の取込', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('uploads a Shift_JIS file of 異動, then follows the check every second until its rejected lines show', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    FakeXhr.install();
    const checking = feed({ status: 'CHECKING', statusLabel: '検査中', checkedLines: 10, openTask: null });
    const summaries = [checking, { ...checking, checkedLines: 30 }, feed()];
    let reads = 0;
    const { requests } = backend({
      'GET /api/residents/feed/files': { status: 200, body: { items: [], total: 0 } },
      'GET /api/residents/feed/files/7': () => ({
        status: 200,
        body: summaries[Math.min(reads++, summaries.length - 1)],
      }),
      'GET /api/residents/feed/files/7/lines': { status: 200, body: { items: [REJECTED_LINE], total: 1 } },
    });
    const { router } = renderApp('/residents/feed');

    expect(await screen.findByText('受信したファイルはありません。')).toBeInTheDocument();
    await user.upload(screen.getByLabelText('CSVファイル'), new File(['異動連番\n'], 'ido_20261205.csv'));
    await user.selectOptions(screen.getByLabelText('文字コード'), 'Shift_JIS');
    await user.click(screen.getByTestId('feed-upload-button'));

    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    const xhr = FakeXhr.last();
    expect(xhr.url).toBe('/api/residents/feed/files');
    expect(xhr.headers['X-XSRF-TOKEN']).toBe('token-1');
    expect((xhr.body as FormData).get('encoding')).toBe('SHIFT_JIS');
    act(() => xhr.respond(201, checking));

    await waitFor(() => expect(router.state.location.pathname).toBe('/residents/feed/7'));
    const progress = await screen.findByTestId('feed-check-progress');
    expect(progress).toHaveAttribute('value', '10');
    expect(screen.getByText('10 / 40 行を検査しました')).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(1000));
    await waitFor(() => expect(screen.getByTestId('feed-check-progress')).toHaveAttribute('value', '30'));
    await act(() => vi.advanceTimersByTimeAsync(1000));
    await waitFor(() => expect(screen.getByTestId('feed-status')).toHaveTextContent('エラー行の確認中'));

    const lines = await screen.findByTestId('feed-lines');
    expect(within(lines).getByText('E110')).toBeInTheDocument();
    expect(within(lines).getByText(/この宛名番号の住民は登録されていません/)).toBeInTheDocument();
    expect(within(lines).getByText(/宛名番号:/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'エラー行の確認' })).toHaveAttribute('href', '/tasks/task-9');
    expect(requests.some((request) => request.path.includes('/lines?status=REJECTED'))).toBe(true);

    // The check is over: no more polling.
    const summaryReads = () => requests.filter((request) => request.path === '/api/residents/feed/files/7').length;
    const before = summaryReads();
    await act(() => vi.advanceTimersByTimeAsync(3000));
    expect(summaryReads()).toBe(before);
  });

  it('sends a full extract to 照合 and shows why a file was refused', async () => {
    FakeXhr.install();
    backend({ 'GET /api/residents/feed/files': { status: 200, body: { items: [], total: 0 } } });
    renderApp('/residents/feed');

    await userEvent.selectOptions(await screen.findByLabelText('種類'), '全件照合');
    await userEvent.upload(screen.getByLabelText('CSVファイル'), new File(['異動連番\n'], 'zenken.csv'));
    await userEvent.click(screen.getByTestId('feed-upload-button'));
    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    expect(FakeXhr.last().url).toBe('/api/residents/feed/reconciliations');
    act(() =>
      FakeXhr.last().respond(409, {
        status: 409,
        error: 'duplicate_file',
        message: '同じファイルは住民記録の取込 #5 で受信済みです。同じ異動を二度反映しないため、受け付けません',
      }),
    );

    expect(await screen.findByTestId('feed-upload-error')).toHaveTextContent('住民記録の取込 #5 で受信済み');
    expect(screen.getByTestId('feed-upload-button')).toBeEnabled();
  });

  it('lists received files with their kind, counts and state', async () => {
    backend({
      'GET /api/residents/feed/files': {
        status: 200,
        body: { items: [feed({ status: 'APPLIED', statusLabel: '反映済み', rejectedLines: 0 })], total: 1 },
      },
    });
    renderApp('/residents/feed');

    const table = await screen.findByTestId('feed-table');
    expect(within(table).getByText('異動の取込')).toBeInTheDocument();
    expect(within(table).getByText('ido_20261205.csv')).toBeInTheDocument();
    expect(within(table).getByText('反映済み')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: '7' })).toHaveAttribute('href', '/residents/feed/7');
  });
});

describe('照合', () => {
  const resolving = feed({
    purpose: 'RECONCILE',
    status: 'RESOLVING',
    statusLabel: '差異の処理中',
    rejectedLines: 0,
    acceptedLines: 40,
    openTask: { id: 'task-3', name: '照合の差異の処理', assignee: 'staff1' },
  });

  it('applies a difference and records why another stays, then shows both as resolved', async () => {
    let differences = [difference(), difference({ seq: 2, kind: 'EXTRA', addresseeNumber: '7000000789', line: null })];
    const { requests } = backend({
      'GET /api/residents/feed/files/7': { status: 200, body: resolving },
      'GET /api/residents/feed/files/7/lines': { status: 200, body: { items: [], total: 0 } },
      'GET /api/residents/feed/reconciliations/7/differences': () => ({ status: 200, body: differences }),
      'POST /api/residents/feed/reconciliations/7/differences/1/apply': () => {
        differences = [
          difference({ resolution: 'APPLIED', resolvedBy: 'staff1', resolvedAt: '2026-12-05T02:00:00Z' }),
          differences[1],
        ];
        return { status: 204 };
      },
      'POST /api/residents/feed/reconciliations/7/differences/2/explain': (request) => {
        differences = [
          differences[0],
          difference({
            seq: 2,
            kind: 'EXTRA',
            addresseeNumber: '7000000789',
            line: null,
            resolution: 'EXPLAINED',
            note: JSON.parse(request.body ?? '{}').note,
            resolvedBy: 'staff1',
            resolvedAt: '2026-12-05T02:01:00Z',
          }),
        ];
        return { status: 204 };
      },
    });
    renderApp('/residents/feed/7');

    const table = await screen.findByTestId('differences');
    expect(within(table).getByText('住所、郵便番号')).toBeInTheDocument();
    expect(within(table).getByText('抽出にない住民')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('difference-1-apply'));
    expect(await screen.findByTestId('difference-message')).toHaveTextContent('差異 1 を住民記録に反映しました。');
    expect(await screen.findByTestId('difference-1-resolution')).toHaveTextContent('反映済み');

    await userEvent.click(screen.getByTestId('difference-2-explain'));
    await userEvent.type(screen.getByLabelText(/反映しない理由/), '転出届の処理待ち');
    await userEvent.click(screen.getByRole('button', { name: '理由を記録' }));
    expect(await screen.findByTestId('difference-2-resolution')).toHaveTextContent('転出届の処理待ち');
    const explained = requests.find((request) => request.path.endsWith('/differences/2/explain'));
    expect(JSON.parse(explained?.body ?? '{}')).toEqual({ note: '転出届の処理待ち' });
  });

  it('shows the server’s reason when an explanation is refused', async () => {
    backend({
      'GET /api/residents/feed/files/7': { status: 200, body: resolving },
      'GET /api/residents/feed/files/7/lines': { status: 200, body: { items: [], total: 0 } },
      'GET /api/residents/feed/reconciliations/7/differences': { status: 200, body: [difference()] },
      'POST /api/residents/feed/reconciliations/7/differences/1/explain': {
        status: 400,
        body: {
          status: 400,
          error: 'invalid',
          message: '理由を入力してください',
          fields: { note: '理由を入力してください' },
        },
      },
    });
    renderApp('/residents/feed/7');

    await userEvent.click(await screen.findByTestId('difference-1-explain'));
    await userEvent.click(screen.getByRole('button', { name: '理由を記録' }));
    expect(await screen.findByTestId('difference-error')).toHaveTextContent('理由を入力してください');
    expect(screen.queryByTestId('difference-1-resolution')).not.toBeInTheDocument();
  });
});
