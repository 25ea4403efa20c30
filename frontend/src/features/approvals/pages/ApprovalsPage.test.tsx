import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SUPERVISOR1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import { taskSummary } from '../../../test/taskFixtures';
import type { TaskDetail } from '../../../lib/tasks';

const FOUR_EYES = '自分が依頼した案件を自分で承認・確認することはできません（四つの目の原則）';

function approval(id: string, caseNumber: number, overrides: Partial<TaskDetail> = {}): TaskDetail {
  const caseLabel = `情報照会 #${caseNumber}`;
  return {
    task: taskSummary({
      id,
      name: '照会の承認',
      taskKey: 'ApproveQuery',
      processKey: 'InformationQuery',
      processName: '情報照会',
      caseId: String(caseNumber),
      caseLabel,
      candidateGroups: ['supervisor'],
    }),
    form: null,
    data: {},
    context: {
      title: caseLabel,
      sections: [
        {
          heading: '照会内容',
          rows: [
            { label: '照会する情報', value: '予防接種履歴' },
            { label: '依頼者', value: '山田 花子' },
          ],
        },
        { heading: '前回の差戻しからの変更点', rows: [{ label: '根拠規定', value: '予防接種法第5条' }] },
      ],
    },
    canComplete: true,
    refusal: null,
    ...overrides,
  };
}

function backend(items: TaskDetail[], extra: Parameters<typeof fakeBackend>[0] = {}) {
  document.cookie = 'XSRF-TOKEN=token-1';
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: SUPERVISOR1 },
    'GET /api/approvals?size=20': { status: 200, body: { items, nextCursor: null } },
    ...extra,
  });
}

function postedValues(requests: { method: string; path: string; body: string | null }[], path: string) {
  const post = requests.find((request) => request.method === 'POST' && request.path === path);
  return post ? JSON.parse(post.body!) : undefined;
}

describe('ApprovalsPage', () => {
  it('is the supervisor home page and shows each case with its context', async () => {
    backend([approval('t-21', 21), approval('t-22', 22)]);
    const { router } = renderApp('/');

    const cards = await screen.findAllByTestId('approval-card');
    expect(router.state.location.pathname).toBe('/approvals');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]);
    expect(first.getByRole('heading', { name: '照会の承認' })).toBeInTheDocument();
    expect(cards[0]).toHaveTextContent('情報照会・情報照会 #21');
    expect(cards[0]).toHaveTextContent('令和8年11月26日 10:30');
    expect(first.getByRole('heading', { name: '照会内容' })).toBeInTheDocument();
    expect(first.getByRole('heading', { name: '前回の差戻しからの変更点' })).toBeInTheDocument();
    expect(first.getByText('予防接種法第5条')).toBeInTheDocument();
    expect(first.getByRole('link', { name: '詳細を開く' })).toHaveAttribute('href', '/tasks/t-21');
    expect(first.getByTestId('approve-button')).toBeEnabled();

    const navLinks = within(screen.getByRole('navigation', { name: 'メインメニュー' })).getAllByRole('link');
    expect(navLinks[0]).toHaveTextContent('承認待ち');
  });

  it('approves a case, removes its card and says so', async () => {
    const { requests } = backend([approval('t-21', 21), approval('t-22', 22)], {
      'POST /api/approvals/t-21': { status: 204 },
    });
    renderApp('/approvals');

    const [card] = await screen.findAllByTestId('approval-card');
    await userEvent.click(within(card).getByTestId('approve-button'));

    expect(await screen.findByTestId('approval-notice')).toHaveTextContent(
      '「照会の承認」（情報照会 #21）を承認しました。',
    );
    expect(screen.getAllByTestId('approval-card')).toHaveLength(1);
    expect(screen.queryByText('情報照会 #21')).not.toBeInTheDocument();
    expect(postedValues(requests, '/api/approvals/t-21')).toEqual({ values: { decision: 'APPROVE' } });
    expect(requests.find((request) => request.method === 'POST')?.headers['X-XSRF-TOKEN']).toBe('token-1');
  });

  it('requires a reason before rejecting and sends it with the rejection', async () => {
    const { requests } = backend([approval('t-21', 21)], { 'POST /api/approvals/t-21': { status: 204 } });
    renderApp('/approvals');

    await userEvent.click(await screen.findByTestId('reject-button'));
    await userEvent.click(screen.getByTestId('reject-confirm'));

    expect(await screen.findByText('差戻し理由を入力してください。')).toBeInTheDocument();
    expect(screen.getByTestId('reject-reason')).toHaveAttribute('aria-invalid', 'true');
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    await userEvent.type(screen.getByTestId('reject-reason'), '根拠規定が誤っています');
    await userEvent.click(screen.getByTestId('reject-confirm'));

    expect(await screen.findByTestId('approval-notice')).toHaveTextContent(
      '「照会の承認」（情報照会 #21）を差し戻しました。',
    );
    expect(screen.queryByTestId('approval-card')).not.toBeInTheDocument();
    expect(screen.getByText('承認待ちの案件はありません。')).toBeInTheDocument();
    expect(postedValues(requests, '/api/approvals/t-21')).toEqual({
      values: { decision: 'REJECT', reason: '根拠規定が誤っています' },
    });
  });

  it("shows the server's reason error and keeps the card", async () => {
    backend([approval('t-21', 21)], {
      'POST /api/approvals/t-21': {
        status: 400,
        body: {
          status: 400,
          error: 'Bad Request',
          message: '入力内容に誤りがあります。',
          fields: { reason: '差戻し理由は具体的に記入してください。' },
        },
      },
    });
    renderApp('/approvals');

    await userEvent.click(await screen.findByTestId('reject-button'));
    await userEvent.type(screen.getByTestId('reject-reason'), '不可');
    await userEvent.click(screen.getByTestId('reject-confirm'));

    expect(await screen.findByTestId('approval-message')).toHaveTextContent('入力内容に誤りがあります。');
    expect(screen.getByText('差戻し理由は具体的に記入してください。')).toBeInTheDocument();
    expect(screen.getByTestId('approval-card')).toBeInTheDocument();
    expect(screen.queryByTestId('approval-notice')).not.toBeInTheDocument();
  });

  it('keeps the card with the four-eyes message when the server refuses the approval', async () => {
    backend([approval('t-21', 21)], {
      'POST /api/approvals/t-21': { status: 403, body: { status: 403, error: 'Forbidden', message: FOUR_EYES } },
    });
    renderApp('/approvals');

    await userEvent.click(await screen.findByTestId('approve-button'));

    expect(await screen.findByTestId('approval-message')).toHaveTextContent(FOUR_EYES);
    expect(screen.getByTestId('approval-card')).toBeInTheDocument();
    expect(screen.queryByTestId('approval-notice')).not.toBeInTheDocument();
  });

  it('shows a refusal and allows neither approving nor rejecting', async () => {
    backend([approval('t-21', 21, { canComplete: false, refusal: FOUR_EYES })]);
    renderApp('/approvals');

    const card = await screen.findByTestId('approval-card');
    expect(within(card).getByTestId('approval-refusal')).toHaveTextContent(FOUR_EYES);
    expect(within(card).getByTestId('approve-button')).toBeDisabled();
    expect(within(card).getByTestId('reject-button')).toBeDisabled();
    // The context stays readable: the supervisor may still want to know what is pending.
    expect(within(card).getByRole('heading', { name: '照会内容' })).toBeInTheDocument();
  });

  it('appends the next page on もっと見る', async () => {
    const { requests } = backend([], {
      'GET /api/approvals?size=20': { status: 200, body: { items: [approval('t-21', 21)], nextCursor: 'c-2' } },
      'GET /api/approvals?cursor=c-2&size=20': {
        status: 200,
        body: { items: [approval('t-22', 22)], nextCursor: null },
      },
    });
    renderApp('/approvals');

    await userEvent.click(await screen.findByRole('button', { name: 'もっと見る' }));

    await waitFor(() => expect(screen.getAllByTestId('approval-card')).toHaveLength(2));
    expect(screen.getAllByTestId('approval-card')[1]).toHaveTextContent('情報照会 #22');
    expect(screen.queryByRole('button', { name: 'もっと見る' })).not.toBeInTheDocument();
    expect(requests.some((request) => request.path === '/api/approvals?cursor=c-2&size=20')).toBe(true);
  });

  it('shows the empty queue', async () => {
    backend([]);
    renderApp('/approvals');

    expect(await screen.findByText('承認待ちの案件はありません。')).toBeInTheDocument();
  });

  it('is neither offered nor open to case workers without the supervisor role', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: STAFF1 },
    });
    renderApp('/approvals');

    expect(await screen.findByText('この画面を利用する権限がありません。')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '承認待ち' })).not.toBeInTheDocument();
  });
});
