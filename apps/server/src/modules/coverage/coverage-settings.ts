import { DEFAULT_CATEGORY_HOURS, DEFAULT_MOVE_UP, type CoverageSettings, type Jurisdiction, type SetCoverageSettingsBody } from '@firebreak/contracts';
import { asc, sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { Queryable } from '../../platform/db/client.js';
import { coverageSettings } from './coverage.tables.js';
import { hoursProblem, type CategoryHoursByPath } from './windows.js';

type SettingsRow = typeof coverageSettings.$inferSelect;

/**
 * Every jurisdiction's own category hours, by path. One row per jurisdiction that set any, so
 * the table stays small (hundreds) and is read whole rather than per place.
 */
export async function categoryHoursByPath(q: Queryable): Promise<CategoryHoursByPath> {
  const rows = await q.select({ path: coverageSettings.jurisdictionPath, hours: coverageSettings.categoryHours }).from(coverageSettings).orderBy(asc(coverageSettings.jurisdictionPath));
  return new Map(rows.map((r) => [r.path, r.hours]));
}

/** The settings in force at a jurisdiction: the deepest row on its path, merged over the built-in defaults. */
export async function settingsInForce(q: Queryable, j: Pick<Jurisdiction, 'id' | 'path'>): Promise<CoverageSettings> {
  const rows = await q.select().from(coverageSettings)
    .where(sql`${coverageSettings.jurisdictionPath} @> ${j.path}::ltree`)
    .orderBy(sql`nlevel(${coverageSettings.jurisdictionPath}) desc`);
  const own = rows.find((r) => r.jurisdictionId === j.id) ?? null;
  // Category hours inherit per category (a district may set kindergartens only); the threshold from the deepest row.
  const categoryHours: Record<string, string> = { ...DEFAULT_CATEGORY_HOURS };
  for (const r of [...rows].reverse()) Object.assign(categoryHours, r.categoryHours);
  const top: SettingsRow | undefined = rows[0];
  return {
    jurisdictionId: j.id, jurisdictionPath: j.path, setAt: top?.jurisdictionPath ?? null, categoryHours,
    moveUpThreshold: top?.moveUpThreshold ?? DEFAULT_MOVE_UP.threshold, moveUpMinutes: top?.moveUpMinutes ?? DEFAULT_MOVE_UP.minutes,
    version: own?.version ?? null,
  };
}

/**
 * Sets a jurisdiction's own coverage settings (those who manage units, `units:manage`, as for
 * run cards). Every category's hours are read by the same parser coverage uses: unreadable
 * hours are refused naming the category, nothing written.
 */
export async function setCoverageSettings(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, j: Jurisdiction, body: SetCoverageSettingsBody): Promise<CoverageSettings> {
  if (!can(ctx.actor, 'units:manage', j.path)) throw new AppError('FORBIDDEN', `You may not set coverage settings for ${j.path}`);
  for (const [category, hours] of Object.entries(body.categoryHours)) {
    const problem = hoursProblem(hours!);
    if (problem) throw new AppError('COVERAGE_HOURS_INVALID', `categoryHours.${category}: ${problem}`, { fields: [{ path: `body.categoryHours.${category}`, message: problem }] });
  }
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const before = await settingsInForce(tx, j);
    if (body.expectedVersion !== undefined && body.expectedVersion !== before.version) {
      throw new AppError('CONFLICT', `The settings are at version ${before.version ?? 'none'}, not ${body.expectedVersion}`);
    }
    const now = deps.clock();
    await tx.insert(coverageSettings).values({
      jurisdictionId: j.id, jurisdictionPath: j.path, categoryHours: body.categoryHours as Record<string, string>,
      moveUpThreshold: body.moveUpThreshold, moveUpMinutes: body.moveUpMinutes, updatedBy: ctx.actor.id, updatedAt: now,
    }).onConflictDoUpdate({
      target: coverageSettings.jurisdictionId,
      set: { categoryHours: body.categoryHours as Record<string, string>, moveUpThreshold: body.moveUpThreshold, moveUpMinutes: body.moveUpMinutes, updatedBy: ctx.actor.id, updatedAt: now, version: sql`${coverageSettings.version} + 1` },
    });
    const after = await settingsInForce(tx, j);
    record.audit({ action: 'coverage.settings_set', entityType: 'jurisdiction', entityId: j.id, jurisdictionPath: j.path, before, after });
    record.emit({ type: 'coverage.settings_set', jurisdictionPath: j.path, data: after });
    return after;
  });
  return result;
}
