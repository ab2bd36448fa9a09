import type { ClosedDaysList, Jurisdiction, PutClosedDaysBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { closedDaysList, namesInOrder } from './closed-days.js';

/**
 * Replaces a jurisdiction's closed days for one year (`units:manage` there, as its coverage
 * settings): the list is written whole (deleted and inserted under a lock of the list's row), with
 * its audit row (before and after) and a `coverage.closed_days_set` event. The same list again is
 * answered without a new version, audit or event, so a retried PUT changes nothing.
 */
export async function setClosedDays(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, j: Pick<Jurisdiction, 'id' | 'path'>, body: PutClosedDaysBody): Promise<ClosedDaysList> {
  if (!can(ctx.actor, 'units:manage', j.path)) throw new AppError('FORBIDDEN', `You may not set closed days for ${j.path}`);
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    // The list's row is the lock: two editors of the same year are taken one after the other.
    await tx.execute(sql`insert into closed_day_lists (jurisdiction_id, year, version, updated_by, updated_at)
      values (${j.id}, ${body.year}, 0, ${ctx.actor.id}, ${deps.clock().toISOString()}::timestamptz) on conflict (jurisdiction_id, year) do nothing`);
    await tx.execute(sql`select 1 from closed_day_lists where jurisdiction_id = ${j.id} and year = ${body.year} for update`);
    const before = await closedDaysList(tx, j, body.year);
    // Version 0 is the row made just now: there was no list.
    const had = before.version === 0 ? null : before.version;
    if (body.expectedVersion !== undefined && body.expectedVersion !== had) {
      throw new AppError('CONFLICT', `The closed days of ${body.year} are at version ${had ?? 'none'}, not ${body.expectedVersion}`);
    }
    const days = body.days.map(({ names, ...d }) => { const n = namesInOrder(names); return { ...d, ...(n ? { names: n } : {}) }; }).sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.name.localeCompare(b.name));
    // Key order as read back (from, to, kind, name, names, categories), so the same list compares equal.
    const same = JSON.stringify(before.days) === JSON.stringify(days.map(({ from, to, kind, name, names, categories }) => ({ from, to, kind, name, ...(names ? { names } : {}), categories })));
    if (same && had !== null) {
      record.audit({ action: 'coverage.closed_days_unchanged', entityType: 'jurisdiction', entityId: j.id, jurisdictionPath: j.path, after: { year: body.year, version: had } });
      return { ...before, version: had };
    }
    await tx.execute(sql`delete from closed_days where jurisdiction_id = ${j.id} and year = ${body.year}`);
    if (days.length > 0) {
      await tx.execute(sql`insert into closed_days (id, jurisdiction_id, jurisdiction_path, year, from_date, to_date, kind, name, names, categories)
        select id, ${j.id}, ${j.path}::ltree, ${body.year}, f, t, k, n, nullif(ns, 'null'::jsonb), array(select jsonb_array_elements_text(c))
        from jsonb_to_recordset(${JSON.stringify(days.map((d) => ({ id: uuidv7(), f: d.from, t: d.to, k: d.kind, n: d.name, ns: d.names ?? null, c: d.categories })))}::jsonb)
          as d(id uuid, f date, t date, k text, n text, ns jsonb, c jsonb)`);
    }
    await tx.execute(sql`update closed_day_lists set version = version + 1, updated_by = ${ctx.actor.id}, updated_at = ${deps.clock().toISOString()}::timestamptz
      where jurisdiction_id = ${j.id} and year = ${body.year}`);
    const after = await closedDaysList(tx, j, body.year);
    record.audit({ action: 'coverage.closed_days_set', entityType: 'jurisdiction', entityId: j.id, jurisdictionPath: j.path, before: had === null ? null : { year: body.year, days: before.days, version: had }, after: { year: body.year, days: after.days, version: after.version } });
    record.emit({ type: 'coverage.closed_days_set', jurisdictionPath: j.path, data: { jurisdictionId: j.id, year: body.year, version: after.version, days: after.days } });
    return after;
  });
  return result;
}
