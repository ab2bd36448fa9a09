import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { rows, type Db } from '../../platform/db/client.js';
import { settleBoundary } from './territory.js';

export interface Misfit {
  path: string;
  name: string;
  /** Refused: it would not be stored today. Cut: it strays within the tolerance and would be cut. */
  verdict: 'refused' | 'cut';
  problem: string;
}

/**
 * Every stored boundary against today's rule (`settleBoundary`), for boundaries stored before the
 * rule existed: a territory claim made then still takes its neighbour's calls. Reads only.
 */
export async function checkTree(db: Db): Promise<Misfit[]> {
  const list = await rows<{ path: string; name: string }>(
    db,
    sql`select path::text as path, name from jurisdictions where boundary is not null and nlevel(path) > 1 order by path`,
  );
  const found: Misfit[] = [];
  for (const j of list) {
    try {
      const settled = await db.transaction((tx) =>
        settleBoundary(tx, {
          boundary: sql`(select boundary from jurisdictions where path = ${j.path}::ltree)`,
          parentPath: j.path.split('.').slice(0, -1).join('.'),
          selfPath: j.path,
          field: 'boundary',
          actor: null,
        }),
      );
      if (settled.clippedM2 >= 1) found.push({ ...j, verdict: 'cut', problem: `strays ${Math.round(settled.clippedM2).toLocaleString('en')} m² within the tolerance` });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      found.push({ ...j, verdict: 'refused', problem: err.fields?.[0]?.message ?? err.message });
    }
  }
  return found;
}
