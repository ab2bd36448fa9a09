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

/** SQL condition: a unit (its path and kind columns) lies in the scope (own subtrees, or lent by an agreement). */
export function withinUnitScope(pathColumn: AnyPgColumn | SQL, kindColumn: AnyPgColumn | SQL, scope: { roots: string[]; lent: { path: string; kinds: readonly string[] }[] }): SQL {
  const parts = [
    withinRoots(pathColumn, scope.roots),
    ...scope.lent.map((l) => sql`(${pathColumn} <@ ${l.path}::ltree and ${kindColumn} in (${sql.join(l.kinds.map((k) => sql`${k}`), sql`, `)}))`),
  ];
  return sql`(${sql.join(parts, sql` or `)})`;
}
