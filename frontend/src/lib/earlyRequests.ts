import { apiRequest } from './api';
import { canSeeKpis } from './auth/roles';
import type { Me, Role } from './auth/session';

/**
 * Requests started while the app's script is still on its way or being evaluated, before React has mounted: a reload
 * of the managers' first screen then waits for one round trip, not three in a row (me → page chunk → data).
 *
 * The sign-in check (`/me`) and the public system facts are asked on every load anyway, so they always start here.
 * A page's data is started only for the roles the server lets through, as remembered from this browser's last
 * sign-in: a reload by someone else must not put refused requests on the audit trail (R11). They are kept for the
 * whole browser, not per tab, since the session is the browser's too: a new tab opened on the page starts early as
 * well, and a sign-in as someone else in another tab replaces them. The server decides all the same; an answer is only
 * handed to a page behind the same role check, in the session that asked, and is dropped at sign-out.
 */
interface EarlyRequest {
  /** The path after `#`, with its query. */
  route: RegExp;
  path: string;
  allowed: (me: Pick<Me, 'roles'>) => boolean;
}

const EARLY_REQUESTS: EarlyRequest[] = [
  // The KPI page's first view (概要) is the one without `view`, or `view=summary`.
  { route: /^\/kpi\/?(\?(view=summary)?)?$/, path: '/kpi/summary', allowed: canSeeKpis },
];

/** Asked on every load, whoever is signed in; `/me` answers who that is. */
export const SIGN_IN_CHECK = '/me';
const EVERY_LOAD = [SIGN_IN_CHECK, '/system'];

const ROLES_KEY = 'signed-in-roles';
const started = new Map<string, Promise<unknown>>();

function rememberedRoles(): Role[] {
  try {
    const roles: unknown = JSON.parse(localStorage.getItem(ROLES_KEY) ?? '[]');
    return Array.isArray(roles) ? (roles as Role[]) : [];
  } catch {
    return [];
  }
}

/** The roles of who signed in, so that the next load in any tab knows which requests it may start early. */
export function rememberRoles(roles: Role[]): void {
  localStorage.setItem(ROLES_KEY, JSON.stringify(roles));
}

/** Signed out or the session ended: nothing started for the previous user may reach the next. */
export function forgetSession(): void {
  localStorage.removeItem(ROLES_KEY);
  started.clear();
}

function start(path: string): void {
  // A 401 is for the sign-in check to report, from its own answer.
  const answer = apiRequest(path, { ignoreUnauthorized: true });
  answer.catch(() => undefined);
  started.set(path, answer);
}

function startPageRequests(route: string, roles: Role[]): void {
  for (const request of EARLY_REQUESTS) {
    if (request.route.test(route) && request.allowed({ roles }) && !started.has(request.path)) {
      start(request.path);
    }
  }
}

/**
 * Starts the sign-in check and the requests of the page at `hash` (e.g. `#/kpi`) that the remembered roles allow. With
 * nothing remembered (this browser's first load, or after a sign-out), the page's requests start as soon as the
 * sign-in check answers who it is, still before the app has been evaluated and has drawn the page.
 */
export function startEarlyRequests(hash: string): void {
  const route = hash.replace(/^#/, '') || '/';
  EVERY_LOAD.forEach(start);
  startPageRequests(route, rememberedRoles());
  (started.get(SIGN_IN_CHECK) as Promise<Me>).then(
    (me) => startPageRequests(route, me.roles),
    () => undefined,
  );
}

/**
 * The answer of a request started early, once (a later refetch asks the server again), or a fresh request when none
 * was started or the early one failed. A failure of the sign-in check is its answer (nobody is signed in), not a
 * reason to ask twice.
 */
export function earlyOrFetch<T>(path: string, fetch: () => Promise<T>): Promise<T> {
  const early = started.get(path) as Promise<T> | undefined;
  started.delete(path);
  if (!early) {
    return fetch();
  }
  return path === SIGN_IN_CHECK ? early : early.catch(fetch);
}
