import { screen } from '@testing-library/react';
import type { Me } from '../../../lib/auth/session';
import { fakeBackend, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';

const AUDITOR: Me = {
  username: 'auditor1',
  displayName: '山本 恵',
  roles: ['AUDITOR'],
  department: { code: 'JOHO', name: '情報システム課' },
};

function backend(latest: { status: number; body?: unknown }) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: AUDITOR },
    'GET /api/audit/verification/latest': latest,
    'POST /api/audit/events/search': { status: 200, body: { items: [], page: 0, size: 50, total: 0 } },
    'GET /api/audit/account-review': {
      status: 200,
      body: [
        {
          account: {
            username: 'staff9',
            displayName: '試験 職員',
            roles: ['STAFF'],
            permissions: ['PRINT'],
            enabled: true,
            usable: true,
            lastLoginAt: null,
            validUntil: null,
            secondFactorEnrolled: false,
          },
          daysSinceLastLogin: null,
          unused: true,
        },
      ],
    },
  });
}

describe('VerifyPanel', () => {
  it('shows a break found by the nightly run as soon as the page opens', async () => {
    backend({
      status: 200,
      body: {
        intact: false,
        checked: 120,
        firstBrokenId: 121,
        reason: '前回の検査で最後だった記録が見つからないか変更されています（末尾の削除または改ざん）',
        ranAt: '2026-11-25T18:00:00Z',
        trigger: 'NIGHTLY',
      },
    });
    renderApp('/audit');
    const last = await screen.findByTestId('audit-last-run');
    expect(last).toHaveTextContent('前回の検査で改ざんを検知しました');
    expect(last).toHaveTextContent('夜間の自動検査');
    expect(last).toHaveTextContent('記録ID 121');
  });

  it('lists accounts for review with the unused ones marked', async () => {
    backend({ status: 204 });
    renderApp('/audit');
    expect(await screen.findByTestId('review-staff9')).toHaveTextContent('未使用');
    expect(screen.getByTestId('review-staff9')).toHaveTextContent('未登録');
    expect(screen.getByTestId('review-staff9')).toHaveTextContent('帳票印刷');
  });

  it('says nothing of a last run before the first one', async () => {
    backend({ status: 204 });
    renderApp('/audit');
    await screen.findByTestId('audit-verify-button');
    expect(screen.queryByTestId('audit-last-run')).not.toBeInTheDocument();
  });
});
