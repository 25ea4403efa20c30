import { screen } from '@testing-library/react';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { MistakeReport } from '../api';

const REPORT: MistakeReport = {
  id: 3,
  status: 'REPORTED',
  statusLabel: '報告済み',
  doseRecordId: 41,
  doseDate: '2026-06-12',
  vaccine: 'BCG',
  category: '1回',
  resident: { id: 7, addresseeNumber: '0000000123', name: '試験 太郎', nameKana: 'シケン タロウ' },
  kindLabel: '対象年齢外の接種',
  ruleBroken: 'E034 定期接種の対象になりません（接種期間外）',
  whatHappened: '1歳を過ぎた児にBCGを接種した',
  cause: '生年月日の確認漏れ',
  prevention: '受付で接種期限を確認する',
  healthDamage: 'NONE',
  healthDamageLabel: 'なし',
  startedBy: 'staff1',
  startedAt: '2026-06-13T01:00:00Z',
  residentInformedOn: '2026-06-14',
  residentInformedHow: '面談',
  clinicInformedOn: '2026-06-14',
  clinicContact: 'さくら小児科クリニック 院長',
  approvedBy: 'super1',
  approvedAt: '2026-06-15T02:00:00Z',
  reportedAt: '2026-06-15T02:00:05Z',
  prefectureReceipt: 'PREF-2026-00001',
  timeline: [{ occurredAt: '2026-06-13T01:00:00Z', kind: 'OPENED', description: '報告を作成', actor: 'staff1' }],
};

describe('MistakeReportPage', () => {
  it('shows the dose, the facts, who was told, the approval and the receipt in 和暦', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: STAFF1 },
      'GET /api/doses/mistakes/reports/3': { status: 200, body: REPORT },
      'GET /api/processes/WrongVaccinationReport/cases/3/diagram': {
        status: 200,
        body: {
          xml: '<definitions/>',
          current: [],
          passed: [{ elementId: 'ApproveReport', name: '報告の承認', by: '鈴木 次郎', at: '2026-06-15T01:00:00Z' }],
        },
      },
    });
    renderApp('/mistakes/3');

    expect(await screen.findByTestId('mistake-status')).toHaveTextContent('報告済み');
    expect(screen.getByTestId('mistake-facts')).toHaveTextContent('BCG 1回 令和8年6月12日（接種記録 #41）');
    expect(screen.getByTestId('mistake-facts')).toHaveTextContent('対象年齢外の接種');
    expect(screen.getByTestId('mistake-progress')).toHaveTextContent('令和8年6月14日 面談');
    expect(screen.getByTestId('mistake-progress')).toHaveTextContent('受付番号 PREF-2026-00001');
    expect(screen.getByTestId('mistake-timeline')).toHaveTextContent('報告を作成（staff1）');
    // The same diagram as on the task page, with the steps done listed for keyboards and screen readers.
    expect(await screen.findByTestId('diagram-steps')).toHaveTextContent(
      '✓ 報告の承認（鈴木 次郎・令和8年6月15日 10:00）',
    );
  });
});
