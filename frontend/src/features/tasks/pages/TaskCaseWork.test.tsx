import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, SUPERVISOR1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import { taskSummary } from '../../../test/taskFixtures';
import type { TaskDetail } from '../api';

const TASK: TaskDetail = {
  task: taskSummary({
    id: 't-5',
    assignee: 'staff2',
    assigneeName: '鈴木 一郎',
    assigneeAway: {
      id: 1,
      username: 'staff2',
      displayName: '鈴木 一郎',
      startsOn: '2026-12-06',
      endsOn: '2026-12-08',
      standIn: 'staff1',
      standInName: '佐藤 花子',
    },
  }),
  form: null,
  data: {},
  context: { title: '住登外者確認 #12', sections: [] },
  canComplete: false,
  refusal: null,
};

const CANDIDATES = [
  { username: 'staff1', displayName: '佐藤 花子', holder: false, away: null, refusal: null },
  {
    username: 'staff2',
    displayName: '鈴木 一郎',
    holder: true,
    away: TASK.task.assigneeAway,
    refusal: null,
  },
  {
    username: 'supervisor1',
    displayName: '鈴木 次郎',
    holder: false,
    away: null,
    refusal: 'この手順は、前の手順を行った職員とは別の職員が行う必要があります（四つの目の原則）',
  },
];

function backend() {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: SUPERVISOR1 },
    'GET /api/tasks/t-5': { status: 200, body: TASK },
    'GET /api/tasks/t-5/candidates': { status: 200, body: CANDIDATES },
    'POST /api/tasks/t-5/assign': {
      status: 200,
      body: { ...TASK.task, assignee: 'staff1', assigneeName: '佐藤 花子' },
    },
    'GET /api/processes/NonResidentConfirmation/cases/12/notes': {
      status: 200,
      body: [
        { id: 1, body: '電話で確認した', author: 'staff1', authorName: '佐藤 花子', created: '2026-12-01T01:00:00Z' },
      ],
    },
    'POST /api/processes/NonResidentConfirmation/cases/12/notes': {
      status: 201,
      body: { id: 2, body: '追記', author: 'supervisor1', authorName: '鈴木 次郎', created: '2026-12-06T01:00:00Z' },
    },
    'GET /api/processes/NonResidentConfirmation/cases/12/diagram': {
      status: 200,
      body: {
        xml: '<definitions/>',
        current: ['DoubleCheckMatch'],
        passed: [{ elementId: 'ProposeMatch', name: '照合結果の提案', by: '佐藤 花子', at: '2026-12-01T01:00:00Z' }],
      },
    },
  });
}

describe('TaskPage case work', () => {
  it('lets a supervisor give an absent colleague’s task to the stand-in, with a reason', async () => {
    const { requests } = backend();
    renderApp('/tasks/t-5');

    expect(await screen.findByTestId('holder-away')).toHaveTextContent(
      '担当の鈴木 一郎さんは不在です（代理: 佐藤 花子）',
    );
    await waitFor(() => expect(screen.getByTestId('assign-to')).toHaveValue('staff1'));
    await userEvent.type(screen.getByTestId('assign-reason'), '病欠のため');
    await userEvent.click(screen.getByTestId('assign-button'));

    expect(await screen.findByTestId('assign-message')).toHaveTextContent('佐藤 花子さんに割り当てました。');
    const assign = requests.find((request) => request.path === '/api/tasks/t-5/assign')!;
    expect(JSON.parse(assign.body!)).toEqual({ assignee: 'staff1', reason: '病欠のため' });
  });

  it('says why the four-eyes rule refuses a colleague and does not let them be chosen', async () => {
    backend();
    renderApp('/tasks/t-5');
    await screen.findByTestId('reassign-panel');
    await waitFor(() => expect(screen.getAllByRole('option').length).toBeGreaterThan(3));

    await userEvent.selectOptions(screen.getByTestId('assign-to'), 'supervisor1');

    expect(screen.getByTestId('assign-refusal')).toHaveTextContent('鈴木 次郎さんには割り当てられません');
    expect(screen.getByTestId('assign-refusal')).toHaveTextContent('四つの目の原則');
    expect(screen.getByTestId('assign-button')).toBeDisabled();
  });

  it('shows the case’s notes and steps done, and adds a note', async () => {
    const { requests } = backend();
    renderApp('/tasks/t-5');

    expect(await screen.findByTestId('case-note')).toHaveTextContent('電話で確認した');
    expect(await screen.findByTestId('diagram-steps')).toHaveTextContent(
      '✓ 照合結果の提案（佐藤 花子・令和8年12月1日 10:00）',
    );
    await userEvent.type(screen.getByTestId('note-body'), '追記');
    await userEvent.click(screen.getByRole('button', { name: 'メモを追加' }));

    await waitFor(() =>
      expect(requests.some((request) => request.method === 'POST' && request.path.endsWith('/notes'))).toBe(true),
    );
    expect(screen.getByTestId('note-body')).toHaveValue('');
  });
});
