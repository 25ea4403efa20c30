export type FieldErrors = Record<string, string>;

/** A non-2xx answer of the backend, carrying its Japanese message for the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly fields: FieldErrors;
  /** The server's stable error code (e.g. `confirmation_required`, `duplicate_file`), when it sent one. */
  readonly code: string | null;

  constructor(status: number, message: string, fields: FieldErrors = {}, code: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.fields = fields;
    this.code = code;
  }
}

type UnauthorizedListener = () => void;

let unauthorizedListener: UnauthorizedListener | null = null;

/** The session provider registers here so that any 401 sends the user back to the login page. */
export function onUnauthorized(listener: UnauthorizedListener | null): void {
  unauthorizedListener = listener;
}

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(rest.join('='));
    }
  }
  return null;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: '入力内容に誤りがあります。',
  401: 'ログインしてください。',
  403: 'この操作を行う権限がありません。',
  404: '対象が見つかりません。',
  409: '他の職員が先に操作しました。画面を更新してください。',
};

const NETWORK_FAILURE = 'サーバーに接続できません。ネットワークを確認してください。';

/** The error of a non-2xx answer from its status and body text, whichever client (fetch or XHR) read it. */
function toApiError(status: number, text: string): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Proxies and the servlet container may answer with HTML; the fallback message covers that.
  }
  const data = (body ?? {}) as { message?: unknown; fields?: unknown; error?: unknown };
  const message =
    typeof data.message === 'string' && data.message !== ''
      ? data.message
      : (FALLBACK_MESSAGES[status] ?? `サーバーでエラーが発生しました（${status}）。時間をおいて再度お試しください。`);
  const fields = data.fields && typeof data.fields === 'object' ? (data.fields as FieldErrors) : {};
  const code = typeof data.error === 'string' && data.error !== '' ? data.error : null;
  return new ApiError(status, message, fields, code);
}

function parseBody<T>(text: string, status: number): T {
  try {
    return (text === '' ? undefined : JSON.parse(text)) as T;
  } catch {
    // Every failure a caller sees is an ApiError, so that queries and actions can show its message as it is.
    throw new ApiError(status, '予期しない応答を受け取りました。');
  }
}

/** Any failure as an ApiError, so that the user always reads a Japanese message. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, '予期しないエラーが発生しました。');
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as JSON unless it is already URLSearchParams (form-encoded). */
  body?: unknown;
  /** The login form expects its own 401 rather than a redirect to itself. */
  ignoreUnauthorized?: boolean;
}

async function ensureCsrfCookie(): Promise<string | null> {
  let token = readCookie(CSRF_COOKIE);
  if (token === null) {
    // Spring issues the token cookie lazily (and renews it after login); any GET makes it appear.
    await fetch('/api/system', { credentials: 'same-origin' });
    token = readCookie(CSRF_COOKIE);
  }
  return token;
}

/** Sends a request with the session's CSRF token; a non-2xx answer becomes an ApiError with the server's message. */
async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: accept };
  let body: BodyInit | undefined;
  if (options.body instanceof URLSearchParams) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const token = await ensureCsrfCookie();
    if (token !== null) {
      headers[CSRF_HEADER] = token;
    }
  }

  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, NETWORK_FAILURE);
  }

  if (!response.ok) {
    const text = await response.text().catch(() => '');
    if (response.status === 401 && !options.ignoreUnauthorized) {
      unauthorizedListener?.();
    }
    throw toApiError(response.status, text);
  }
  return response;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json');
  const text = await response.text().catch(() => '');
  return parseBody<T>(text, response.status);
}

/** How much of an upload's body the browser has sent so far. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * POSTs a multipart form with XMLHttpRequest, whose upload events fetch() does not offer, so that the user sees
 * a large file go up. Same session cookie, CSRF header and error handling as apiRequest.
 */
export async function apiUpload<T>(
  path: string,
  form: FormData,
  onProgress?: (progress: UploadProgress) => void,
): Promise<T> {
  const token = await ensureCsrfCookie();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (token !== null) {
      xhr.setRequestHeader(CSRF_HEADER, token);
    }
    // The browser sets the multipart Content-Type with its boundary itself.
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress?.({ loaded: event.loaded, total: event.total });
      }
    };
    xhr.onload = () => {
      const text = xhr.responseText ?? '';
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(parseBody<T>(text, xhr.status));
        } catch (failure) {
          reject(asApiError(failure));
        }
        return;
      }
      if (xhr.status === 401) {
        unauthorizedListener?.();
      }
      reject(toApiError(xhr.status, text));
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_FAILURE));
    xhr.onabort = () => reject(new ApiError(0, 'アップロードを中止しました。'));
    xhr.send(form);
  });
}

/** A file the server sent as an attachment, with the name it gave it and its other headers. */
export interface Download {
  blob: Blob;
  fileName: string;
  headers: Headers;
}

/** "attachment; filename*=UTF-8''%E4%BA%88..." → the decoded file name (RFC 6266), else the plain one. */
export function fileNameOf(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) {
    return fallback;
  }
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(contentDisposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // A malformed name falls through to the plain one.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(contentDisposition);
  return plain ? plain[1].trim() : fallback;
}

/** Like apiRequest, for answers that are files (CSV, PDF); errors still come back as JSON. */
export async function apiDownload(path: string, options: RequestOptions, fallbackName: string): Promise<Download> {
  const response = await send(path, options, '*/*');
  return {
    blob: await response.blob(),
    fileName: fileNameOf(response.headers.get('Content-Disposition'), fallbackName),
    headers: response.headers,
  };
}

/** Builds a query string, leaving out empty criteria so the server applies no filter for them. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
