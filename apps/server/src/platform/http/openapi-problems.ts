import { ERROR_CATALOGUE, type ErrorCode } from '../../errors.js';
import type { RouteAccess } from '../auth/guard.js';

declare module 'fastify' {
  interface FastifySchema {
    /**
     * The catalogued errors this operation raises itself (its command's rules: INCIDENT_CLOSED,
     * UNIT_CALL_SIGN_TAKEN, …). Those every route of its kind can answer — validation, sign-in,
     * scope, not found, body size and type, idempotency, internal — are added from the route's
     * shape (problemCodesOf); the OpenAPI document lists both as problem+json responses.
     */
    errors?: readonly ErrorCode[];
  }
}

/** What decides which errors any route can answer, read from its declaration. */
export interface RouteShape {
  method: string;
  /** The route's URL as declared (`/api/v1/incidents/:id`). */
  url: string;
  access: RouteAccess | undefined;
  hasBody: boolean;
  hasQuery: boolean;
  /** The query or body names other records by id (`jurisdictionId`, `unitIds`): one that is not there is NOT_FOUND. */
  referencesIds: boolean;
  /** The route's own errors (schema.errors). */
  declared: readonly ErrorCode[];
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every catalogued error a route can answer, in catalogue order: those its shape implies plus
 * those it declares. Pure: the OpenAPI transform calls it for each route.
 */
export function problemCodesOf(route: RouteShape): ErrorCode[] {
  const codes = new Set<ErrorCode>(route.declared);
  const method = route.method.toUpperCase();
  const hasPathParams = /[:*]/.test(route.url);
  // A malformed URL or query string reaches every route; a body that is not JSON every route taking one.
  codes.add('MALFORMED_REQUEST');
  if (route.hasBody || route.hasQuery || hasPathParams || WRITES.has(method)) codes.add('VALIDATION_FAILED');
  if (route.access !== 'public') {
    codes.add('AUTH_REQUIRED');
    codes.add('AUTH_SESSION_IDLE');
    // Route permissions (access guard) and per-jurisdiction scope checks in the handlers.
    codes.add('FORBIDDEN');
  }
  if (hasPathParams || route.referencesIds) codes.add('NOT_FOUND');
  // A path parameter longer than the router's maxParamLength (100) matches no route at all: 404 ROUTE_NOT_FOUND.
  if (hasPathParams) codes.add('ROUTE_NOT_FOUND');
  if (WRITES.has(method)) {
    codes.add('PAYLOAD_TOO_LARGE');
    codes.add('UNSUPPORTED_MEDIA_TYPE');
    // Commands of a signed-in caller honour an Idempotency-Key (platform/http/context.ts).
    if (route.access !== 'public') codes.add('IDEMPOTENCY_KEY_REUSED');
  }
  // The database restarting or failing over: 503 with Retry-After, retried with the same Idempotency-Key.
  codes.add('SERVICE_UNAVAILABLE');
  codes.add('INTERNAL');
  return (Object.keys(ERROR_CATALOGUE) as ErrorCode[]).filter((c) => codes.has(c));
}

/** The codes grouped by their HTTP status, as OpenAPI lists responses. */
export function byStatus(codes: readonly ErrorCode[]): Map<number, ErrorCode[]> {
  const out = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_CATALOGUE[code].status;
    out.set(status, [...(out.get(status) ?? []), code]);
  }
  return new Map([...out.entries()].sort(([a], [b]) => a - b));
}

/** The field names of a request schema (a zod object, a union of objects, or a pipe from one). */
export function fieldNames(schema: unknown): string[] {
  const def = (schema as { def?: { type?: string; shape?: object; options?: unknown[]; in?: unknown } } | undefined)?.def;
  if (!def) return [];
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def.type === 'union' && def.options) return def.options.flatMap(fieldNames);
  if (def.type === 'pipe') return fieldNames(def.in);
  return [];
}

/** Whether a request names other records by id: `jurisdictionId`, `unitIds`, `placeId`, … */
export const namesIds = (...schemas: unknown[]): boolean => schemas.some((s) => fieldNames(s).some((name) => /Ids?$/.test(name)));
