import type { OnboardBatch } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';

const COLUMNS = sql`id, kind, file, scope_path::text as "scopePath", imported_at as "importedAt", imported_by as "importedBy",
  created, updated, unchanged, rejected, undone_at as "undoneAt", undone_by as "undoneBy"`;

type Row = Omit<OnboardBatch, 'importedAt' | 'undoneAt'> & { importedAt: Date | string; undoneAt: Date | string | null };

const iso = (d: Date | string): string => new Date(d).toISOString();
const toBatch = (r: Row): OnboardBatch => ({ ...r, importedAt: iso(r.importedAt), undoneAt: r.undoneAt === null ? null : iso(r.undoneAt) });

/** Onboarding batches under these paths (or all: the CLI), newest first (the latest 1,000). */
export async function listOnboardBatches(db: Queryable, under: readonly string[] | 'all'): Promise<OnboardBatch[]> {
  if (under !== 'all' && under.length === 0) return [];
  const where = under === 'all' ? sql`true` : sql.join(under.map((p) => sql`scope_path <@ ${p}::ltree`), sql` or `);
  const found = await rows<Row>(db, sql`select ${COLUMNS} from onboarding_batches where ${where} order by imported_at desc, id desc limit 1000`);
  return found.map(toBatch);
}

export async function findOnboardBatch(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<OnboardBatch | null> {
  const [found] = await rows<Row>(db, sql`select ${COLUMNS} from onboarding_batches where id = ${id} ${opts.forUpdate ? sql`for update` : sql``}`);
  return found ? toBatch(found) : null;
}

/** The console lines of `firebreak onboard batches`. */
export function describeOnboardBatches(batches: readonly OnboardBatch[]): string[] {
  if (batches.length === 0) return ['No onboarding batches'];
  return batches.map((b) => `${b.id}  ${b.importedAt}  ${b.kind.padEnd(8)} ${b.file} under ${b.scopePath} by ${b.importedBy}: ${b.created} created, ${b.updated} updated, ${b.unchanged} unchanged, ${b.rejected} rejected${b.undoneAt ? ` — undone ${b.undoneAt} by ${b.undoneBy}` : ''}`);
}
