import type { Inspection } from '@firebreak/contracts';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { checklistTemplates } from '../checklists/index.js';
import { hazards } from '../hazards/index.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { inspections } from './inspections.tables.js';

const columns = {
  id: inspections.id, placeId: inspections.placeId, jurisdictionPath: sql<string>`${inspections.jurisdictionPath}::text`,
  templateId: inspections.templateId, templateKey: checklistTemplates.key, templateVersion: checklistTemplates.version,
  inspectorId: inspections.inspectorId, recordedAt: inspections.recordedAt, answers: inspections.answers, score: inspections.score,
  maxScore: inspections.maxScore, failedItems: inspections.failedItems,
  lon: sql<number | null>`ST_X(${inspections.position})`, lat: sql<number | null>`ST_Y(${inspections.position})`,
  accuracyM: inspections.accuracyM, distanceM: inspections.distanceM, farFromPlace: inspections.farFromPlace, note: inspections.note,
};

async function present(q: Queryable, list: { [K in keyof typeof columns]: unknown }[]): Promise<Inspection[]> {
  const typed = list as unknown as (Omit<Inspection, 'recordedAt' | 'position' | 'hazardIds' | 'scorePercent'> & { recordedAt: Date; lon: number | null; lat: number | null; accuracyM: number | null })[];
  const ids = typed.map((i) => i.id);
  const raised = ids.length === 0 ? [] : await q.select({ id: hazards.id, inspectionId: hazards.inspectionId }).from(hazards).where(inArray(hazards.inspectionId, ids)).orderBy(asc(hazards.id));
  return typed.map(({ lon, lat, accuracyM, ...i }) => ({
    ...i,
    recordedAt: i.recordedAt.toISOString(),
    scorePercent: i.maxScore === 0 ? null : Math.round((1000 * i.score) / i.maxScore) / 10,
    position: lon === null || lat === null ? null : { lon: Number(lon), lat: Number(lat), accuracyM },
    distanceM: i.distanceM === null ? null : Math.round(i.distanceM * 10) / 10,
    hazardIds: raised.filter((h) => h.inspectionId === i.id).map((h) => h.id),
  }));
}

const select = (q: Queryable) => q.select(columns).from(inspections).innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId));

export async function findInspection(q: Queryable, id: string): Promise<Inspection | undefined> {
  return (await present(q, await select(q).where(eq(inspections.id, id))))[0];
}

export async function listInspections(q: Queryable, f: { roots: string[]; placeId?: string | undefined; farFromPlace?: boolean | undefined; cursor?: string | undefined; limit: number }) {
  const list = await select(q)
    .where(and(
      withinRoots(inspections.jurisdictionPath, f.roots),
      f.placeId ? eq(inspections.placeId, f.placeId) : undefined,
      f.farFromPlace === undefined ? undefined : eq(inspections.farFromPlace, f.farFromPlace),
      f.cursor ? gt(inspections.id, f.cursor) : undefined,
    ))
    .orderBy(asc(inspections.id))
    .limit(f.limit + 1);
  const page = await present(q, list.slice(0, f.limit));
  return { items: page, nextCursor: list.length > f.limit ? page.at(-1)!.id : null };
}
