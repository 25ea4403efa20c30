import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { ResidentRequestDetail, ResidentRequestSummary } from '../api';

const SUMMARY: ResidentRequestSummary = {
  id: 3,
  kind: 'DISCLOSURE',
  kindLabel: '開示請求',
  status: 'DECIDING',
  statusLabel: '決定中',
  residentName: '架空 花子',
  addresseeNumber: '1000000043',
  requesterTypeLabel: '法定代理人',
  receivedOn: '2026-04-01',
  dueOn: '2026-05-01',
  extended: false,
  overdue: false,
  open: true,
};

const DETAIL: ResidentRequestDetail = {
  id: 3,
  kind: 'DISCLOSURE',
  kindLabel: '開示請求',
  status: 'DECIDING',
  statusLabel: '決定中',
  version: 6,
  residentId: 43,
  addresseeNumber: '1000000043',
  residentName: '架空 花子',
  residentNameKana: 'カクウ ハナコ',
  requesterType: 'LEGAL_REPRESENTATIVE',
  requesterTypeLabel: '法定代理人',
  requesterName: '架空 母子',
  requesterRelation: '親権者（母）',
  requestText: '子の予防接種の記録',
  receivedOn: '2026-04-01',
  receivedBy: '佐藤 花子',
  dueOn: '2026-05-01',
  overdue: false,
  open: true,
  identityDocument: '運転免許証',
  identityResult: 'CONFIRMED',
  identityNote: null,
  identityCheckedBy: '鈴木 一郎',
  identityCheckedAt: '2026-04-01T01:00:00Z',
  decision: null,
  decisionLabel: null,
  decisionReason: null,
  decidedBy: null,
  decidedAt: null,
  approvedBy: null,
  approvedAt: null,
  packageCollected: true,
  noticeText: null,
  noticePreparedAt: null,
  noticeSentOn: null,
  extension: null,
  corrections: [],
  timeline: [{ at: '2026-04-01T01:00:00Z', kind: 'RECEIVED', description: '開示請求を受付', actor: '佐藤 花子' }],
};

function backend(detail: ResidentRequestDetail = DETAIL) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: { ...STAFF1, permissions: ['PRINT'] } },
    'GET /api/resident-requests': {
      status: 200,
      body: [
        SUMMARY,
        { ...SUMMARY, id: 2, dueOn: '2026-04-20', overdue: true },
        { ...SUMMARY, id: 1, open: false, extended: true, statusLabel: '完了' },
      ],
    },
    'GET /api/resident-requests/3': { status: 200, body: detail },
    'GET /api/resident-requests/3/package': {
      status: 200,
      body: {
        collectedAt: '2026-04-01T01:00:00Z',
        resident: {
          addresseeNumber: '1000000043',
          name: '架空 花子',
          nameKana: 'カクウ ハナコ',
          birthDate: '2020-05-01',
          sex: '女',
          living: true,
        },
        sections: { doses: [], eligibility: [] },
        accesses: [{ occurredAt: '2026-03-01T01:00:00Z', user: '鈴木 一郎', operation: 'RESIDENT_VIEW' }],
        accessesComplete: true,
      },
    },
    'POST /api/resident-requests/3/extension': {
      status: 400,
      body: {
        status: 400,
        error: 'validation_failed',
        message: '延長には、請求者への延長の通知（理由と送付日）の記録が必要です',
        fields: { noticeSentOn: '延長の通知を請求者に送付した日を入力してください' },
      },
    },
  });
}

describe('resident request pages', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-04-28T01:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists requests with their due dates in 和暦 and the deadline badges', async () => {
    backend();
    renderApp('/resident-requests');
    const rows = await screen.findAllByTestId('resident-request-row');
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      '第3号',
      '開示請求',
      '架空 花子（1000000043）',
      '法定代理人',
      '令和8年4月1日',
      '令和8年5月1日 期限まであと3日',
      '決定中',
    ]);
    expect(within(rows[1]).getByTestId('deadline-badge')).toHaveTextContent('期限超過');
    expect(within(rows[2]).getByTestId('deadline-badge')).toHaveTextContent('延長');
    expect(screen.getByRole('link', { name: '業務の開始の「開示・訂正・利用停止請求」' })).toHaveAttribute(
      'href',
      '/processes?start=ResidentDataRequest',
    );
  });

  it('shows the request, its collected data with who accessed it, and a refused extension with the reason', async () => {
    const { requests } = backend();
    renderApp('/resident-requests/3');
    expect(await screen.findByTestId('resident-request-facts')).toHaveTextContent('運転免許証で確認済み（鈴木 一郎');
    expect(screen.getByTestId('package-pdf')).toHaveAttribute('href', '/api/resident-requests/3/package.pdf');
    await userEvent.click(screen.getByTestId('show-package'));
    expect(await screen.findByTestId('disclosure-package-accesses')).toHaveTextContent('鈴木 一郎住民情報の閲覧');

    await userEvent.type(screen.getByLabelText('延長の理由（通知に書いた理由）'), '調査に時間を要するため');
    await userEvent.click(screen.getByTestId('request-extension-button'));
    expect(await screen.findByTestId('request-extension-error')).toHaveTextContent('延長の通知（理由と送付日）');
    expect(screen.getByText('延長の通知を請求者に送付した日を入力してください')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST' && r.path === '/api/resident-requests/3/extension');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      version: 6,
      reason: '調査に時間を要するため',
      noticeSentOn: null,
    });
  });

  it('offers no second extension and shows the one recorded', async () => {
    backend({
      ...DETAIL,
      dueOn: '2026-05-31',
      extension: {
        reason: '調査に時間を要するため',
        noticeSentOn: '2026-04-25',
        previousDueOn: '2026-05-01',
        newDueOn: '2026-05-31',
        recordedBy: '佐藤 花子',
        recordedAt: '2026-04-25T01:00:00Z',
      },
    });
    renderApp('/resident-requests/3');
    const facts = await screen.findByTestId('resident-request-facts');
    expect(facts).toHaveTextContent('令和8年5月31日 延長');
    expect(facts).toHaveTextContent('令和8年5月1日から延長');
    await waitFor(() => expect(screen.queryByTestId('request-extension-button')).not.toBeInTheDocument());
  });
});
