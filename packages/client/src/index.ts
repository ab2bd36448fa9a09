import createClient, { type Client, type FetchResponse, type Middleware } from 'openapi-fetch';
import type { MediaType, ResponseObjectMap, SuccessResponse } from 'openapi-typescript-helpers';
import type { components, operations, paths } from './openapi.js';

/**
 * A typed client of the Firebreak API: `openapi-fetch` over the types openapi-typescript
 * generates from the server's OpenAPI document (src/openapi.ts). Every path, parameter, body and
 * answer is typed; refusals are RFC 9457 problems with a stable `code` (docs/errors.md).
 * The WebSocket stream is described in /api/v1/asyncapi.json; `streamUrl` and `parseStreamMessage`
 * help a client read it.
 */

export type { components, operations, paths };
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type ErrorCode = Schemas['ErrorCode'];
export type StreamEvent = Schemas['StreamEvent'];
export type FirebreakApi = Client<paths>;
/** A hook on every request and answer of `api` (`api.use(middleware)`): headers to add, answers to watch. */
export type { FetchResponse, MediaType, Middleware };

/** A refusal of the API, with its problem document: branch on `code`, never on the text. */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly status: number,
  ) {
    super(`${problem.code}: ${problem.detail ?? problem.title}`);
    this.name = 'ProblemError';
  }

  get code(): ErrorCode {
    return this.problem.code;
  }
}

/**
 * The data of an operation's successful answer, as the generated schema says. Not openapi-fetch's
 * own `data` type: that passes answers through `Readable` (for readOnly/writeOnly markers, which
 * our document does not use), which turns tuples such as a position `[longitude, latitude]` into
 * `number[]`.
 */
export type AnswerData<Operation extends Record<string | number, unknown>, Media extends MediaType = `${string}/json`> = SuccessResponse<ResponseObjectMap<Operation>, Media>;

/**
 * The answer's data, or a ProblemError for a refusal:
 * `const incident = await unwrap(api.GET('/api/v1/incidents/{id}', { params: { path: { id } } }))`.
 */
export async function unwrap<Operation extends Record<string | number, unknown>, Options, Media extends MediaType>(
  call: Promise<FetchResponse<Operation, Options, Media>>,
): Promise<AnswerData<Operation, Media>> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = isProblem(error) ? error : { type: 'about:blank', title: response.statusText, status: response.status, code: 'INTERNAL' as ErrorCode };
    throw new ProblemError(problem, response.status);
  }
  return data as AnswerData<Operation, Media>;
}

const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null && typeof (value as Problem).code === 'string';

export interface FirebreakClientOptions {
  /** Where the server is, e.g. `https://firebreak.example.org` (the paths carry `/api/v1`). */
  baseUrl: string;
  /** An API token (Settings → API tokens, or POST /api/v1/auth/tokens), sent as a bearer token. */
  token?: string;
  /** Another fetch (tests, proxies); default the global one. */
  fetch?: typeof globalThis.fetch;
}

export interface FirebreakClient {
  /** Every operation of the API: `api.GET('/api/v1/incidents')`, `api.POST('/api/v1/incidents', { body })`, … */
  api: FirebreakApi;
  /**
   * Signs in with a password. Outside a browser the client keeps the session cookie and sends it
   * from then on; a browser keeps it itself. An account whose role needs a second factor gets an
   * MFA challenge (`mfa`, `ticket`) to answer with POST /api/v1/auth/login/mfa.
   */
  login(username: string, password: string): Promise<Schemas['LoginResponse']>;
  logout(): Promise<void>;
  /** The WebSocket URL of the event stream; resume after the last event seen with `after`. */
  streamUrl(after?: string): string;
  /** What a WebSocket client outside a browser must send to open the stream (cookie or bearer token). */
  credentials(): Record<string, string>;
}

export function createFirebreakClient(options: FirebreakClientOptions): FirebreakClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  let session: string | undefined;
  const credentials = (): Record<string, string> => ({
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...(session ? { cookie: session } : {}),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      for (const [name, value] of Object.entries(credentials())) if (!request.headers.has(name)) request.headers.set(name, value);
      return request;
    },
    onResponse({ response }) {
      // Node's fetch keeps no cookies: keep the session the server sets (login) or clears (logout).
      const cookie = sessionCookieOf(response.headers);
      if (cookie !== undefined) session = cookie || undefined;
      return response;
    },
  };
  const api = createClient<paths>({ baseUrl, credentials: 'same-origin', ...(options.fetch ? { fetch: options.fetch } : {}) });
  api.use(auth);
  return {
    api,
    login: (username, password) => unwrap(api.POST('/api/v1/auth/login', { body: { username, password } })),
    logout: async () => {
      await unwrap(api.POST('/api/v1/auth/logout'));
      session = undefined;
    },
    streamUrl: (after) => `${baseUrl.replace(/^http/, 'ws')}/api/v1/stream${after ? `?after=${encodeURIComponent(after)}` : ''}`,
    credentials,
  };
}

const SESSION_COOKIE = 'firebreak_session';

/** `firebreak_session=<value>` from a Set-Cookie answer, '' when it clears the session, undefined when it says nothing of it. */
function sessionCookieOf(headers: Headers): string | undefined {
  const all = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [headers.get('set-cookie') ?? ''];
  for (const line of all) {
    const match = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(line.trim());
    if (match) return match[1] ? `${SESSION_COOKIE}=${match[1]}` : '';
  }
  return undefined;
}

/** A control message of the stream: `hello` first, `caught_up` after a replay, `error` for a resume from an unknown event. */
export type StreamControl =
  | { kind: 'hello'; resumedFrom: string | null }
  | { kind: 'caught_up'; replayed: number }
  | { kind: 'error'; code: string; detail: string };

/** One message of the stream, told apart: an event (deduplicate by `id`: delivery is at least once) or a control message. */
export function parseStreamMessage(data: string): { event: StreamEvent } | { control: StreamControl } {
  const message = JSON.parse(data) as StreamEvent | StreamControl;
  return 'kind' in message ? { control: message } : { event: message };
}
