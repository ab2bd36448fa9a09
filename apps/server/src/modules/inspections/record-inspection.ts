import { FAR_FROM_PLACE_METRES, type Inspection, type RecordInspectionBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { creditInspection } from '../campaigns/index.js';
import { findTemplate, scoreAnswers } from '../checklists/index.js';
import { reconcileInspectionCounts } from '../controlled-goods/index.js';
import { insertHazard, verifyByReinspection } from '../hazards/index.js';
import { findPlace } from '../places/index.js';
import { findInspection } from './inspections.queries.js';
import { inspections } from './inspections.tables.js';

async function metresFromPlace(tx: Tx, placeId: string, pos: { lon: number; lat: number }): Promise<number> {
  const [row] = await rows<{ d: number }>(tx, sql`select ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(${pos.lon}, ${pos.lat}), 4326)::geography) as d from places where id = ${placeId}`);
  return Number(row!.d);
}

/**
 * Records an inspection of a place against one version of a checklist: scores it, flags it when
 * recorded far from the place, raises a hazard for each failed item (graded by the item's
 * severity), verifies the submitted fixes it was asked to check, and counts it for every
 * running campaign that has the place pending.
 */
export async function recordInspection(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: RecordInspectionBody): Promise<Inspection> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const place = await findPlace(tx, input.placeId);
    if (!place || !can(ctx.actor, 'places:read', place.jurisdictionPath)) throw invalidField('body.placeId', 'no such place in your scope');
    if (!can(ctx.actor, 'inspections:record', place.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not record inspections in ${place.jurisdictionPath}`);
    const template = await findTemplate(tx, input.templateId);
    if (!template) throw invalidField('body.templateId', 'no such checklist');
    if (!template.categories.includes(place.category)) throw invalidField('body.templateId', `${template.key} is not a checklist for a ${place.category}`);
    const scored = scoreAnswers(template, input.answers);
    if (scored.problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', scored.problems.map((p) => `${p.path}: ${p.message}`).join('; '), { fields: scored.problems });
    }
    const id = uuidv7();
    const now = deps.clock();
    const distanceM = input.position ? await metresFromPlace(tx, place.id, input.position) : null;
    await tx.insert(inspections).values({
      id, placeId: place.id, jurisdictionPath: place.jurisdictionPath, templateId: template.id, inspectorId: ctx.actor.id, recordedAt: now,
      answers: input.answers, score: scored.score, maxScore: scored.maxScore, failedItems: scored.failed.map((f) => f.itemKey),
      position: input.position ? sql`ST_SetSRID(ST_MakePoint(${input.position.lon}, ${input.position.lat}), 4326)` as unknown as string : null,
      accuracyM: input.position?.accuracyM ?? null, distanceM,
      farFromPlace: distanceM === null || distanceM > FAR_FROM_PLACE_METRES, note: input.note ?? null,
    });
    for (const f of scored.failed) {
      await insertHazard(tx, record, {
        place, grade: f.severity, title: f.text, raisedBy: ctx.actor.id, inspection: { id, itemKey: f.itemKey },
        // The inspector's own words only: the hazard links its inspection (inspectionId), and the screens say where it
        // came from in the reader's language. A sentence made here read "Failed in inspection 01a2… (campus_safety v1):
        // answer \"fail\"" on every screen, in English, with an id, a checklist key and an enum value.
        description: f.note ?? null,
      }, now);
    }
    // Counted stock (a `stock_count` item) is held against the site's ledger here, in the same transaction.
    for (const [i, a] of input.answers.entries()) {
      if (typeof a.value === 'object') await reconcileInspectionCounts(tx, record, ctx.actor, { id, placeId: place.id, counts: a.value.counts }, now, `body.answers.${i}.value.counts`);
    }
    for (const [i, hazardId] of (input.verifies ?? []).entries()) {
      await verifyByReinspection(tx, record, ctx.actor, hazardId, { id, placeId: place.id, at: now }, `body.verifies.${i}`);
    }
    const campaigns = await creditInspection(tx, record, { id, placeId: place.id, at: now });
    const inspection = (await findInspection(tx, id))!;
    const summary = { id, placeId: place.id, score: inspection.score, maxScore: inspection.maxScore, failedItems: inspection.failedItems, farFromPlace: inspection.farFromPlace, campaigns };
    record.audit({ action: 'inspections.recorded', entityType: 'inspection', entityId: id, jurisdictionPath: place.jurisdictionPath, after: summary });
    record.emit({ type: 'inspections.recorded', jurisdictionPath: place.jurisdictionPath, data: summary });
    return inspection;
  });
  return result;
}
