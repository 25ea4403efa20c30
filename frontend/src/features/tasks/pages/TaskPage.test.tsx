import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { TaskDetail, TaskSummary } from '../api';
import { taskSummary } from '../../../test/taskFixtures';

const REFUSAL = '確認者は登録者と別の職員でなければなりません';

const DECISION_FORM = {
  type: 'default',
  id: 'doubleCheck',
  schemaVersion: 19,
  components: [
    {
      type: 'radio',
      id: 'decision',
      key: 'decision',
      label: '判断',
      validate: { required: true },
      values: [
        { label: '確認する', value: 'CONFIRM' },
        { label: '差し戻す', value: 'RETURN' },
      ],
    },
    { type: 'textarea', id: 'comment', key: 'comment', label: 'コメント' },
  ],
};

function summary(overrides: Partial<TaskSummary> = {}): TaskSummary {
  return taskSummary({
    id: 't-9',
    name: '照合結果の確認（ダブルチェック）',
    taskKey: 'DoubleCheckMatch',
    ...overrides,
  });
}

function detail(overrides: Partial<TaskDetail>): TaskDetail {
  return {
    task: summary(),
    form: DECISION_FORM,
    data: {},
    context: {
      title: '住登外者確認 #12',
      sections: [
        {
          heading: '照会内容',
          rows: [
            { label: '氏名（カナ）', value: 'ヤマダ タロウ' },
            { label: '生年月日', value: '平成12年1月1日' },
          ],
        },
        { heading: '提案', rows: [{ label: '提案者', value: '山田 花子' }] },
      ],
    },
    canComplete: true,
    refusal: null,
    ...overrides,
  };
}

function backend(taskDetail: TaskDetail, extra: Parameters<typeof fakeBackend>[0] = {}) {
  document.cookie = 'XSRF-TOKEN=token-1';
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/tasks/t-9': { status: 200, body: taskDetail },
    'GET /api/tasks/counts': { status: 200, body: { mine: 0, group: 0 } },
    'GET /api/tasks?view=mine&size=50': { status: 200, body: { items: [], nextCursor: null } },
    ...extra,
  });
}

describe('TaskPage', () => {
  it('shows the four-eyes refusal and allows neither claiming nor completing', async () => {
    backend(detail({ canComplete: false, refusal: REFUSAL }));
    renderApp('/tasks/t-9');

    expect(await screen.findByTestId('task-message')).toHaveTextContent(REFUSAL);
    expect(screen.getByTestId('complete-button')).toBeDisabled();
    expect(screen.getByTestId('claim-button')).toBeDisabled();
    expect(screen.queryByTestId('unclaim-button')).not.toBeInTheDocument();

    // The case context is there to decide with, even when this user may not act.
    expect(screen.getByRole('heading', { name: '照会内容' })).toBeInTheDocument();
    expect(screen.getByText('ヤマダ タロウ')).toBeInTheDocument();
    expect(await screen.findByLabelText('確認する')).toBeInTheDocument();
  });

  it('links a context row to the page where the step is worked on', async () => {
    backend(
      detail({
        context: {
          title: '一括登録 #3（エラー確認中）',
          sections: [
            {
              heading: '件数',
              rows: [{ label: '行の確認と修正', value: '一括登録 #3 の画面を開く', link: '/dose-batches/3' }],
            },
          ],
        },
      }),
    );
    renderApp('/tasks/t-9');

    expect(await screen.findByRole('link', { name: '一括登録 #3 の画面を開く' })).toHaveAttribute(
      'href',
      '/dose-batches/3',
    );
  });

  it('shows a refusal returned by a claim attempt', async () => {
    const { requests } = backend(detail({}), {
      'POST /api/tasks/t-9/claim': {
        status: 403,
        body: { status: 403, error: 'Forbidden', message: REFUSAL },
      },
    });
    renderApp('/tasks/t-9');

    await userEvent.click(await screen.findByTestId('claim-button'));

    expect(await screen.findByTestId('task-message')).toHaveTextContent(REFUSAL);
    expect(screen.getByTestId('complete-button')).toBeDisabled();
    expect(requests.find((request) => request.method === 'POST')?.headers['X-XSRF-TOKEN']).toBe('token-1');
  });

  it('completes a task assigned to me with the values entered in the form', async () => {
    const { requests } = backend(detail({ task: summary({ assignee: 'staff1', assigneeName: '山田 花子' }) }), {
      'POST /api/tasks/t-9/complete': { status: 204 },
    });
    const { router } = renderApp('/tasks/t-9');

    await userEvent.click(await screen.findByLabelText('確認する'));
    await userEvent.click(screen.getByTestId('complete-button'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/tasks'));
    const complete = requests.find((request) => request.path === '/api/tasks/t-9/complete');
    expect(JSON.parse(complete!.body!)).toEqual({ values: { decision: 'CONFIRM', comment: '' } });
    expect(await screen.findByTestId('inbox-notice')).toHaveTextContent(
      '「照合結果の確認（ダブルチェック）」（住登外者確認 #12）を完了しました。',
    );
  });

  it('claims and completes an unassigned step without fields in one request', async () => {
    const { requests } = backend(detail({ form: null, canComplete: false }), {
      'POST /api/tasks/t-9/claim-and-complete': { status: 204 },
    });
    const { router } = renderApp('/tasks/t-9');

    expect(await screen.findByText('「完了」を押すと、担当して完了します。')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('complete-button'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/tasks'));
    const posts = requests.filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.path)).toEqual(['/api/tasks/t-9/claim-and-complete']);
    expect(JSON.parse(posts[0].body!)).toEqual({ values: {} });
  });

  it('keeps a form read-only until the step is claimed', async () => {
    backend(detail({ canComplete: false }));
    renderApp('/tasks/t-9');

    expect(await screen.findByText('入力するには「担当する」を押してください。')).toBeInTheDocument();
    expect(screen.getByTestId('complete-button')).toBeDisabled();
  });

  it('does not send an incomplete form and shows the validation in Japanese', async () => {
    const { requests } = backend(detail({ task: summary({ assignee: 'staff1', assigneeName: '山田 花子' }) }));
    renderApp('/tasks/t-9');

    await screen.findByLabelText('確認する');
    await userEvent.click(screen.getByTestId('complete-button'));

    expect(await screen.findByText('入力してください。')).toBeInTheDocument();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });
});
