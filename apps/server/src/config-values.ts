import { z } from 'zod';
import { PostgresUrlError, parsePostgresUrl } from './platform/db/pg-hosts.js';

/**
 * Kinds of value that several settings of config.ts share. They live beside it so that each
 * setting reports every problem in a value, naming the variable, not just the first.
 */

/** A switch: `true`/`1` or `false`/`0`; unset = `fallback`. */
export function flagEnv(fallback: boolean) {
  return z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');
}

/** A setting holding JSON checked by a contract's schema; unset = `fallback()`. Each issue names its path in the JSON. */
export function jsonSetting<T extends z.ZodTypeAny>(schema: T, fallback: () => z.output<T>) {
  return z
    .string()
    .optional()
    .transform((v, ctx): z.output<T> => {
      if (v === undefined) return fallback();
      let json: unknown;
      try {
        json = JSON.parse(v);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        for (const i of parsed.error.issues) ctx.addIssue({ code: 'custom', message: `${i.path.join('.')}: ${i.message}` });
        return z.NEVER;
      }
      return parsed.data as z.output<T>;
    });
}

/** A postgres:// URL with one host or several (libpq's syntax, which the WHATWG URL parser refuses). */
export function postgresUrl() {
  return z.string().superRefine((v, ctx) => {
    try {
      parsePostgresUrl(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof PostgresUrlError ? err.message : 'not a valid postgres:// URL' });
    }
  });
}
