import type { RunSql } from '../db/migration-level.js';
import type { BackupManifest } from './backup-file.js';

export type { RunSql };

/** The tables of the application (public schema, not an extension's own such as spatial_ref_sys). */
export async function applicationTables(run: RunSql): Promise<string[]> {
  const list = await run<{ name: string }>(`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
    order by c.relname`);
  return list.map((r) => r.name);
}

/** Rows per application table, the audit chain's head and the newest stored checkpoint, read in the caller's snapshot. */
export async function describeState(run: RunSql): Promise<Pick<BackupManifest, 'counts' | 'audit'>> {
  const tables = await applicationTables(run);
  const counts: Record<string, number> = {};
  if (tables.length > 0) {
    const [row] = await run<Record<string, number>>(`select ${tables.map((t) => `(select count(*)::int from "${t}") as "${t}"`).join(', ')}`);
    Object.assign(counts, row);
  }
  if (!tables.includes('audit_log')) return { counts, audit: { chained: 0, unchained: 0, headSeq: null, headHash: null, checkpoint: null } };
  const [head] = await run<{ chained: number; unchained: number; head_seq: string | null; head_hash: string | null }>(`
    select count(seq)::int as chained, (count(*) - count(seq))::int as unchained,
      max(seq)::text as head_seq, (select hash from audit_log where seq = (select max(seq) from audit_log)) as head_hash
    from audit_log`);
  const [cp] = tables.includes('audit_checkpoints')
    ? await run<{ tree_size: string; root_hash: string; signed_at: Date | string; key_id: string }>(
      'select tree_size::text, root_hash, signed_at, key_id from audit_checkpoints order by tree_size desc limit 1')
    : [];
  return {
    counts,
    audit: {
      chained: head?.chained ?? 0,
      unchained: head?.unchained ?? 0,
      headSeq: head?.head_seq == null ? null : Number(head.head_seq),
      headHash: head?.head_hash ?? null,
      checkpoint: cp ? { treeSize: Number(cp.tree_size), rootHash: cp.root_hash, signedAt: new Date(cp.signed_at).toISOString(), keyId: cp.key_id } : null,
    },
  };
}

/** Differences between the counts a manifest recorded and those found after a restore (empty: the same). */
export function countDifferences(expected: Record<string, number>, found: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
  return names.filter((t) => expected[t] !== found[t]).map((t) => `${t}: ${expected[t] ?? 'absent'} in the backup, ${found[t] ?? 'absent'} restored`);
}
