import { screen, within } from '@testing-library/react';
import { renderWithQueries as render } from '../../../test/queryWrapper';
import userEvent from '@testing-library/user-event';
import { fakeBackend } from '../../../test/fakeBackend';
import { AbnormalAccessPanel } from './AbnormalAccessPanel';

const access = (id: number, occurredAt: string, operation: string, reason: string | null) => ({
  id,
  occurredAt,
  username: 'staff1',
  operation,
  residentId: 7,
  addresseeNumber: '0000000007',
  clientAddress: '10.0.0.5',
  detail: null,
  reason,
});

const REPORT = {
  from: '2026-11-01',
  to: '2026-11-30',
  opensAt: '08:30:00',
  closesAt: '17:15:00',
  dailyViewThreshold: 100,
  outsideOfficeHours: {
    count: 3,
    rows: [
      access(1, '2026-11-19T22:59:00Z', 'RESIDENT_VIEW', '始業前'),
      access(2, '2026-11-23T01:00:00Z', 'DOSE_REGISTER', '勤労感謝の日'),
    ],
  },
  loginFailures: { count: 1, rows: [access(3, '2026-11-20T01:00:00Z', 'LOGIN_FAILED', null)] },
  lockouts: { count: 0, rows: [] },
  heavyViewers: { count: 1, rows: [{ day: '2026-11-24', username: 'staff2', views: 101, residents: 80 }] },
};

describe('AbnormalAccessPanel', () => {
  it('asks for the previous month by default and shows each section with its count, reason and 和暦 dates', async () => {
    const { requests } = fakeBackend({ 'POST /api/audit/abnormal-access': { status: 200, body: REPORT } });
    render(<AbnormalAccessPanel today="2026-12-03" canExport />);
    await userEvent.click(screen.getByTestId('abnormal-access-button'));

    const report = await screen.findByTestId('abnormal-access-report');
    const sent = requests.find((request) => request.path === '/api/audit/abnormal-access');
    expect(JSON.parse(sent?.body ?? '{}')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(report).toHaveTextContent('令和8年11月1日〜令和8年11月30日。執務時間は開庁日の8:30〜17:15です。');

    const outside = within(report).getByTestId('outside-hours');
    expect(outside).toHaveTextContent('閉庁日・執務時間外のアクセス（3件）');
    expect(outside).toHaveTextContent('先頭の2件を表示しています。');
    const [, early, holiday] = within(outside).getAllByRole('row');
    expect(
      within(early)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['令和8年11月20日 07:59', '始業前', 'staff1', '住民情報の閲覧', '0000000007', '10.0.0.5']);
    expect(holiday).toHaveTextContent('勤労感謝の日');

    expect(within(report).getByTestId('login-failures')).toHaveTextContent('ログイン失敗（1件）');
    expect(within(report).getByTestId('lockouts')).toHaveTextContent('アカウントロック（0件）該当はありません。');
    expect(within(report).getByTestId('heavy-viewers')).toHaveTextContent(
      '1日に100件を超える住民情報の閲覧（1件）日付ユーザーID閲覧件数閲覧した住民数令和8年11月24日staff210180',
    );
  });

  it('shows the server message under the field for a bad period', async () => {
    fakeBackend({
      'POST /api/audit/abnormal-access': {
        status: 400,
        body: {
          status: 400,
          error: 'validation_failed',
          message: '期間が正しくありません',
          fields: { to: '終了日は開始日以降の日付にしてください' },
        },
      },
    });
    render(<AbnormalAccessPanel today="2026-12-03" canExport />);
    await userEvent.click(screen.getByTestId('abnormal-access-button'));
    expect(await screen.findByText('終了日は開始日以降の日付にしてください')).toBeInTheDocument();
    expect(screen.queryByTestId('abnormal-access-report')).not.toBeInTheDocument();
  });
});
