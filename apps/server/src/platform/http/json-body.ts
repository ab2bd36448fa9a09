import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';

/**
 * How deeply a request body may nest arrays and objects. The deepest body the API's own schemas
 * accept is a GeoJSON MultiPolygon inside a request object (about 7 levels); 64 leaves room for
 * free-form answers and keeps every walk over the parsed value shallow.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The nesting depth at which `text` first goes past `limit`, or null when it stays within.
 * One pass over the characters with a counter — no recursion, no parse — so a 16 KB body of
 * 8,000 opening brackets costs 16 KB of scanning and nothing else. Brackets inside strings do
 * not count; escapes inside strings are skipped. Malformed JSON is left to the parser.
 */
export function jsonDepthBeyond(text: string, limit: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return depth;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return null;
}

/**
 * Replaces Fastify's JSON body parser with one that refuses bodies nesting deeper than
 * `maxDepth` (400 MALFORMED_REQUEST naming `body`) before anything parses or walks them, then
 * parses with Fastify's own parser (which also refuses `__proto__`/`constructor` poisoning).
 */
export function registerJsonBodyParser(app: FastifyInstance, maxDepth = MAX_JSON_DEPTH): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepthBeyond(text, maxDepth) !== null) {
      const message = `nests arrays or objects deeper than ${maxDepth} levels`;
      done(new AppError('MALFORMED_REQUEST', `body: ${message}`, { fields: [{ path: 'body', message }] }), undefined);
      return;
    }
    parse(request, text, done);
  });
}
