import { sql } from 'drizzle-orm';
import type { LevelConfig } from '../../config-levels.js';
import { ConfigError } from '../../config.js';
import { rows, type Queryable } from '../../platform/db/client.js';

/**
 * Refuses to start on a database whose jurisdictions do not fit FIREBREAK_LEVELS: a level that
 * is no longer configured, or a child no deeper than its parent once the levels were reordered.
 * Levels are not migrated (docs/decisions/0007-configured-levels.md): which new level an old
 * one becomes is the organisation's decision, made by whoever changes the variable.
 */
export async function assertStoredLevels(db: Queryable, levels: LevelConfig): Promise<void> {
  const stored = await rows<{ level: string; n: number }>(db, sql`select level, count(*)::int as n from jurisdictions group by level order by level`);
  const unknown = stored.filter((s) => !levels.keys.includes(s.level));
  const problems: string[] = [];
  if (unknown.length > 0) {
    problems.push(`FIREBREAK_LEVELS: the database holds jurisdictions at ${unknown.map((s) => `${s.level} (${s.n})`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not among the configured levels ${levels.keys.join(', ')}. Levels cannot change once jurisdictions exist: set FIREBREAK_LEVELS back (stored: ${stored.map((s) => s.level).join(', ')}), or start from an empty database.`);
  } else {
    const pairs = await rows<{ parent: string; child: string; n: number }>(db, sql`
      select p.level as parent, c.level as child, count(*)::int as n
      from jurisdictions c join jurisdictions p on p.id = c.parent_id group by p.level, c.level order by 1, 2`);
    const inverted = pairs.filter((p) => levels.keys.indexOf(p.child) <= levels.keys.indexOf(p.parent));
    if (inverted.length > 0) {
      problems.push(`FIREBREAK_LEVELS: in the order ${levels.keys.join(', ')}, ${inverted.map((p) => `${p.n} ${p.child} under a ${p.parent}`).join(', ')} would not be deeper than ${inverted.length === 1 ? 'its parent' : 'their parents'}; put the levels back in their order`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
}
