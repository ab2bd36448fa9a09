import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';

export interface Target { id: string; path: string }

/**
 * The jurisdictions an export's jurisdiction cells may name: those under (and including) the one
 * imported into, each known by its name, the last label of its path, its path, and its path
 * below the root, case-insensitively. A key two of them share names neither (`ambiguous`).
 */
export async function jurisdictionCells(q: Queryable, root: Target): Promise<(text: string) => Target | 'unknown' | 'ambiguous'> {
  const found = await rows<{ id: string; path: string; name: string }>(q, sql`select id, path::text as path, name from jurisdictions where path <@ ${root.path}::ltree`);
  const byKey = new Map<string, Target | 'ambiguous'>();
  for (const j of found) {
    const keys = new Set([j.name, j.path, j.path.split('.').at(-1)!, j.path.slice(root.path.length + 1)].filter(Boolean).map((k) => k.trim().toLowerCase()));
    for (const k of keys) {
      const held = byKey.get(k);
      byKey.set(k, held === undefined || (held !== 'ambiguous' && held.id === j.id) ? { id: j.id, path: j.path } : 'ambiguous');
    }
  }
  return (text) => byKey.get(text.trim().toLowerCase()) ?? 'unknown';
}
