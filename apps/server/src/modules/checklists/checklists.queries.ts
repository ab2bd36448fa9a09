import type { ChecklistTemplate } from '@firebreak/contracts';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { checklistTemplates } from './checklists.tables.js';

type Row = typeof checklistTemplates.$inferSelect & { latest: boolean };

const present = (r: Row): ChecklistTemplate => ({ ...r.definition, id: r.id, version: r.version, createdAt: r.createdAt.toISOString(), latest: r.latest });

const withLatest = {
  id: checklistTemplates.id, key: checklistTemplates.key, version: checklistTemplates.version, title: checklistTemplates.title,
  categories: checklistTemplates.categories, definition: checklistTemplates.definition, createdBy: checklistTemplates.createdBy,
  createdAt: checklistTemplates.createdAt,
  latest: sql<boolean>`${checklistTemplates.version} = (select max(c2.version) from checklist_templates c2 where c2.key = ${checklistTemplates.key})`,
};

export async function findTemplate(q: Queryable, id: string): Promise<ChecklistTemplate | undefined> {
  const [row] = await q.select(withLatest).from(checklistTemplates).where(eq(checklistTemplates.id, id));
  return row ? present(row) : undefined;
}

export async function latestVersion(q: Queryable, key: string): Promise<number> {
  const [row] = await q.select({ version: checklistTemplates.version }).from(checklistTemplates).where(eq(checklistTemplates.key, key)).orderBy(desc(checklistTemplates.version)).limit(1);
  return row?.version ?? 0;
}

/** The latest version of each checklist (or every version), optionally for one place category. */
export async function listTemplates(q: Queryable, opts: { category?: string | undefined; all?: boolean }): Promise<ChecklistTemplate[]> {
  const list = await q
    .select(withLatest)
    .from(checklistTemplates)
    .where(opts.category ? sql`${opts.category} = any(${checklistTemplates.categories})` : undefined)
    .orderBy(asc(checklistTemplates.key), desc(checklistTemplates.version));
  return list.map(present).filter((t) => opts.all || t.latest);
}
