import { fakeBackend } from '../test/fakeBackend';
import { earlyOrFetch, forgetSession, rememberRoles, startEarlyRequests } from './earlyRequests';

const SUMMARY = { at: '2026-12-06T00:00:00Z' };

describe('requests started before the sign-in check answers', () => {
  afterEach(() => forgetSession());

  it("starts the managers' first screen only for the roles remembered from this browser's sign-in", () => {
    const { requests } = fakeBackend({ 'GET /api/kpi/summary': { status: 200, body: SUMMARY } });
    startEarlyRequests('#/kpi');
    rememberRoles(['STAFF', 'SUPERVISOR']);
    startEarlyRequests('#/kpi');
    // Nobody signed in in this browser yet, then case workers: nothing that would be refused and audited (R11).
    expect(requests).toHaveLength(0);

    rememberRoles(['MANAGER']);
    startEarlyRequests('#/kpi?view=coverage');
    startEarlyRequests('#/kpi/queue');
    startEarlyRequests('#/tasks');
    expect(requests).toHaveLength(0);
    for (const hash of ['#/kpi', '#/kpi?view=summary']) {
      startEarlyRequests(hash);
    }
    expect(requests.map((r) => r.path)).toEqual(['/api/kpi/summary', '/api/kpi/summary']);
  });

  it('hands the early answer over once; the next read asks the server again', async () => {
    fakeBackend({ 'GET /api/kpi/summary': { status: 200, body: SUMMARY } });
    rememberRoles(['ADMIN']);
    startEarlyRequests('#/kpi');
    const fetchAgain = vi.fn(async () => ({ at: 'fresh' }));
    expect(await earlyOrFetch('/kpi/summary', fetchAgain)).toEqual(SUMMARY);
    expect(fetchAgain).not.toHaveBeenCalled();
    expect(await earlyOrFetch('/kpi/summary', fetchAgain)).toEqual({ at: 'fresh' });
  });

  it('asks again when the early request failed, and drops everything at sign-out', async () => {
    fakeBackend({ 'GET /api/kpi/summary': { status: 401, body: { status: 401, message: 'ログインしてください' } } });
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
