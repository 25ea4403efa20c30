import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SUPERVISOR1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { FlaggedDose, FlaggedDoses } from '../api';

const OPEN: FlaggedDose = {
  doseRecordId: 41,
  doseDate: '2026-06-12',
  vaccine: 'BCG',
  category: '1回',
  errorCode: 'E034',
  ruleBroken: 'E034 定期接種の対象になりません（接種期間外: 1歳の誕生日の前日（令和8年6月1日）まで接種できます）',
  resident: { id: 7, addresseeNumber: '0000000123', name: '試験 太郎', nameKana: 'シケン タロウ' },
  state: 'OPEN',
  stateLabel: '未対応',
  reportId: null,
  dismissalReason: null,
  dismissedBy: null,
};
const REPORTED: FlaggedDose = { ...OPEN, doseRecordId: 40, state: 'REPORTED', stateLabel: '報告済み', reportId: 3 };

function backend(me = STAFF1, rows: FlaggedDose[] = [OPEN, REPORTED]) {
  const listing: FlaggedDoses = { fiscalYear: 2026, fiscalYearLabel: '令和8年度', rows };
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: me },
    'GET /api/doses/mistakes': { status: 200, body: listing },
    'POST /api/doses/mistakes/41/dismissal': { status: 204 },
  });
}

describe('MistakesPage', () => {
  it('lists flagged doses with the rule they broke, links an open one to a new report and a reported one to it', async () => {
    const { requests } = backend();
    renderApp('/mistakes');

    const rows = await screen.findAllByTestId('mistake-row');
    expect(within(rows[0]).getAllByRole('cell')[0]).toHaveTextContent('令和8年6月12日');
    expect(rows[0]).toHaveTextContent('接種期間外');
    expect(screen.getByTestId('mistake-state-41')).toHaveTextContent('未対応');
    expect(screen.getByTestId('report-41')).toHaveAttribute(
      'href',
      '/processes?start=WrongVaccinationReport&doseRecordId=41',
    );
    expect(within(rows[1]).getByRole('link', { name: '報告 #3' })).toHaveAttribute('href', '/mistakes/3');
    expect(screen.queryByTestId('dismiss-41')).not.toBeInTheDocument();
    expect(screen.queryByTestId('mistakes-export')).not.toBeInTheDocument();
    expect(requests.some((request) => /\/api\/doses\/mistakes\?fiscalYear=\d{4}$/.test(request.path))).toBe(true);
  });

  it('lets a supervisor explain a flag as no mistake with the reason', async () => {
    const { requests } = backend({ ...SUPERVISOR1, permissions: ['EXPORT'] });
    renderApp('/mistakes');

    await userEvent.click(await screen.findByTestId('dismiss-41'));
    await userEvent.type(screen.getByLabelText('間違いではないと判断した理由'), '接種日の転記誤り');
    await userEvent.click(screen.getByTestId('dismiss-confirm-41'));

    const dismissal = requests.find((request) => request.method === 'POST');
    expect(dismissal?.path).toBe('/api/doses/mistakes/41/dismissal');
    expect(JSON.parse(dismissal?.body ?? '{}')).toEqual({ reason: '接種日の転記誤り' });
    expect(screen.getByTestId('mistakes-export')).toBeInTheDocument();
  });

  it('says so when the year has nothing to check', async () => {
    backend(STAFF1, []);
    renderApp('/mistakes');
    expect(await screen.findByTestId('mistakes-empty')).toHaveTextContent('確認が必要な接種はありません');
  });
});
