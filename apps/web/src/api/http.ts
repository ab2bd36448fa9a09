import { createFirebreakClient, type AnswerData, type FetchResponse, type FirebreakApi, type MediaType, type Middleware, type Problem } from '@firebreak/client';
import i18n from 'i18next';

/** An API answer that was not 2xx, with the server's RFC 9457 problem when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    /** From a 429's Retry-After: how long the server asks us to wait. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/**
 * Fired when the session has ended (401): the shell sends the user back to the login screen. A
 * CustomEvent whose detail is the problem's code (e.g. AUTH_SESSION_IDLE) and detail, if any.
 */
export const SESSION_ENDED = 'firebreak:session-ended';
export interface SessionEndedDetail {
  code: string | null;
  detail: string | null;
}

/**
 * Requests made while the user has not touched the keyboard, mouse or screen for a minute (refreshes
 * after live events) say so: the server does not count them as activity, so an unattended screen
 * still signs out after its idle limit.
 */
const BACKGROUND_AFTER_MS = 60_000;
let lastInputAt = Date.now();
if (typeof window !== 'undefined') {
  for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart']) {
    window.addEventListener(type, () => (lastInputAt = Date.now()), { capture: true, passive: true });
  }
}

/**
 * The web app's one way to the server: `@firebreak/client` (openapi-fetch over the types generated
 * from the served OpenAPI document), so a route or contract change the screens no longer match
 * fails `tsc -b` rather than a dispatcher. Same origin: the browser keeps the session cookie.
 */
const firebreak = createFirebreakClient({ baseUrl: typeof location === 'undefined' ? '' : location.origin });
export const fb: FirebreakApi = firebreak.api;

/** The WebSocket URL of the event stream, resuming after the last event seen. */
export const streamUrl = (after?: string): string => firebreak.streamUrl(after);

/** What every request of the screens carries, and what every answer may end (401: back to login). */
export const browserMiddleware: Middleware = {
  onRequest({ request }) {
    if (!request.headers.has('accept')) request.headers.set('accept', 'application/json');
    if (Date.now() - lastInputAt > BACKGROUND_AFTER_MS) request.headers.set('x-firebreak-background', '1');
    return request;
  },
  async onResponse({ response, schemaPath }) {
    // A wrong password or code at sign-in is a 401 too: that one is the login form's to show.
    if (response.status === 401 && !schemaPath.startsWith('/api/v1/auth/login') && typeof window !== 'undefined') {
      const body: unknown = await response.clone().json().catch(() => null);
      const problem = isProblem(body) ? body : null;
      const detail: SessionEndedDetail = { code: problem?.code ?? null, detail: problem?.detail ?? null };
      window.dispatchEvent(new CustomEvent(SESSION_ENDED, { detail }));
    }
    return response;
  },
};
fb.use(browserMiddleware);

/**
 * The data of an answer, or an ApiError carrying the server's problem (its `code` is what the
 * screens show, `problemText`): `await call(fb.GET('/api/v1/incidents/{id}', { params: { path: { id } } }))`.
 * Typed from the generated schema (`AnswerData`), so tuples such as positions stay tuples.
 */
export async function call<Operation extends Record<string | number, unknown>, Options, Media extends MediaType>(
  request: Promise<FetchResponse<Operation, Options, Media>>,
): Promise<AnswerData<Operation, Media>> {
  const { data, error, response } = await request;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(response.status, isProblem(error) ? error : null, response.status === 429 && retryAfter > 0 ? retryAfter : null);
  }
  return data as AnswerData<Operation, Media>;
}

/** Follows `nextCursor` until the list is whole (bounded: a runaway server cannot loop us). */
export async function allPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>, maxPages = 50): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < maxPages; n++) {
    const res = await page(cursor);
    out.push(...res.items);
    cursor = res.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return out;
}

/** The Idempotency-Key header of a command (one key per user intent, so a retry never acts twice). */
export const once = (key: string) => ({ 'Idempotency-Key': key });

/**
 * A file sent as it is (an upload: the onboarding and setup endpoints read the body's bytes), with
 * its content type. The document does not describe these bodies (they are not JSON), so the body
 * goes past the typed `body` as the bytes themselves.
 */
export const fileBody = (data: Blob, type: string) => ({ body: data as never, bodySerializer: (b: unknown) => b as Blob, headers: { 'content-type': type } });

/**
 * A query built elsewhere as a string (the screens whose filters live in the address, e.g. the
 * hazard board), sent as it is: the path stays typed, the query is the caller's.
 */
export const rawQuery = (query: string | URLSearchParams) => ({ querySerializer: () => String(query) });

/** A page of a list whose query is a string (`rawQuery`): the query with `limit` and the cursor. */
export function pageQuery(query: string, limit: number, cursor: string | undefined): string {
  const q = new URLSearchParams(query);
  q.set('limit', String(limit));
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// openapi-fetch's `request` keyed by a path only known at run time (its methods close over the client: no `this`).
const untypedRequest = fb.request as unknown as (method: string, url: string, init: object) => Promise<FetchResponse<Record<string, unknown>, object, MediaType>>;

/**
 * A call whose path is built at run time (`/major-incidents/${id}/level`, a hazard step chosen from
 * the offered actions, an entity's audit trail): it still goes through the client and its
 * middleware (background flag, 401, problem → ApiError), but its answer is typed by the caller,
 * not by the document. Prefer `call(fb.POST('/api/v1/…'))` wherever the path is known.
 */
export function callPath<T>(path: string, opts: { method?: Method; body?: unknown; idempotencyKey?: string; signal?: AbortSignal } = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST');
  const init = { ...(opts.body === undefined ? {} : { body: opts.body }), ...(opts.idempotencyKey ? { headers: once(opts.idempotencyKey) } : {}), signal: opts.signal };
  return call(untypedRequest(method, `/api/v1${path}`, init)) as Promise<T>;
}

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && 'status' in v && 'title' in v;
}

/**
 * The message to show for any failure. A problem whose `code` the locale words (`problems.<CODE>`)
 * is shown in the user's language; one whose particulars matter to the user (which call sign, how
 * many posts: `problemDetail.<CODE>`) is worded in the user's language around the server's detail;
 * otherwise, in English, the server's detail and field errors; in another language the fallback
 * (the server writes its details in English: they are not shown raw without words around them).
 */
export function problemText(err: unknown, fallback: string): string {
  if (err instanceof ApiError) {
    const code = err.problem?.code;
    if (code && i18n.exists(`problems.${code}`)) return i18n.t(`problems.${code}`);
    const detail = err.problem?.detail ?? '';
    // A field error the detail already says (the server often words one problem both ways) is not said twice.
    const fields = err.problem?.errors?.filter((e) => !detail.includes(e.message)).map((e) => `${e.path}: ${e.message}`).join('; ');
    const serverWords = [err.problem?.detail ?? err.problem?.title, fields].filter(Boolean).join(' — ');
    if (code && serverWords && i18n.exists(`problemDetail.${code}`)) return i18n.t(`problemDetail.${code}`, { detail: serverWords });
    if (i18n.isInitialized && !i18n.language.startsWith('en')) return fallback;
    return serverWords || fallback;
  }
  if (i18n.isInitialized && !i18n.language.startsWith('en')) return fallback;
  return err instanceof Error && err.message ? err.message : fallback;
}
