import { fakeBackend } from '../test/fakeBackend';
import { FakeXhr } from '../test/fakeXhr';
import { ApiError, apiRequest, apiUpload, fileNameOf, onUnauthorized, query } from './api';

describe('apiRequest', () => {
  afterEach(() => onUnauthorized(null));

  it('sends the XSRF-TOKEN cookie as X-XSRF-TOKEN on a POST, with the session cookie', async () => {
    document.cookie = 'XSRF-TOKEN=abc%3D123';
    const { requests, fetchMock } = fakeBackend({ 'POST /api/tasks/7/claim': { status: 200, body: { id: '7' } } });

    await expect(apiRequest('/tasks/7/claim', { method: 'POST' })).resolves.toEqual({ id: '7' });

    expect(requests).toHaveLength(1);
    expect(requests[0].headers['X-XSRF-TOKEN']).toBe('abc=123');
    expect(fetchMock.mock.calls[0][1]).toMatchObject({ credentials: 'same-origin' });
  });

  it('sends no CSRF header on a GET', async () => {
    document.cookie = 'XSRF-TOKEN=abc';
    const { requests } = fakeBackend({ 'GET /api/me': { status: 200, body: {} } });

    await apiRequest('/me');

    expect(requests[0].headers).not.toHaveProperty('X-XSRF-TOKEN');
  });

  it('fetches a CSRF cookie first when there is none yet', async () => {
    const { requests } = fakeBackend({
      'GET /api/system': () => {
        document.cookie = 'XSRF-TOKEN=fresh';
        return { status: 200, body: {} };
      },
      'POST /api/auth/logout': { status: 204 },
    });

    await apiRequest('/auth/logout', { method: 'POST' });

    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/system',
      'POST /api/auth/logout',
    ]);
    expect(requests[1].headers['X-XSRF-TOKEN']).toBe('fresh');
  });

  it('sends JSON bodies as JSON and form bodies form-encoded', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { requests } = fakeBackend({
      'POST /api/tasks/1/complete': { status: 204 },
      'POST /api/auth/login': { status: 200, body: {} },
    });

    await expect(
      apiRequest('/tasks/1/complete', { method: 'POST', body: { values: { a: 1 } } }),
    ).resolves.toBeUndefined();
    await apiRequest('/auth/login', { method: 'POST', body: new URLSearchParams({ username: 'u', password: 'p w' }) });

    expect(requests[0].headers['Content-Type']).toBe('application/json');
    expect(requests[0].body).toBe('{"values":{"a":1}}');
    expect(requests[1].headers).not.toHaveProperty('Content-Type');
    expect(requests[1].body).toBe('username=u&password=p+w');
  });

  it('turns an error body into an ApiError with message and fields', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    fakeBackend({
      'POST /api/tasks/1/complete': {
        status: 400,
        body: {
          status: 400,
          error: 'Bad Request',
          message: '入力内容に誤りがあります',
          fields: { reason: '照会理由を入力してください' },
        },
      },
    });

    const error = await apiRequest('/tasks/1/complete', { method: 'POST', body: {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      message: '入力内容に誤りがあります',
      fields: { reason: '照会理由を入力してください' },
      code: 'Bad Request',
    });
  });

  it("keeps the server's error code, so that callers tell a confirmation from a refusal", async () => {
    document.cookie = 'XSRF-TOKEN=t';
    fakeBackend({
      'POST /api/doses': {
        status: 422,
        body: {
          status: 422,
          error: 'confirmation_required',
          message: '確認が必要な項目があります（E032）',
          fields: { doseDate: 'E032 前回の接種からの間隔が足りません' },
        },
      },
    });

    await expect(apiRequest('/doses', { method: 'POST', body: {} })).rejects.toMatchObject({
      status: 422,
      code: 'confirmation_required',
      fields: { doseDate: 'E032 前回の接種からの間隔が足りません' },
    });
  });

  it('keeps the four-eyes refusal message of a 403', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    fakeBackend({
      'POST /api/tasks/9/claim': {
        status: 403,
        body: { status: 403, error: 'Forbidden', message: '確認者は登録者と別の職員でなければなりません' },
      },
    });

    await expect(apiRequest('/tasks/9/claim', { method: 'POST' })).rejects.toMatchObject({
      status: 403,
      message: '確認者は登録者と別の職員でなければなりません',
      fields: {},
    });
  });

  it('falls back to a Japanese message when the error body is not JSON', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502 })),
    );

    await expect(apiRequest('/tasks')).rejects.toMatchObject({
      status: 502,
      message: 'サーバーでエラーが発生しました（502）。時間をおいて再度お試しください。',
      code: null,
    });
  });

  it('reports a 401 to the unauthorized listener and still rejects', async () => {
    const listener = vi.fn();
    onUnauthorized(listener);
    fakeBackend({
      'GET /api/tasks/counts': {
        status: 401,
        body: { status: 401, error: 'Unauthorized', message: 'ログインしてください' },
      },
    });

    await expect(apiRequest('/tasks/counts')).rejects.toMatchObject({ status: 401, message: 'ログインしてください' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not report a 401 of a request that expects it (the login itself)', async () => {
    const listener = vi.fn();
    onUnauthorized(listener);
    document.cookie = 'XSRF-TOKEN=t';
    fakeBackend({
      'POST /api/auth/login': {
        status: 401,
        body: { status: 401, error: 'Unauthorized', message: 'ユーザーIDまたはパスワードが正しくありません' },
      },
    });

    await expect(
      apiRequest('/auth/login', { method: 'POST', body: new URLSearchParams(), ignoreUnauthorized: true }),
    ).rejects.toMatchObject({ status: 401, message: 'ユーザーIDまたはパスワードが正しくありません' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('turns a network failure into an ApiError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );

    await expect(apiRequest('/me')).rejects.toMatchObject({
      status: 0,
      message: 'サーバーに接続できません。ネットワークを確認してください。',
    });
  });
});

describe('apiUpload', () => {
  afterEach(() => onUnauthorized(null));

  it('posts the form with the CSRF header and reports the progress of the upload', async () => {
    document.cookie = 'XSRF-TOKEN=abc';
    FakeXhr.install();
    const progress = vi.fn();
    const form = new FormData();
    form.append('encoding', 'AUTO');

    const answer = apiUpload('/dose-batches', form, progress);
    await vi.waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    const xhr = FakeXhr.last();
    xhr.progress(10, 40);
    xhr.respond(201, { id: 7 });

    await expect(answer).resolves.toEqual({ id: 7 });
    expect(progress).toHaveBeenCalledWith({ loaded: 10, total: 40 });
    expect(xhr).toMatchObject({ method: 'POST', url: '/api/dose-batches', withCredentials: true, body: form });
    expect(xhr.headers).toEqual({ Accept: 'application/json', 'X-XSRF-TOKEN': 'abc' });
  });

  it('turns a refusal into an ApiError and reports a 401', async () => {
    document.cookie = 'XSRF-TOKEN=abc';
    FakeXhr.install();
    const listener = vi.fn();
    onUnauthorized(listener);

    const duplicate = apiUpload('/dose-batches', new FormData());
    await vi.waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    FakeXhr.last().respond(409, { status: 409, error: 'duplicate_file', message: '既に取り込まれています' });
    await expect(duplicate).rejects.toMatchObject({
      status: 409,
      code: 'duplicate_file',
      message: '既に取り込まれています',
    });

    const expired = apiUpload('/dose-batches', new FormData());
    await vi.waitFor(() => expect(FakeXhr.instances).toHaveLength(2));
    FakeXhr.last().respond(401);
    await expect(expired).rejects.toMatchObject({ status: 401, message: 'ログインしてください。' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('query', () => {
  it('leaves out empty criteria and encodes the rest', () => {
    expect(query({ name: 'ヤマダ', birthDate: '', addresseeNumber: null, page: 0 })).toBe(
      '?name=%E3%83%A4%E3%83%9E%E3%83%80&page=0',
    );
    expect(query({ name: '' })).toBe('');
  });
});

describe('fileNameOf', () => {
  it('reads the UTF-8 name of an attachment, else the plain one, else the fallback', () => {
    expect(fileNameOf('attachment; filename="a.csv"; filename*=UTF-8\'\'%E4%BA%88%E8%A8%BA%E7%A5%A8.pdf', 'x')).toBe(
      '予診票.pdf',
    );
    expect(fileNameOf('attachment; filename="cohort.csv"', 'x')).toBe('cohort.csv');
    expect(fileNameOf(null, 'fallback.csv')).toBe('fallback.csv');
  });
});
