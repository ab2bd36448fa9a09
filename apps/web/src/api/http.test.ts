import { createFirebreakClient } from '@firebreak/client';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { allPages, ApiError, browserMiddleware, call, once, SESSION_ENDED, type SessionEndedDetail } from './http';

/**
 * The web app's http core over the real @firebreak/client (openapi-fetch): only the network is
 * replaced, by a fetch that answers what a Firebreak server would, and records what it was sent.
 */
function server(answer: (req: Request) => Response) {
  const seen: Request[] = [];
  const fetch = (async (req: Request) => {
    seen.push(req);
    return answer(req);
  }) as typeof globalThis.fetch;
  const client = createFirebreakClient({ baseUrl: 'http://firebreak.test', fetch });
  client.api.use(browserMiddleware);
  return { api: client.api, seen };
}

const problemJson = (status: number, body: object, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json', ...headers } });

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('call(): answers and refusals', () => {
  it('answers the data of a 2xx, and sends the documented Idempotency-Key header', async () => {
    const { api, seen } = server(() => Response.json({ id: 'u1', callSign: 'E1' }, { status: 200 }));
    const unit = await call(api.POST('/api/v1/units/{id}/actions', { params: { path: { id: 'u1' }, header: once('k-1') }, body: { action: 'on_duty' } }));
    expect(unit.id).toBe('u1');
    expect(seen[0]!.url).toBe('http://firebreak.test/api/v1/units/u1/actions');
    expect(seen[0]!.headers.get('idempotency-key')).toBe('k-1');
    expect(seen[0]!.headers.get('accept')).toBe('application/json');
    expect(await seen[0]!.json()).toEqual({ action: 'on_duty' });
  });

  it('turns a problem+json refusal into an ApiError carrying its catalogued code', async () => {
    const { api } = server(() => problemJson(409, { type: 'about:blank', title: 'Conflict', status: 409, code: 'INCIDENT_UNITS_COMMITTED', detail: 'Units are still committed' }));
    const err: unknown = await call(api.POST('/api/v1/incidents/{id}/close', { params: { path: { id: 'i1' } }, body: { disposition: 'resolved' } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(409);
    expect((err as ApiError).problem?.code).toBe('INCIDENT_UNITS_COMMITTED');
    expect((err as ApiError).message).toBe('Units are still committed');
  });

  it('keeps Retry-After of a 429, and a non-problem failure has no problem', async () => {
    const throttled = server(() => problemJson(429, { type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'AUTH_LOGIN_THROTTLED' }, { 'retry-after': '42' }));
    const err = (await call(throttled.api.POST('/api/v1/auth/login', { body: { username: 'a', password: 'b' } })).catch((e: unknown) => e)) as ApiError;
    expect(err.retryAfterSeconds).toBe(42);
    const gateway = server(() => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const down = (await call(gateway.api.GET('/api/v1/auth/me')).catch((e: unknown) => e)) as ApiError;
    expect(down.status).toBe(502);
    expect(down.problem).toBeNull();
  });
});

describe('browserMiddleware: the session ends on a 401', () => {
  it('tells the shell why (the problem code), except for a wrong password at sign-in', async () => {
    const window = new EventTarget();
    (globalThis as { window?: unknown }).window = window;
    // Workers are shared between unit files (vitest.config.ts): the next file must not find a `window`.
    onTestFinished(() => void delete (globalThis as { window?: unknown }).window);
    const ended: SessionEndedDetail[] = [];
    window.addEventListener(SESSION_ENDED, (e) => ended.push((e as CustomEvent<SessionEndedDetail>).detail));
    const { api } = server(() => problemJson(401, { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'AUTH_SESSION_IDLE', detail: 'Signed out after 30 minutes' }));
    await call(api.GET('/api/v1/auth/me')).catch(() => undefined);
    expect(ended).toEqual([{ code: 'AUTH_SESSION_IDLE', detail: 'Signed out after 30 minutes' }]);
    await call(api.POST('/api/v1/auth/login', { body: { username: 'a', password: 'wrong' } })).catch(() => undefined);
    expect(ended).toHaveLength(1);
  });
});

describe('allPages', () => {
  it('follows nextCursor until the list is whole, and stops at the page bound', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = { '': { items: [1, 2], nextCursor: 'c2' }, c2: { items: [3], nextCursor: 'c3' }, c3: { items: [4], nextCursor: null } };
    const asked: (string | undefined)[] = [];
    const page = (cursor: string | undefined) => {
      asked.push(cursor);
      return Promise.resolve(pages[cursor ?? '']!);
    };
    expect(await allPages(page)).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([undefined, 'c2', 'c3']);
    expect(await allPages(page, 2)).toEqual([1, 2, 3]);
  });
});
