import { AcceptMoveUpBody, CoverageMove, CoverageSettings, coverageWindowOf, IdParams, LiveCoverage, LiveCoverageQuery, MoveUpQuery, MoveUpRecommendation, PLACEMENT_MAX_DATES, PlacementRequest, PlacementResult, SetCoverageSettingsBody, type CoverageWindow, type Jurisdiction, type UnitKind, type Weekday } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, invalidField } from '../../errors.js';
import { canAnywhere, canOnUnit, scopeRoots, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { deploymentRoadNetwork } from '../dispatch/index.js';
import { visibleJurisdiction } from '../jurisdictions/index.js';
import { keyPlaceListOf, type KeyPlacePoint } from '../places/index.js';
import { livePositionsOf } from '../units/index.js';
import { acceptMoveUp, openMoves } from './accept-move-up.js';
import { startPostArrivalDetector } from './arrive-at-post.js';
import { closedDayRules } from './closed-days.js';
import { closedOn, datesAsked, shareOverDates, weekdayOf } from './closed-days-model.js';
import { closedDayRoutes } from './closed-days.routes.js';
import { categoryHoursByPath, setCoverageSettings, settingsInForce } from './coverage-settings.js';
import { coverageStateFor } from './coverage-states.js';
import { availableUnits, moveUpFor } from './move-up-for.js';
import { startMoveUpWatch } from './move-up-watch.js';
import { startPatrolNotifier } from './patrol-notifier.js';
import { liveAnswer } from './live-answer.js';
import { jurisdictionInBody, patrolPlanRoutes } from './patrol-plans.routes.js';
import { unitKindsFor } from './model.js';
import { planPlacement } from './plan-placement.js';
import { hoursOf, openShare } from './windows.js';

const windowOf = (text: string | undefined, days: readonly Weekday[] | undefined): CoverageWindow | null => (text === undefined ? null : coverageWindowOf(text, days));
const echo = (text: string | undefined, w: CoverageWindow | null) => (w === null ? null : { hours: text!, days: w.days });

export async function coverageRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const live = livePositionsOf(platform);
  // The node's key places, kept current by place events: a national question reads no place rows (issue 16).
  const keyPlaces = keyPlaceListOf(platform);
  const postArrivals = startPostArrivalDetector(platform);
  app.addHook('onClose', async () => postArrivals.stop());
  if (platform.config.moveUpWatch) {
    const watch = startMoveUpWatch(platform);
    app.addHook('onClose', async () => watch.stop());
  }
  if (platform.mqtt) {
    const patrols = startPatrolNotifier(platform, platform.mqtt);
    app.addHook('onClose', async () => patrols.stop());
  }

  /** Available units I may see: a school by a border is covered by the neighbour's patrol too. */
  const unitsISee = (actor: Actor, kinds: UnitKind[] | null) => availableUnits(platform, scopeRoots(actor, 'units:read'), kinds);

  const needUnitsRead = (actor: Actor) => {
    // Coverage is by the units I may see: without units:read it would be a guess.
    if (!canAnywhere(actor, 'units:read')) throw new AppError('FORBIDDEN', 'You need the units:read permission');
  };

  r.get('/coverage', {
    schema: {
      operationId: 'getLiveCoverage', tags: ['coverage'], querystring: LiveCoverageQuery, response: { 200: LiveCoverage },
      errors: ['FORBIDDEN', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
      summary: 'Live 1-3-5 coverage: the share of key places the available units reach by road within 1, 3 and 5 minutes now, and the uncovered places; optionally only the places open in a time window (07:30-08:30 on school days)',
    },
    config: { access: 'places:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    needUnitsRead(actor);
    const j = q.jurisdictionId === undefined ? null : await visibleJurisdiction(platform.db, actor, 'places:read', q.jurisdictionId);
    if (q.date !== undefined && q.days !== undefined) throw invalidField('query.days', 'ask a window on days or on a date, not both');
    // On a date: its weekday, the whole day unless a window is asked, and the closed days that fall on it.
    const window = q.date === undefined ? windowOf(q.window, q.days) : windowOf(q.window ?? '00:00-24:00', [weekdayOf(q.date)]);
    const kinds = unitKindsFor({ unitKinds: q.unitKinds, unitKind: q.unitKind, categories: q.category });
    const [{ byProfile }, placePoints, byPath, rules] = await Promise.all([
      deploymentRoadNetwork(platform.config),
      keyPlaces.inScope({ roots: scopeRoots(actor, 'places:read'), underPath: j?.path, category: q.category }),
      categoryHoursByPath(platform.db),
      q.date === undefined ? [] : closedDayRules(platform.db, q.date, q.date),
      live.ready(),
    ]);
    const unitsAt = await unitsISee(actor, kinds);
    // The maintained state of these units (moved by every fix already): synced to the available units just read.
    const state = coverageStateFor(live, byProfile, scopeRoots(actor, 'units:read'), kinds);
    state.sync(unitsAt.map((u) => ({ id: u.id, callSign: u.callSign, kind: u.kind, lon: u.lon, lat: u.lat })));
    return {
      computedAt: platform.clock().toISOString(),
      jurisdiction: j ? { id: j.id, path: j.path, name: j.name } : null,
      categories: q.category ?? null,
      unitKinds: kinds,
      window: window === null ? null : { ...echo(q.window ?? '00:00-24:00', window)!, ...(q.date === undefined ? {} : { date: q.date }) },
      // The date and its rules name the closed-day verdicts: the places open are judged once per list and window.
      ...liveAnswer(state, placePoints, byPath, window, q.date === undefined ? undefined : { closed: (p, hours) => closedOn(p, hours, q.date!, rules), key: JSON.stringify([q.date, rules]) }),
    };
  });

  r.post('/coverage/placements', {
    schema: {
      operationId: 'planPlacement', tags: ['coverage'], body: PlacementRequest, response: { 200: PlacementResult },
      errors: ['PLACEMENT_MODEL_INVALID', 'PLACEMENT_TOO_LARGE'],
      summary: 'Where p patrol posts should stand: MCLP (most demand within T minutes) or p-median (least weighted travel time) over stations, key places and drawn points; exact (HiGHS) or heuristic with its gap; demand optionally weighted by a time window',
    },
    config: { access: 'places:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const body = request.body;
    const j = body.jurisdictionId === undefined ? null : await jurisdictionInBody(platform, actor, 'places:read', 'places:read', body.jurisdictionId, 'body.jurisdictionId');
    const d = body.demand;
    if (d.until !== undefined && d.date === undefined) throw invalidField('body.demand.until', 'needs demand.date, the first day of the range');
    const asked = d.date === undefined ? null : datesAsked({ date: d.date, until: d.until, days: d.days }, PLACEMENT_MAX_DATES);
    if (asked && 'path' in asked) throw invalidField(`body.${asked.path}`, asked.message);
    const dates = asked?.dates ?? null;
    const [{ byProfile }, placePoints, byPath, rules] = await Promise.all([
      deploymentRoadNetwork(platform.config),
      // The node's key-place list, as the live question: no 200,000 rows read per placement either.
      keyPlaces.inScope({ roots: scopeRoots(actor, 'places:read'), underPath: j?.path }),
      categoryHoursByPath(platform.db),
      dates === null ? [] : closedDayRules(platform.db, dates[0]!, dates.at(-1)!),
    ]);
    if (dates === null) {
      const window = windowOf(d.window, d.days);
      return planPlacement(byProfile, body, placePoints, window === null ? undefined : (p) => openShare(hoursOf(p, byPath).hours, window));
    }
    // On dates: the window (default the whole day) on each date's weekday, closed days taking the date out.
    const hoursWindow = coverageWindowOf(d.window ?? '00:00-24:00', undefined);
    const onDay = new Map<string, number>();
    const openOn = (hours: string | null, day: Weekday): number => {
      const key = `${day} ${hours}`;
      let share = onDay.get(key);
      if (share === undefined) onDay.set(key, (share = openShare(hours, { ...hoursWindow, days: [day] })));
      return share;
    };
    const share = (p: KeyPlacePoint) => {
      const hours = hoursOf(p, byPath);
      return shareOverDates(p, hours, dates, rules, (day) => openOn(hours.hours, day));
    };
    return { ...(await planPlacement(byProfile, body, placePoints, share)), dates };
  });

  r.get('/coverage/settings/:id', {
    schema: {
      operationId: 'getCoverageSettings', tags: ['coverage'], params: IdParams, response: { 200: CoverageSettings }, errors: ['NOT_FOUND'],
      summary: "The coverage settings in force at a jurisdiction: default opening hours per place category and the move-up threshold (its own, an ancestor's, or the built-in defaults)",
    },
    config: { access: 'places:read' },
  }, async (request) => settingsInForce(platform.db, await visibleJurisdiction(platform.db, actorOf(request), 'places:read', request.params.id)));

  r.put('/coverage/settings/:id', {
    schema: {
      operationId: 'setCoverageSettings', tags: ['coverage'], params: IdParams, body: SetCoverageSettingsBody, response: { 200: CoverageSettings },
      errors: ['FORBIDDEN', 'NOT_FOUND', 'COVERAGE_HOURS_INVALID', 'CONFLICT'],
      summary: "Set a jurisdiction's own coverage settings (units:manage): default opening hours per place category (OSM opening_hours syntax) and the move-up threshold",
    },
    config: { access: 'units:manage' },
  }, async (request) => {
    const j = await visibleJurisdiction(platform.db, actorOf(request), 'places:read', request.params.id);
    return setCoverageSettings(platform.command, commandContext(request), j, request.body);
  });

  r.get('/coverage/move-up', {
    schema: {
      operationId: 'getMoveUp', tags: ['coverage'], querystring: MoveUpQuery, response: { 200: MoveUpRecommendation },
      errors: ['FORBIDDEN', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
      summary: "Move-up: when the jurisdiction's coverage is below its threshold, which available units to move to which posts (stations, key places) to restore it, fewest moves first",
    },
    config: { access: 'places:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    needUnitsRead(actor);
    const j: Jurisdiction = await visibleJurisdiction(platform.db, actor, 'places:read', q.jurisdictionId);
    const under = (path: string) => path === j.path || path.startsWith(`${j.path}.`);
    return moveUpFor(platform, {
      j, placeRoots: scopeRoots(actor, 'places:read'), unitRoots: scopeRoots(actor, 'units:read'), categories: q.category,
      kinds: unitKindsFor({ unitKinds: q.unitKinds, categories: q.category }), window: windowOf(q.window, q.days), maxMoves: q.maxMoves,
      movable: (u) => under(u.jurisdictionPath) && canOnUnit(actor, 'dispatch:assign', u),
    });
  });

  r.post('/coverage/move-ups', {
    schema: {
      operationId: 'acceptMoveUp', tags: ['coverage'], body: AcceptMoveUpBody, response: { 201: z.object({ moves: z.array(CoverageMove) }) },
      errors: ['FORBIDDEN', 'MOVE_UP_UNIT_UNAVAILABLE'],
      summary: 'Accept a move-up: order the units to their posts, all or none (send an Idempotency-Key). The units stay available for calls; an open order of a unit is superseded',
    },
    config: { access: 'dispatch:assign' },
  }, async (request, reply) => {
    const j = await jurisdictionInBody(platform, actorOf(request), 'units:read', 'dispatch:assign', request.body.jurisdictionId, 'body.jurisdictionId');
    return reply.status(201).send({ moves: await acceptMoveUp(platform.command, commandContext(request), j, request.body) });
  });

  r.get('/coverage/moves', {
    schema: {
      operationId: 'listCoverageMoves', tags: ['coverage'], querystring: z.strictObject({ jurisdictionId: z.uuid() }), response: { 200: z.array(CoverageMove) }, errors: ['NOT_FOUND'],
      summary: 'Open move-up orders in a jurisdiction subtree, newest first',
    },
    config: { access: 'units:read' },
  }, async (request) => openMoves(platform.db, (await visibleJurisdiction(platform.db, actorOf(request), 'units:read', request.query.jurisdictionId)).path));

  await patrolPlanRoutes(app, { platform });
  await closedDayRoutes(app, { platform });
}
