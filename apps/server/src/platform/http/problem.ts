import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CATALOGUE, type ErrorCode, type FieldError } from '../../errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const CONTEXT_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

/** Turns anything thrown in a request into an RFC 9457 problem; internals never leak. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) return validationError(err);
  const fe = err as Partial<FastifyError> & { code?: string; statusCode?: number };
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return new AppError(mapped, fe.message, { cause: err });
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED', fe.message, { cause: err });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('MALFORMED_REQUEST', fe.message, { cause: err });
  }
  if (isDatabaseUnavailable(err)) {
    return new AppError('SERVICE_UNAVAILABLE', 'The database is unavailable (restarting or failing over); retry the request with the same Idempotency-Key', { cause: err });
  }
  return new AppError('INTERNAL', 'An internal error occurred; it has been logged', { cause: err });
}

/** Socket errors of a lost database connection, and our own when no host of the list will do. */
const LINK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'FIREBREAK_NO_DB_HOST']);
/** SQLSTATEs of a server going away: shut down, crashed, still starting, or a primary turned read-only standby. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '25006']);
const LOST_LINK_MESSAGES = /^(Connection terminated|Client has encountered a connection error|Connection terminated unexpectedly|timeout exceeded when trying to connect)/;

/**
 * A failed command whose database went away: a 503 the client (and the balancer) retries, not a
 * 500. Nothing was acknowledged, so the retry with its Idempotency-Key neither loses nor doubles it.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (LINK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && LOST_LINK_MESSAGES.test(message)) return true;
  }
  return false;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'MALFORMED_REQUEST',
  // A path parameter longer than the router's maxParamLength (100): no id of ours is that long.
  FST_ERR_MAX_PARAM_LENGTH: 'MALFORMED_REQUEST',
};

function validationError(err: Parameters<typeof hasZodFastifySchemaValidationErrors>[0] & object): AppError {
  const e = err as unknown as { validation: { instancePath: string; message?: string; keyword?: string; params?: { keys?: unknown } }[]; validationContext?: string };
  const prefix = CONTEXT_NAMES[e.validationContext ?? 'body'] ?? 'body';
  const fields: FieldError[] = e.validation.flatMap((v) => {
    const at = [prefix, ...v.instancePath.split('/').filter(Boolean)];
    // An unknown field is reported on its parent object; name the field itself.
    if (v.keyword === 'unrecognized_keys' && Array.isArray(v.params?.keys)) {
      return v.params.keys.map((key) => ({ path: [...at, String(key)].join('.'), message: 'unknown field' }));
    }
    return [{ path: at.join('.'), message: v.message ?? 'invalid' }];
  });
  const detail = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  return new AppError('VALIDATION_FAILED', detail, { fields, cause: err });
}

/** The `type` URI of a problem with that code. */
export const problemType = (code: ErrorCode): string => `urn:firebreak:problem:${code.toLowerCase().replaceAll('_', '-')}`;

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  for (const [k, v] of Object.entries(error.options.headers ?? {})) void reply.header(k, v);
  return reply
    .status(error.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({
      type: problemType(error.code),
      title: error.title,
      status: error.status,
      code: error.code,
      detail: error.status >= 500 ? ERROR_CATALOGUE[error.code].title : error.message,
      instance: request.url,
      requestId: request.id,
      ...(error.fields ? { errors: error.fields } : {}),
    });
}

/** Half of a UTF-16 surrogate pair without its other half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (s: string): boolean => s.includes('\u0000') || LONE_SURROGATE.test(s);

/**
 * PostgreSQL refuses NUL in text and jsonb, and a lone surrogate (JSON `"\ud800"`) in jsonb; say
 * which field has one instead of failing later. Walks with an explicit stack, never recursion:
 * the value is untrusted input, and its depth must not decide the depth of our call stack.
 */
export function findNulCharacter(value: unknown, path: string): string | null {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (unstorable(v)) return at;
    } else if (Array.isArray(v)) {
      // Pushed last-first so the first offending field in document order is the one named.
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${at}.${i}`]);
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (const [k] of entries) if (unstorable(k)) return `${at}.${k}`;
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], `${at}.${entries[i]![0]}`]);
    }
  }
  return null;
}
