import { fakeBackend } from '../test/fakeBackend';
import { earlyOrFetch, forgetSession, rememberRoles, SIGN_IN_CHECK, startEarlyRequests } from './earlyRequests';

const SUMMARY = { at: '2026-12-06T00:00:00Z' };
const EVERY_LOAD = { 'GET /api/me': { status: 401, body: {} }, 'GET /api/system': { status: 200, body: {} } };

function pagePaths(requests: { path: string }[]): string[] {
  return requests.map((r) => r.path).filter((path) => path !== '/api/me' && path !== '/api/system');
}

describe('requests started before the sign-in check answers', () => {
  afterEach(() => forgetSession());

  it("starts the managers' first screen only for the roles remembered from this browser's sign-in", async () => {
    const { requests } = fakeBackend({ ...EVERY_LOAD, 'GET /api/kpi/summary': { status: 200, body: SUMMARY } });
    startEarlyRequests('#/kpi');
    rememberRoles(['STAFF', 'SUPERVISOR']);
    startEarlyRequests('#/kpi');
    // Nobody signed in in this browser yet, then case workers: nothing that would be refused and audited (R11).
    expect(pagePaths(requests)).toHaveLength(0);

    rememberRoles(['MANAGER']);
    startEarlyRequests('#/kpi?view=coverage');
    startEarlyRequests('#/kpi/queue');
    startEarlyRequests('#/tasks');
    expect(pagePaths(requests)).toHaveLength(0);
    for (const hash of ['#/kpi', '#/kpi?view=summary']) {
      startEarlyRequests(hash);
      await earlyOrFetch('/kpi/summary', async () => SUMMARY);
    }
    expect(pagePaths(requests)).toEqual(['/api/kpi/summary', '/api/kpi/summary']);
  });

  it('starts the sign-in check on every load, in parallel with the data, and hands over its refusal as is', async () => {
    const { requests } = fakeBackend({
      'GET /api/me': { status: 401, body: { status: 401, message: 'ログインしてください' } },
      'GET /api/system': { status: 200, body: {} },
    });
    startEarlyRequests('#/tasks');
    expect(requests.map((r) => r.path)).toEqual(['/api/me', '/api/system']);
    // Nobody is signed in: that is the check's answer, not a reason to ask the server a second time.
    const askAgain = vi.fn(async () => ({ username: 'someone' }));
    await expect(earlyOrFetch(SIGN_IN_CHECK, askAgain)).rejects.toMatchObject({ status: 401 });
    expect(askAgain).not.toHaveBeenCalled();
    expect(requests).toHaveLength(2);
  });

  it("with nothing remembered, asks for the page's data once the sign-in check answers with a role it needs", async () => {
    const { requests } = fakeBackend({
      'GET /api/me': { status: 200, body: { username: 'manager1', roles: ['MANAGER'] } },
      'GET /api/system': { status: 200, body: {} },
      'GET /api/kpi/summary': { status: 200, body: SUMMARY },
    });
    startEarlyRequests('#/kpi');
    expect(pagePaths(requests)).toHaveLength(0);
    await vi.waitFor(() => expect(pagePaths(requests)).toEqual(['/api/kpi/summary']));
    expect(await earlyOrFetch('/kpi/summary', async () => ({ at: 'again' }))).toEqual(SUMMARY);
  });

  it('asks nothing more once the sign-in check answers with roles the page refuses', async () => {
    const { requests } = fakeBackend({
      'GET /api/me': { status: 200, body: { username: 'staff1', roles: ['STAFF'] } },
      'GET /api/system': { status: 200, body: {} },
    });
    startEarlyRequests('#/kpi');
    await earlyOrFetch(SIGN_IN_CHECK, async () => ({}));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requests.map((r) => r.path)).toEqual(['/api/me', '/api/system']);
  });

  it('hands the early answer over once; the next read asks the server again', async () => {
    fakeBackend({ ...EVERY_LOAD, 'GET /api/kpi/summary': { status: 200, body: SUMMARY } });
    rememberRoles(['ADMIN']);
    startEarlyRequests('#/kpi');
    const fetchAgain = vi.fn(async () => ({ at: 'fresh' }));
    expect(await earlyOrFetch('/kpi/summary', fetchAgain)).toEqual(SUMMARY);
    expect(fetchAgain).not.toHaveBeenCalled();
    expect(await earlyOrFetch('/kpi/summary', fetchAgain)).toEqual({ at: 'fresh' });
  });

  it('asks again when the early request failed, and drops everything at sign-out', async () => {
    fakeBackend({
      ...EVERY_LOAD,
      'GET /api/kpi/summary': { status: 401, body: { status: 401, message: 'ログインしてください' } },
    });
    rememberRoles(['MANAGER']);
    startEarlyRequests('#/kpi');
    expect(await earlyOrFetch('/kpi/summary', async () => ({ at: 'after sign-in' }))).toEqual({ at: 'after sign-in' });

    startEarlyRequests('#/kpi');
    forgetSession();
    expect(localStorage.getItem('signed-in-roles')).toBeNull();
    const fetchAgain = vi.fn(async () => ({ at: 'next user' }));
    expect(await earlyOrFetch('/kpi/summary', fetchAgain)).toEqual({ at: 'next user' });
    expect(fetchAgain).toHaveBeenCalledOnce();
  });
});
