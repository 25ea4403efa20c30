import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { InquiryReceipt } from '../api';

const SERIOUS: InquiryReceipt = {
  id: 9,
  receiptNumber: '令和8年度 第0012号',
  fiscalYear: 2026,
  number: 12,
  receivedOn: '2026-04-01',
  channel: 'TELEPHONE',
  channelLabel: '電話',
  category: 'COMPLAINT',
  categoryLabel: '苦情',
  summary: '漏えいの疑い',
  handler: '佐藤 花子',
  recordedAt: '2026-04-01T01:00:00Z',
  serious: true,
  dueOn: '2026-04-15',
  overdue: true,
  closedOn: null,
  closedBy: null,
  outcome: null,
  version: 0,
};

describe('inquiries page', () => {
  it('lists receipts with the serious-incident badges and records a new receipt', async () => {
    const { requests } = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: STAFF1 },
      'GET /api/inquiries': { status: 200, body: [SERIOUS] },
      'POST /api/inquiries': { status: 201, body: { ...SERIOUS, id: 10, receiptNumber: '令和8年度 第0013号' } },
    });
    renderApp('/inquiries');
    const row = await screen.findByTestId('inquiry-row');
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('令和8年度 第0012号');
    expect(row).toHaveTextContent('重大事故処理期間超過対応中');
    expect(row).toHaveTextContent('令和8年4月15日');

    await userEvent.type(screen.getByLabelText('内容の要旨'), '開示請求の方法について');
    await userEvent.click(screen.getByTestId('inquiry-receipt-button'));
    expect(await screen.findByTestId('inquiry-receipt-notice')).toHaveTextContent('令和8年度 第0013号');
    const post = requests.find((r) => r.method === 'POST' && r.path === '/api/inquiries');
    expect(JSON.parse(post?.body ?? '{}')).toMatchObject({
      channel: 'TELEPHONE',
      category: 'INQUIRY',
      summary: '開示請求の方法について',
      serious: false,
    });
    await waitFor(() =>
      expect(requests.filter((r) => r.path === '/api/inquiries' && r.method === 'GET')).toHaveLength(2),
    );
  });
});
