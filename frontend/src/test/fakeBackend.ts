import type { Me } from '../lib/auth/session';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
}

interface ReplyValue {
  status: number;
  body?: unknown;
  /** Extra response headers, e.g. Content-Disposition of a download. */
  headers?: Record<string, string>;
}

type Reply = ReplyValue | ((request: RecordedRequest) => ReplyValue);

/**
 * A stand-in for the Spring backend: answers fetch() from a table of "METHOD /api/path?query" keys
 * and records every request so tests can assert what the UI sent.
 */
export function fakeBackend(routes: Record<string, Reply>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const path = String(input);
    const headers = { ...(init.headers as Record<string, string> | undefined) };
    const body = init.body === undefined || init.body === null ? null : String(init.body);
    const request = { method, path, headers, body };
    requests.push(request);
    const reply = routes[`${method} ${path}`] ?? routes[`${method} ${path.split('?')[0]}`];
    if (!reply) {
      return new Response(JSON.stringify({ status: 404, error: 'Not Found', message: '見つかりません' }), {
        status: 404,
      });
    }
    const { status, body: replyBody, headers: replyHeaders } = typeof reply === 'function' ? reply(request) : reply;
    return new Response(replyBody === undefined ? null : JSON.stringify(replyBody), {
      status,
      headers: { 'Content-Type': 'application/json', ...replyHeaders },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

export const STAFF1: Me = {
  username: 'staff1',
  displayName: '山田 花子',
  roles: ['STAFF'],
  department: { code: 'HOKEN', name: '健康推進課' },
};

export const SUPERVISOR1: Me = {
  username: 'supervisor1',
  displayName: '鈴木 次郎',
  roles: ['SUPERVISOR'],
  department: { code: 'HOKEN', name: '健康推進課' },
};

export const SYSTEM_INFO = { demoMode: true, simulators: true, version: '0.1.0' };

export const ADMIN1: Me = {
  username: 'admin1',
  displayName: '佐藤 一郎',
  roles: ['ADMIN'],
  department: { code: 'JOHO', name: '情報政策課' },
};
