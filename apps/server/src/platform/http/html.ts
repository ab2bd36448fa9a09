import type { FastifyInstance } from 'fastify';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Print-friendly styles shared by the printable report pages. */
export const PRINT_STYLE = `body{font:12px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #999;padding:.25em .5em;text-align:right}td:first-child,th:first-child{text-align:left}
thead{display:table-header-group}tr{page-break-inside:avoid}small{color:#666}
@media print{body{margin:0}}`;

/**
 * The Content-Security-Policy of every HTML page the server sends: the web app, the printable
 * reports (campaign coverage, hazards, accountability trace) and the API docs. Scripts only from
 * this origin, never inline, so text that slips into a page cannot run; styles may be inline
 * (the report pages' <style>, Mantine's style attributes); images from here or data:/blob:
 * (icons, map sprites); network only back to this origin (API and stream: CSP 3 `'self'` covers
 * ws:/wss: to the same host); workers from blob: (MapLibre builds its worker that way); no
 * plugins, no <base>, forms post only here, and no page may be framed (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Every response sent as text/html gets CONTENT_SECURITY_POLICY, whichever route or plugin made it. */
export function registerHtmlSecurityPolicy(app: FastifyInstance): void {
  app.addHook('onSend', (_request, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.toLowerCase().startsWith('text/html')) void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    done(null, payload);
  });
}
