import { screen, within } from '@testing-library/react';
import type { Me } from '../../../lib/auth/session';
import { fakeBackend, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { ComplianceControl, ComplianceReport } from '../compliance';

const AUDITOR: Me = {
  username: 'auditor1',
  displayName: '山本 恵',
  roles: ['AUDITOR'],
  department: { code: 'JOHO', name: '情報システム課' },
};

function control(id: string, proven: boolean): ComplianceControl {
  return {
    id,
    area: '特定個人情報の提供・移転（Ⅲ-5）',
    text: `${id} の内容`,
    implementedBy: [`${id} の実装`],
    processes: [],
    tests: proven ? [{ className: 'OutsideProvisionProcessTest', name: `${id}_proven`, outcome: 'PASSED' }] : [],
    passed: proven ? 1 : 0,
    failed: 0,
    verdict: proven ? 'PROVEN' : 'NO_TEST',
    verdictLabel: proven ? '証明済み' : 'テストなし',
    proven,
  };
}

const REPORT: ComplianceReport = {
  build: {
    version: '0.1.0-SNAPSHOT',
    builtAt: '2026-12-06T10:00:00Z',
    summaryPackaged: true,
    testsRun: true,
    total: 1200,
    failed: 0,
    skipped: 0,
  },
  controls: [control('R13', true), control('R30', false)],
  proven: 1,
  unproven: ['R30'],
};

function backend(report: ComplianceReport) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: AUDITOR },
    'GET /api/audit/compliance': { status: 200, body: report },
  });
}

describe('compliance report', () => {
  it('shows the build, each control with its tests, and a red verdict where no test passed', async () => {
    backend(REPORT);
    renderApp('/audit');
    const rows = await screen.findAllByTestId('compliance-row');
    expect(rows).toHaveLength(2);
    expect(screen.getByTestId('compliance-build')).toHaveTextContent('版 0.1.0-SNAPSHOT（令和8年12月6日');
    expect(screen.getByTestId('compliance-summary')).toHaveTextContent('証明済みの統制 1 / 2（未証明: R30）');
    expect(within(rows[0]).getByText('OutsideProvisionProcessTest.R13_proven（成功）')).toBeInTheDocument();
    expect(screen.getByTestId('compliance-verdict-R13')).toHaveClass('badge-eligible');
    expect(screen.getByTestId('compliance-verdict-R30')).toHaveClass('badge-overdue');
    expect(screen.getByTestId('compliance-pdf')).toHaveAttribute('href', '/api/audit/compliance/pdf');
  });

  it('says so when the running version was not built with its test results', async () => {
    backend({
      ...REPORT,
      build: { ...REPORT.build, summaryPackaged: false, version: null, builtAt: null },
      controls: [control('R13', false)],
      proven: 0,
      unproven: ['R13'],
    });
    renderApp('/audit');
    expect(await screen.findByTestId('compliance-build')).toHaveTextContent('この版にはテスト結果がありません');
  });
});
