import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Me } from '../../../lib/auth/session';
import { fakeBackend, SYSTEM_INFO, type RecordedRequest } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';

const AUDITOR: Me = {
  username: 'auditor1',
  displayName: '山本 恵',
  roles: ['AUDITOR'],
  permissions: ['EXPORT'],
  department: { code: 'JOHO', name: '情報システム課' },
};

const EVENT = {
  id: 41,
  occurredAt: '2026-11-20T01:00:00Z',
  username: 'staff1',
  operation: 'RESIDENT_VIEW',
  residentId: 7,
  addresseeNumber: '0000000007',
  clientAddress: '10.0.0.5',
  detail: null,
};

function backend(me: Me = AUDITOR) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: me },
    'GET /api/audit/verification/latest': { status: 204 },
    'GET /api/audit/account-review': { status: 200, body: [] },
    'POST /api/audit/events/search': (request: RecordedRequest) => {
      const { page } = JSON.parse(request.body ?? '{}') as { page: number };
      return { status: 200, body: { items: [{ ...EVENT, id: 41 - page }], page, size: 50, total: 51 } };
    },
    'POST /api/audit/events/export': {
      status: 200,
      body: 'csv',
      headers: { 'X-Row-Count': '51', 'Content-Disposition': "attachment; filename*=UTF-8''%E7%9B%A3%E6%9F%BB.csv" },
    },
  });
}

function bodyOf(requests: RecordedRequest[], path: string) {
  return requests.filter((request) => request.path === path).map((request) => JSON.parse(request.body ?? '{}'));
}

describe('AuditSearchPanel', () => {
  beforeEach(() => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() }));
  });

  it('sends all four filters in the body, pages with the same filter, and exports what is on screen', async () => {
    const { requests } = backend();
    renderApp('/audit');
    await userEvent.type(await screen.findByLabelText('ユーザーID'), 'staff1');
    await userEvent.type(screen.getByLabelText('宛名番号'), '0000000007');
    await userEvent.selectOptions(screen.getByLabelText('操作'), 'RESIDENT_VIEW');
    // The period is typed in 和暦, as clerks write it, and searched by its ISO dates.
    const search = screen.getByRole('search');
    await userEvent.type(within(search).getByRole('textbox', { name: /^期間（開始日）/ }), 'R8.11.1');
    await userEvent.type(within(search).getByRole('textbox', { name: /^期間（終了日）/ }), '令和8年11月30日');
    await userEvent.click(screen.getByTestId('audit-search-button'));

    const table = await screen.findByTestId('audit-events');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('0000000007');
    const filter = {
      username: 'staff1',
      addresseeNumber: '0000000007',
      operation: 'RESIDENT_VIEW',
      from: '2026-11-01',
      to: '2026-11-30',
    };
    expect(bodyOf(requests, '/api/audit/events/search').at(-1)).toEqual({ filter, page: 0, size: 50 });
    expect(requests.every((request) => !request.path.includes('0000000007'))).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: '次へ' }));
    expect(await screen.findByText('40')).toBeInTheDocument();
    expect(bodyOf(requests, '/api/audit/events/search').at(-1)).toEqual({ filter, page: 1, size: 50 });

    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await userEvent.selectOptions(screen.getByTestId('audit-events-encoding'), 'SHIFT_JIS');
    await userEvent.click(screen.getByTestId('audit-events-export'));
    expect(await screen.findByTestId('audit-events-export-notice')).toHaveTextContent(
      '51件をCSV（Shift_JIS）で出力しました。出力は監査ログに記録されています。',
    );
    expect(bodyOf(requests, '/api/audit/events/export')).toEqual([{ filter, encoding: 'SHIFT_JIS' }]);
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('監査.csv');
    click.mockRestore();
  });

  it('offers no CSV export to an auditor without the EXPORT permission (R12)', async () => {
    backend({ ...AUDITOR, permissions: [] });
    renderApp('/audit');
    expect(await screen.findByTestId('audit-events-export-not-permitted')).toHaveTextContent(
      '「CSV出力」の権限が必要です',
    );
    expect(screen.queryByRole('button', { name: 'CSV出力' })).not.toBeInTheDocument();
  });
});
