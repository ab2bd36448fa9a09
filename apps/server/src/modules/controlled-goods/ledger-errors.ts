import { AppError, type ErrorCode } from '../../errors.js';

/** The constraint PostgreSQL names when it refuses a ledger write (SQLSTATE 23xxx), found along the error's causes. */
export function refusedConstraint(err: unknown): string | null {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && code.startsWith('23') && typeof constraint === 'string') return constraint;
  }
  return null;
}

/**
 * Turns the database's refusal of a movement into the catalogue's error. The invariants live in the
 * database (CHECKs on goods_accounts, the posting trigger): this only names them for the client.
 */
export function ledgerRefusal(err: unknown, names: Partial<Record<string, { code: ErrorCode; detail: string; field?: string }>>): AppError | null {
  const constraint = refusedConstraint(err);
  const hit = constraint ? names[constraint] : undefined;
  if (!hit) return null;
  return new AppError(hit.code, hit.detail, { cause: err, ...(hit.field ? { fields: [{ path: hit.field, message: hit.detail }] } : {}) });
}

/** The SQLSTATE of a database error, found along the error's causes (drizzle wraps the driver's error). */
export function sqlState(err: unknown): string | null {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}
