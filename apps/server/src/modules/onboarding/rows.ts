import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import type { CommandRecord } from '../../platform/command.js';
import { rows, type Queryable, type Tx } from '../../platform/db/client.js';
import type { LivePositions } from '../units/index.js';
import type { ColumnSpec, FileRow } from './read-rows.js';

/** A row that cannot be taken, with the column at fault. */
export class RowRejected extends Error {
  constructor(readonly field: string | undefined, reason: string) {
    super(reason);
  }
}

/** What a kind of file needs: its columns, how a row becomes the domain command's body, and how its record is found again. */
export interface OnboardKindRules<Body> {
  entityType: 'unit' | 'place' | 'user' | 'response_plan';
  columns: ColumnSpec;
  /** The domain body of a row; throws RowRejected. */
  prepare(q: Queryable, env: RowEnv, row: FileRow): Promise<{ key: string; body: Body }>;
  /** The record already holding the row's natural key: unchanged when it agrees, else the first difference; `taken`: one out of the actor's sight, not described. */
  existing(q: Queryable, env: RowEnv, body: Body): Promise<{ id: string; difference: string | null; taken?: string; updatable?: boolean } | null>;
  /**
   * Gives a record found with other values (`updatable`) the file's, through the domain's own
   * update rules; answers the values before and the version it left, for an undo. Kinds without
   * it reject such rows.
   */
  update?(tx: Tx, record: CommandRecord, env: RowEnv, id: string, body: Body): Promise<{ path: string; before: unknown; versionAfter: number }>;
  /** Creates the record through the domain command's own rules, inside the open transaction. */
  create(tx: Tx, record: CommandRecord, env: RowEnv, body: Body): Promise<{ id: string; path: string; secret?: { username: string; password: string } }>;
}

export interface RowEnv {
  actor: Actor;
  clock: () => Date;
  live: LivePositions;
  jurisdictions: JurisdictionIndex;
  dryRun: boolean;
}

/** The jurisdiction a cell names: its full path (li.oberland.vaduz), its last path segment (vaduz) or its name (Vaduz), when that is unique. */
export class JurisdictionIndex {
  private constructor(private readonly all: { id: string; path: string; name: string }[]) {}

  static async load(q: Queryable): Promise<JurisdictionIndex> {
    return new JurisdictionIndex(await rows(q, sql`select id, path::text as path, name from jurisdictions order by path`));
  }

  resolve(value: string, field: string): { id: string; path: string } {
    const v = value.trim();
    const lower = v.toLowerCase();
    const exact = this.all.find((j) => j.path === v);
    if (exact) return exact;
    for (const match of [(j: { path: string }) => j.path.split('.').at(-1) === lower, (j: { name: string }) => j.name.toLowerCase() === lower]) {
      const found = this.all.filter(match);
      if (found.length === 1) return found[0]!;
      if (found.length > 1) throw new RowRejected(field, `${v} is ambiguous (${found.map((j) => j.path).join(', ')}): give the full path`);
    }
    throw new RowRejected(field, `no jurisdiction ${v} (give its path, e.g. ${this.all[1]?.path ?? this.all[0]?.path ?? 'li.oberland'})`);
  }

  byId(id: string): { id: string; path: string } | undefined {
    return this.all.find((j) => j.id === id);
  }
}

/**
 * The domain schema's verdict on a row's body, its first problem named by our column: the same
 * zod schema the API validates with, so a file row and an API call follow one set of rules.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, columnOf: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data as z.infer<S>;
  const issue = parsed.error.issues[0]!;
  const field = columnOf[String(issue.path[0] ?? '')];
  throw new RowRejected(field, issue.message);
}

/** A domain command's refusal (an AppError naming `body.x`), as a row's rejection naming our column. */
export function asRejection(err: unknown, columnOf: Record<string, string>): RowRejected | null {
  if (err instanceof RowRejected) return err;
  const refused = databaseRefusal(err);
  if (refused) return new RowRejected(undefined, `the database refused the row: ${refused}`);
  if (!(err instanceof AppError) || err.status >= 500) return null;
  const f = err.options.fields?.[0];
  const bodyField = f?.path.replace(/^body\./, '').split('.')[0];
  const message = (f?.message ?? err.message).replace(/^body\.[\w.]+: /, '');
  return new RowRejected(bodyField === undefined ? undefined : columnOf[bodyField] ?? bodyField, message);
}

/** A number cell, left as text when it is not one so the schema names the column. */
export const numberCell = (v: string | undefined): number | string | undefined => (v === undefined ? undefined : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);

/** A yes/no cell. */
export function booleanCell(v: string | undefined, field: string): boolean | undefined {
  if (v === undefined) return undefined;
  const l = v.toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(l)) return true;
  if (['false', 'no', 'n', '0'].includes(l)) return false;
  throw new RowRejected(field, `${v} is not yes or no (true/false, 1/0)`);
}

/** A list cell: values split on `;` or `|` (commas belong to CSV). */
export const listCell = (v: string | undefined): string[] => (v === undefined ? [] : v.split(/[;|]/).map((s) => s.trim()).filter((s) => s !== ''));

/**
 * A row PostgreSQL refused for its data (SQLSTATE class 22, e.g. a value out of range) or a
 * constraint (class 23, e.g. a concurrent run took the same key first): that row's fault, rolled
 * back with its savepoint, not the server's. Anything else is a real failure and ends the run.
 */
function databaseRefusal(err: unknown): string | null {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code)) return e.message;
  }
  return null;
}
