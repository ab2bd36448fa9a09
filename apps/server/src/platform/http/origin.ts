import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';

/**
 * May a browser page at the request's `Origin` use this endpoint with the user's cookie? Yes
 * when it was served by this server (the Origin's host is the request's Host — compared without
 * the scheme, since a TLS proxy in front may talk plain HTTP to us), or is one of the configured
 * `ALLOWED_ORIGINS`. A request without Origin is no browser page (a device or integration with a
 * token, or curl) and is left to authentication; an Origin of `null` (sandboxed page, file://)
 * is foreign. Browsers always send Origin on a WebSocket handshake, and a WebSocket is not bound
 * by CORS: without this check any web page a signed-in dispatcher visits could open the stream
 * with their cookie and read it.
 */
export function originAllowed(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  if (allowedOrigins.includes(url.origin)) return true;
  return url.host !== '' && url.host === request.host.toLowerCase();
}

/** An onRequest hook refusing foreign origins with 403 ORIGIN_NOT_ALLOWED (for a WebSocket: before the upgrade). */
export function requireAllowedOrigin(allowedOrigins: readonly string[]) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!originAllowed(request, allowedOrigins)) {
      throw new AppError('ORIGIN_NOT_ALLOWED', `Pages from ${String(request.headers.origin)} may not open this endpoint; set ALLOWED_ORIGINS to allow another origin`);
    }
  };
}
