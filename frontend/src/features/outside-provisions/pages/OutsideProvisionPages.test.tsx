import { screen, within } from '@testing-library/react';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { OutsideProvisionDetail, OutsideProvisionSummary } from '../api';

const SUMMARY: OutsideProvisionSummary = {
  id: 7,
  status: 'SENT',
  statusLabel: '送付済み',
  residentId: 43,
  residentName: '架空 花子',
  addresseeNumber: '1000000043',
  recipientName: '架空町 健康推進課',
  methodLabel: '電子メール',
  recordedAt: '2026-12-06T01:00:00Z',
  recordedBy: '佐藤 花子',
  confirmedBy: '鈴木 一郎',
  sentOn: '2026-12-06',
  sentBy: '佐藤 花子',
};

const DETAIL: OutsideProvisionDetail = {
  id: 7,
  status: 'SENT',
  statusLabel: '送付済み',
  residentId: 43,
  residentName: '架空 花子',
  addresseeNumber: '1000000043',
  recipientKindLabel: '他の市区町村',
  recipientName: '架空町 健康推進課',
  recipientContact: 'kenko@town.example.lg.jp',
  methodLabel: '電子メール',
  content: '予防接種履歴',
  purpose: '転出先での定期接種の実施のため',
  legalBasis: '番号利用法第19条第8号',
  recordedBy: '佐藤 花子',
  recordedAt: '2026-12-06T01:00:00Z',
  revisedBy: null,
  decisionReason: null,
  confirmedBy: '鈴木 一郎',
  confirmedAt: '2026-12-06T02:00:00Z',
  sentOn: '2026-12-06',
  sentBy: '佐藤 花子',
  sentAt: '2026-12-06T03:00:00Z',
  sendNote: 'パスワードは別送',
  timeline: [
    { at: '2026-12-06T01:00:00Z', kind: 'RECORDED', description: '記録', actor: '佐藤 花子' },
    { at: '2026-12-06T02:00:00Z', kind: 'CONFIRMED', description: '内容と提供先を確認', actor: '鈴木 一郎' },
    { at: '2026-12-06T03:00:00Z', kind: 'SENT', description: '送付', actor: '佐藤 花子' },
  ],
};

function backend() {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/outside-provisions': { status: 200, body: [SUMMARY] },
    'GET /api/outside-provisions/7': { status: 200, body: DETAIL },
  });
}

describe('provision outside the network pages', () => {
  it('lists what went to whom, who confirmed and who sent it, and links to the recording form', async () => {
    backend();
    renderApp('/outside-provisions');
    const rows = await screen.findAllByTestId('outside-provision-row');
    const cells = within(rows[0])
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells[0]).toBe('第7号');
    expect(cells.slice(2, 4)).toEqual(['架空町 健康推進課', '電子メール']);
    expect(cells[5]).toBe('鈴木 一郎');
    expect(cells[6]).toBe('令和8年12月6日（佐藤 花子）');
    expect(screen.getByRole('link', { name: '業務の開始の「ネットワーク以外による提供」' })).toHaveAttribute(
      'href',
      '/processes?start=OutsideProvision',
    );
  });

  it('shows one provision with what, to whom, why, when and by whom, and its timeline', async () => {
    backend();
    renderApp('/outside-provisions/7');
    const facts = await screen.findByTestId('outside-provision-facts');
    expect(facts).toHaveTextContent('kenko@town.example.lg.jp');
    expect(facts).toHaveTextContent('転出先での定期接種の実施のため');
    expect(facts).toHaveTextContent('鈴木 一郎');
    expect(facts).toHaveTextContent('パスワードは別送');
  });
});
