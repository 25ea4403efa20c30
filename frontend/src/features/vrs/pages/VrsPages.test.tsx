import { screen, within } from '@testing-library/react';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { CertificateSummary, MoverQuerySummary } from '../api';

const QUERY: MoverQuerySummary = {
  id: 7,
  status: 'NO_MATCH',
  statusLabel: '該当者なし（確認中）',
  residentId: 43,
  residentName: '転入 記録子',
  addresseeNumber: '1000000043',
  formerMunicipalityCode: '141003',
  outcome: 'NOT_FOUND',
  requestedAt: '2026-12-06T01:00:00Z',
  requestedBy: '佐藤 花子',
};

const CERTIFICATE: CertificateSummary = {
  id: 3,
  status: 'ISSUED',
  statusLabel: '交付済み',
  residentId: 43,
  residentName: '転入 記録子',
  addresseeNumber: '1000000043',
  channel: 'ELECTRONIC',
  kind: '海外用',
  certificateNumber: '112020-2026-0000003',
  issuedOn: '2026-12-06',
  receivedAt: '2026-12-06T01:00:00Z',
};

function backend(me = STAFF1) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: me },
    'GET /api/vrs/mover-queries': {
      status: 200,
      body: [QUERY, { ...QUERY, id: 6, status: 'RECORDED', statusLabel: '完了（記録を確認済み）', outcome: 'FOUND' }],
    },
    'GET /api/vrs/certificates': { status: 200, body: [CERTIFICATE] },
  });
}

describe('VRS pages', () => {
  it('lists mover queries with the code asked and VRS’s answer, greys ended ones and links to the start form', async () => {
    backend();
    renderApp('/vrs');
    const rows = await screen.findAllByTestId('mover-query-row');
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      '第7号',
      '転入 記録子（1000000043）',
      '141003',
      '該当者なし',
      expect.stringContaining('佐藤 花子'),
      '該当者なし（確認中）',
    ]);
    expect(rows[1]).toHaveClass('ended');
    expect(screen.getByRole('link', { name: '業務の開始の「転入者の接種記録照会（VRS）」' })).toHaveAttribute(
      'href',
      '/processes?start=VrsMoverQuery',
    );
    expect(screen.getByRole('link', { name: 'VRS（新型コロナ）' })).toHaveAttribute('href', '/vrs');
  });

  it('offers the issued certificate’s PDF to a user with PRINT only', async () => {
    backend({ ...STAFF1, permissions: ['PRINT'] });
    renderApp('/vrs/certificates');
    const row = await screen.findByTestId('certificate-row');
    expect(row).toHaveTextContent('ぴったりサービス');
    expect(row).toHaveTextContent('112020-2026-0000003（令和8年12月6日）');
    expect(within(row).getByTestId('certificate-pdf')).toHaveAttribute(
      'href',
      '/api/vrs/certificates/3/certificate.pdf',
    );
  });

  it('hides the PDF from a user without PRINT', async () => {
    backend();
    renderApp('/vrs/certificates');
    const row = await screen.findByTestId('certificate-row');
    expect(within(row).queryByTestId('certificate-pdf')).toBeNull();
  });
});
