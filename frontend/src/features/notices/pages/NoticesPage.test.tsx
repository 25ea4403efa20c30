import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { MailSubscription, NoticeSummary } from '../api';

const SUMMARY: NoticeSummary = {
  unread: 1,
  newWork: 2,
  newApprovals: 0,
  notices: [
    {
      id: 4,
      kind: 'ASSIGNED',
      message: 'タスク「請求者の本人確認」が割り当てられました',
      taskId: 't-4',
      created: '2026-12-06T01:00:00Z',
      read: false,
    },
  ],
};

function backend(mail: MailSubscription) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/tasks/notices': { status: 200, body: SUMMARY },
    'GET /api/tasks/notices/mail': { status: 200, body: mail },
    'PUT /api/tasks/notices/mail': (request) =>
      JSON.parse(request.body ?? '{}').address === 'hanako'
        ? {
            status: 400,
            body: {
              status: 400,
              error: 'validation_failed',
              message: 'メールアドレスが正しくありません',
              fields: { address: 'メールアドレスを入力してください（例: hoken@city.example.lg.jp）' },
            },
          }
        : { status: 200, body: { available: true, address: 'hanako@city.example.lg.jp' } },
    'DELETE /api/tasks/notices/mail': { status: 204 },
  });
}

describe('NoticesPage', () => {
  it('lists the notices with links to their steps and offers no e-mail where the city sends none', async () => {
    backend({ available: false, address: null });
    renderApp('/notices');

    expect(await screen.findByTestId('notice')).toHaveTextContent(
      '割り当て タスク「請求者の本人確認」が割り当てられました 令和8年12月6日 10:00（未読）',
    );
    expect(screen.getByRole('link', { name: 'タスク「請求者の本人確認」が割り当てられました' })).toHaveAttribute(
      'href',
      '/tasks/t-4',
    );
    expect(screen.getByTestId('notice-summary')).toHaveTextContent('グループの新しいタスク 2件');
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'メールでのお知らせ' })).not.toBeInTheDocument());
  });

  it('takes an address for e-mail notices, shows a refusal under the field, and stops them', async () => {
    document.cookie = 'XSRF-TOKEN=token-1';
    const { requests } = backend({ available: true, address: null });
    renderApp('/notices');

    expect(await screen.findByRole('heading', { name: 'メールでのお知らせ' })).toBeInTheDocument();
    expect(screen.getByText(/件数とタスク一覧へのリンクだけ/)).toBeInTheDocument();
    const address = screen.getByRole('textbox', { name: 'メールアドレス' });
    await userEvent.type(address, 'hanako');
    await userEvent.click(screen.getByRole('button', { name: 'メールで受け取る' }));
    expect(
      await screen.findByText('メールアドレスを入力してください（例: hoken@city.example.lg.jp）'),
    ).toBeInTheDocument();
    expect(address).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(address);
    await userEvent.type(address, 'hanako@city.example.lg.jp');
    await userEvent.click(screen.getByRole('button', { name: 'メールで受け取る' }));
    expect(await screen.findByText('メールでのお知らせを登録しました。')).toBeInTheDocument();
    const puts = requests.filter((request) => request.method === 'PUT');
    expect(JSON.parse(puts.at(-1)?.body ?? '{}')).toEqual({ address: 'hanako@city.example.lg.jp' });
  });
});
