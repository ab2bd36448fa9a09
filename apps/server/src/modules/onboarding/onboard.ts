import type { OnboardEncoding, OnboardKind, OnboardReport, OnboardRow } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../platform/auth/access.js';
import { CommandRecord, runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { LivePositions } from '../units/index.js';
import { decodeText } from './decode.js';
import { placeRules } from './kinds/places.js';
import { STAFF_COLUMNS, staffRules } from './kinds/staff.js';
import { UNIT_COLUMNS, unitRules } from './kinds/units.js';
import { PLACE_COLUMNS } from './kinds/places.js';
import { PLAN_COLUMNS, planRules } from './kinds/plans.js';
import { onboardingBatches, onboardingItems } from './onboarding.tables.js';
import { readRows, type ColumnOptions } from './read-rows.js';
import { JurisdictionIndex, asRejection, type OnboardKindRules } from './rows.js';

export const RULES: Record<OnboardKind, { rules: OnboardKindRules<never>; columnOf: Record<string, string> }> = {
  units: { rules: unitRules as OnboardKindRules<never>, columnOf: UNIT_COLUMNS },
  staff: { rules: staffRules as OnboardKindRules<never>, columnOf: STAFF_COLUMNS },
  places: { rules: placeRules('places') as OnboardKindRules<never>, columnOf: PLACE_COLUMNS },
  stations: { rules: placeRules('stations') as OnboardKindRules<never>, columnOf: PLACE_COLUMNS },
  plans: { rules: planRules as OnboardKindRules<never>, columnOf: PLAN_COLUMNS },
};

export interface OnboardInput {
  kind: OnboardKind;
  bytes: Uint8Array;
  file: string;
  encoding: OnboardEncoding;
  dryRun: boolean;
  allowPartial: boolean;
  columns?: ColumnOptions;
  live: LivePositions;
  /** Rows looked at so far, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** Thrown to roll the transaction back while keeping the report (dry run, refused file, nothing new). */
class RolledBack extends Error {
  constructor(readonly report: OnboardReport) {
    super('rolled back');
  }
}

/**
 * Loads one file in one transaction. Each row runs the domain command's own rules (register a
 * unit, add a place, create an account) inside a savepoint, so a rejected row leaves no trace and
 * the next one goes on; a row whose natural key is taken by an equal record is unchanged (a
 * re-run creates nothing); by one with other values, updated where the kind allows it (a unit's
 * crew and capabilities, through the update-unit rules; the batch keeps the values before), else
 * rejected naming the difference. Then: a dry run rolls everything back and reports; rejected rows roll
 * everything back unless `allowPartial`; otherwise the batch is recorded with each created or
 * updated record, and audited with the records' own audit rows and events, in that same transaction.
 * A file that cannot be read at all throws OnboardFileError before anything starts.
 */
export async function onboard(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: OnboardInput): Promise<OnboardReport> {
  const { rules, columnOf } = RULES[input.kind];
  const fileRows = readRows(decodeText(input.bytes, input.encoding), input.file, rules.columns, input.columns);
  const base = { kind: input.kind, file: input.file, rows: fileRows.length };
  try {
    const { result } = await runCommand(deps, ctx, async (tx, record) => {
      const env = { actor: ctx.actor, clock: deps.clock, live: input.live, jurisdictions: await JurisdictionIndex.load(tx), dryRun: input.dryRun };
      const items: OnboardRow[] = [];
      // What the batch wrote: records created, and records updated with their values before.
      const written: { id: string; path: string; key: string; row: number; action: 'created' | 'updated'; before?: unknown; versionAfter?: number }[] = [];
      const secrets: { username: string; password: string }[] = [];
      const seen = new Map<string, number>();
      for (const [i, row] of fileRows.entries()) {
        // Until the row is read: its first column (call sign, username, name), so a rejected row is still recognisable.
        let key = row.values[rules.columns.required[0]!] ?? `row ${row.row}`;
        try {
          // A savepoint per row: a refused row (even one PostgreSQL refused) is undone alone.
          const outcome = await tx.transaction(async (sp) => {
            const prepared = await rules.prepare(sp, env, row);
            key = prepared.key;
            const first = seen.get(key);
            if (first !== undefined) return { status: 'rejected' as const, reason: `the same ${rules.entityType} as row ${first} (${key})` };
            seen.set(key, row.row);
            const existing = await rules.existing(sp, env, prepared.body);
            if (existing?.taken) return { status: 'rejected' as const, reason: existing.taken };
            if (existing?.difference && existing.updatable && rules.update) {
              const rowRecord = new CommandRecord();
              const changed = await rules.update(sp, rowRecord, env, existing.id, prepared.body);
              return { status: 'updated' as const, id: existing.id, reason: existing.difference, changed, rowRecord };
            }
            if (existing?.difference) return { status: 'rejected' as const, reason: `exists already and differs: ${existing.difference} (a file does not change this: edit it in the app)` };
            if (existing) return { status: 'unchanged' as const, id: existing.id };
            const rowRecord = new CommandRecord();
            const made = await rules.create(sp, rowRecord, env, prepared.body);
            return { status: 'created' as const, made, rowRecord };
          });
          if (outcome.status === 'created' || outcome.status === 'updated') {
            // The row's own audit rows and events, kept now that its savepoint held.
            record.audits.push(...outcome.rowRecord.audits);
            record.events.push(...outcome.rowRecord.events);
          }
          if (outcome.status === 'created') {
            written.push({ ...outcome.made, key, row: row.row, action: 'created' });
            if (outcome.made.secret) secrets.push(outcome.made.secret);
            items.push({ row: row.row, key, status: 'created', id: outcome.made.id });
          } else if (outcome.status === 'updated') {
            written.push({ id: outcome.id, path: outcome.changed.path, key, row: row.row, action: 'updated', before: outcome.changed.before, versionAfter: outcome.changed.versionAfter });
            items.push({ row: row.row, key, status: 'updated', id: outcome.id, reason: outcome.reason });
          } else {
            items.push({ row: row.row, key, ...outcome });
          }
        } catch (err) {
          const rejection = asRejection(err, columnOf);
          if (!rejection) throw err;
          items.push({ row: row.row, key, status: 'rejected', ...(rejection.field ? { field: rejection.field } : {}), reason: rejection.message });
        }
        input.onProgress?.(i + 1, fileRows.length);
      }
      const count = (s: OnboardRow['status']) => items.filter((r) => r.status === s).length;
      const rejected = count('rejected');
      const report: OnboardReport = {
        ...base, dryRun: input.dryRun, batchId: null, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected,
        refused: rejected > 0 && !input.allowPartial, items, secrets: [],
      };
      if (input.dryRun || report.refused || written.length === 0) throw new RolledBack(report);
      const batchId = uuidv7();
      const scopePath = commonAncestor(written.map((c) => c.path));
      const by = ctx.actor.via.kind === 'system' ? ctx.actorName ?? ctx.actor.username : ctx.actor.username;
      await tx.insert(onboardingBatches).values({ id: batchId, kind: input.kind, file: input.file, scopePath, importedAt: deps.clock(), importedBy: by, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected });
      for (let i = 0; i < written.length; i += 1000) {
        await tx.insert(onboardingItems).values(written.slice(i, i + 1000).map((c) => ({
          batchId, entityType: rules.entityType, entityId: c.id, naturalKey: c.key, row: c.row, action: c.action, before: c.before ?? null, versionAfter: c.versionAfter ?? null,
        })));
      }
      const data = { batchId, kind: input.kind, file: input.file, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected };
      record.audit({ action: 'onboarding.imported', entityType: 'onboarding_batch', entityId: batchId, jurisdictionPath: scopePath, after: data });
      record.emit({ type: 'onboarding.imported', jurisdictionPath: scopePath, data });
      // Secrets are answered once, never put in an audit row or an event.
      return { ...report, batchId, secrets };
    });
    return result;
  } catch (err) {
    if (err instanceof RolledBack) return err.report;
    throw err;
  }
}

/** The deepest path over all of these (li.oberland.vaduz and li.oberland.schaan → li.oberland). */
export function commonAncestor(paths: readonly string[]): string {
  const split = paths.map((p) => p.split('.'));
  const out: string[] = [];
  for (let i = 0; split.every((s) => i < s.length && s[i] === split[0]![i]); i++) out.push(split[0]![i]!);
  // Records under two roots share no path: the batch is then listed under the first record's root.
  return out.length > 0 ? out.join('.') : split[0]![0]!;
}
