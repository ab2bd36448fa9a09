import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** SQL condition: `column` lies in the subtree of one of `roots` (false when there are none). */
export function withinRoots(column: AnyPgColumn | SQL, roots: string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return sql`${column} <@ ARRAY[${sql.join(
    roots.map((r) => sql`${r}::ltree`),
    sql`, `,
  )}]`;
}
