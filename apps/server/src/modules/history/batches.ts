import type { ImportBatch } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';

const COLUMNS = sql`id, jurisdiction_id as "jurisdictionId", jurisdiction_path::text as "jurisdictionPath", file, mapping,
  imported_at as "importedAt", imported_by as "importedBy", calls, responses, doubtful_times as "doubtfulTimes", undone_at as "undoneAt", undone_by as "undoneBy"`;

type Row = Omit<ImportBatch, 'importedAt' | 'undoneAt'> & { importedAt: Date | string; undoneAt: Date | string | null };

const iso = (d: Date | string): string => new Date(d).toISOString();
export const toBatch = (r: Row): ImportBatch => ({ ...r, importedAt: iso(r.importedAt), undoneAt: r.undoneAt === null ? null : iso(r.undoneAt) });

/** Import batches of the jurisdictions under these paths (or all: the CLI), newest first (the latest 1,000). */
export async function listBatches(db: Queryable, under: readonly string[] | 'all'): Promise<ImportBatch[]> {
  if (under !== 'all' && under.length === 0) return [];
  const where = under === 'all' ? sql`true` : sql.join(under.map((p) => sql`jurisdiction_path <@ ${p}::ltree`), sql` or `);
  const found = await rows<Row>(db, sql`select ${COLUMNS} from import_batches
    where ${where}
    order by imported_at desc, id desc limit 1000`);
  return found.map(toBatch);
}

export async function findBatch(db: Queryable, id: string): Promise<ImportBatch | null> {
  const [found] = await rows<Row>(db, sql`select ${COLUMNS} from import_batches where id = ${id}`);
  return found ? toBatch(found) : null;
}
