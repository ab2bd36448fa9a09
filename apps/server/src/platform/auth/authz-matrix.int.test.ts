import { randomBytes } from 'node:crypto';
import { ROLE_PERMISSIONS, ROLES, type Permission, type Role, type StreamEvent } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { auditActionsAfter as actionsAfter, snapshot as takeSnapshot, type DigestTable } from '../../../test/db-snapshot.js';
import { rows } from '../db/client.js';

/**
 * The authorization matrix: every role, granted on li.oberland, against every endpoint and a
 * target in its own jurisdiction, the parent, a sibling and a child. The expected answer comes
 * from `expectedOutcome`, which states the rule once; the table only lists what exists.
 */

const ROOT = 'li';
const OWN = 'li.oberland';
const RELATIONS = { own: OWN, parent: 'li', sibling: 'li.unterland', child: 'li.oberland.vaduz' } as const;
type Relation = keyof typeof RELATIONS;
const RELATION_NAMES = Object.keys(RELATIONS) as Relation[];

/** A point inside each target; for parent and sibling it lies outside li.oberland too. */
const POINTS: Record<Relation, { at: [number, number]; deepest: string }> = {
  own: { at: [9.5095, 47.165], deepest: 'li.oberland.schaan' },
  parent: { at: [9.527, 47.241], deepest: 'li.unterland.ruggell' },
  sibling: { at: [9.522, 47.2105], deepest: 'li.unterland.eschen' },
  child: { at: [9.5215, 47.141], deepest: 'li.oberland.vaduz' },
};
const NOWHERE: [number, number] = [8.54, 47.37]; // Zürich: in no jurisdiction

interface ActorSpec {
  name: string;
  grants: { role: Role; path: string }[];
  /** A device account that signs in with an API token (`Authorization: Bearer fbt_…`), not a session. */
  device?: boolean;
}

const ACTORS: ActorSpec[] = [
  ...ROLES.map((role) => ({ name: role, grants: [{ role, path: OWN }] })),
  // Sees li.oberland as a commander but administers only Vaduz: the "visible, not permitted" case.
  { name: 'commander+administrator@vaduz', grants: [{ role: 'commander', path: OWN }, { role: 'administrator', path: RELATIONS.child }] },
  // An AVL device of li.oberland's units, as a gateway posts with it.
  { name: 'unit_member device (API token)', grants: [{ role: 'unit_member', path: OWN }], device: true },
];

interface Target {
  path: string;
  jurisdictionId: string;
  userId: string;
  point: [number, number];
  /** A school attached directly to the target jurisdiction, and what hangs off it. */
  placeId: string;
  hazardId: string;
  evidenceId: string;
  inspectionId: string;
  attachmentId: string;
  /** A campaign issued by the target jurisdiction for its whole subtree. */
  campaignId: string;
  /** A unit of the target jurisdiction, on duty, and an open incident at the target's point. */
  unitId: string;
  incidentId: string;
  /** A duty post of the target jurisdiction, a directive sent to it from the root, and a task of that directive for the post. */
  postId: string;
  directiveId: string;
  taskId: string;
  /** The post the task is for (the target's own, but for the parent's, which sits in li.unterland). */
  ownerPostId: string;
  /** A jurisdiction strictly below the target, for directives the target issues. */
  belowId: string;
  /** A supervision visit of the target's school; a file backing a progress report on the target's task. */
  visitId: string;
  taskEvidenceId: string;
  /** The target's school licensed for a chemical (supervised there), a receipt into its stock, and a permit in transit supervised there. */
  siteId: string;
  transferId: string;
  permitId: string;
  /** A major incident declared at the target's point (it lies in the deepest jurisdiction there, inside the target). */
  majorId: string;
}

/**
 * `global`: the same for every jurisdiction (checklists); `national`: acts on the root; `point`:
 * acts on whichever jurisdiction contains a location in the body (a new incident).
 */
type Addressing = 'id' | 'body' | 'list' | 'lookup' | 'global' | 'national' | 'point';

/** A permission, or several of which any one will do. */
type AnyOf = Permission | readonly Permission[];

interface Endpoint {
  name: string;
  /** The permission the action takes (and that the route requires somewhere, unless `guard` says otherwise). */
  needs: AnyOf;
  /** The permission the route itself checks, when weaker than `needs` (the command checks the rest). */
  guard?: AnyOf | 'authenticated';
  /** The permission under which the target is visible at all. */
  sees: AnyOf;
  /** How the target is named: in the path, in the body, or as an item of a list. */
  addressing: Addressing;
  /** Body-addressed: the field that names the target. */
  field?: string;
  ok?: number;
  /** Writes: the audit action recorded when it succeeds. */
  audit?: string;
  /**
   * `inside` (default): visible when the target lies in a subtree the actor sees. `overlapping`:
   * also when the target's subtree reaches into the actor's (a campaign issued above you for your area).
   */
  reach?: 'inside' | 'overlapping';
  /** Tables (besides audit, outbox, idempotency keys) the endpoint could write: the ones checked when it refuses. */
  touches?: Table[];
  request(target: Target): InjectOptions | Promise<InjectOptions>;
  /** Awaited after the request, before the checks: for an endpoint that answers first and writes on afterwards (the played exercise). */
  settle?(): Promise<void>;
  /** Lists (and answers that list things): every item returned, with its jurisdiction, and which target id marks the target. */
  items?(body: unknown): Item[] | Promise<Item[]>;
  key?: 'majorId' | 'jurisdictionId' | 'userId' | 'placeId' | 'hazardId' | 'inspectionId' | 'campaignId' | 'unitId' | 'incidentId' | 'postId' | 'directiveId' | 'taskId' | 'visitId' | 'siteId' | 'transferId' | 'permitId';
}

type Item = { id: string | null; path: string | null };
type Expected = { status: number; code?: string; field?: string; listed?: boolean };

const inSubtree = (path: string, root: string): boolean => path === root || path.startsWith(`${root}.`);

const roleHasAny = (role: Role, permission: AnyOf): boolean => [permission].flat().some((p) => ROLE_PERMISSIONS[role].includes(p));

function coversWith(actor: ActorSpec, permission: AnyOf, path: string): boolean {
  return actor.grants.some((g) => roleHasAny(g.role, permission) && inSubtree(path, g.path));
}

const holds = (actor: ActorSpec, permission: AnyOf | 'authenticated'): boolean =>
  permission === 'authenticated' || actor.grants.some((g) => roleHasAny(g.role, permission));

/** Does the actor hold `permission` over the target at `path`, as far as the endpoint reaches? */
function reaches(actor: ActorSpec, e: Endpoint, permission: AnyOf, path: string): boolean {
  if (e.reach !== 'overlapping') return coversWith(actor, permission, path);
  return actor.grants.some((g) => roleHasAny(g.role, permission) && (inSubtree(path, g.path) || inSubtree(g.path, path)));
}
const sees = (actor: ActorSpec, e: Endpoint, path: string): boolean => reaches(actor, e, e.sees, path);

/**
 * The rule under test. A grant gives its role's permissions on its jurisdiction's subtree and
 * nowhere else. A route needs its permission somewhere, else 403 before any lookup (revealing
 * nothing). A target the actor cannot see answers as if it did not exist: 404 by id, a field
 * error for a reference in the body, absent from a list. Seen but not managed: 403. A location
 * names no record, so one outside the actor's reach is simply refused: 403.
 */
function expectedOutcome(actor: ActorSpec, e: Endpoint, target: string): Expected {
  if (!holds(actor, e.guard ?? e.needs)) return { status: 403, code: 'FORBIDDEN' };
  if (e.addressing === 'global') return { status: e.ok! };
  if (e.addressing === 'national') return coversWith(actor, e.needs, ROOT) ? { status: e.ok! } : { status: 403, code: 'FORBIDDEN' };
  if (e.addressing === 'point') return coversWith(actor, e.needs, target) ? { status: e.ok! } : { status: 403, code: 'FORBIDDEN' };
  const seen = sees(actor, e, target);
  if (e.addressing === 'list') return { status: 200, listed: seen };
  if (e.addressing === 'lookup') return seen ? { status: 200, listed: true } : { status: 404, code: 'NO_JURISDICTION_AT_POINT' };
  if (!seen) return e.addressing === 'id' ? { status: 404, code: 'NOT_FOUND' } : { status: 400, code: 'VALIDATION_FAILED', field: e.field! };
  return reaches(actor, e, e.needs, target) ? { status: e.ok! } : { status: 403, code: 'FORBIDDEN' };
}

let t: TestApp;
const unique = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;
/** One call of a San Francisco Fire Department export (the `sf-fire` mapping), numbered `callNumber`. */
const sfFireCsv = (callNumber: string): string => [
  'Call Number,Unit ID,Call Type,Received DtTm,Dispatch DtTm,Response DtTm,On Scene DtTm,Available DtTm,Address,Priority,Final Priority,Unit Type,Unit sequence in call dispatch,Location',
  `${callNumber},E39,Medical Incident,12/31/2016 11:57:56 PM,12/31/2016 11:59:42 PM,01/01/2017 12:01:47 AM,01/01/2017 12:04:18 AM,01/01/2017 12:24:11 AM,0 Block of BALCETA AVE,3,3,ENGINE,1,"(37.745858648581, -122.456664252061)"`,
].join('\n');
const api = (path: string): string => `/api/v1${path}`;

async function roleNotYetHeld(target: Target): Promise<Role> {
  const held = await rows<{ role: string }>(t.app.platform.db, sql`select role from grants where user_id = ${target.userId} and jurisdiction_id = ${target.jurisdictionId}`);
  return ROLES.find((r) => !held.some((h) => h.role === r))!;
}

async function someGrantOf(target: Target): Promise<string> {
  const [grant] = await rows<{ id: string }>(t.app.platform.db, sql`select id from grants where user_id = ${target.userId} order by id limit 1`);
  return grant?.id ?? uuidv7();
}

const DAY_MS = 86_400_000;
const inDays = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();
const PNG_BASE64 = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]).toString('base64');
const pngFile = (filename: string) => ({ filename, mediaType: 'image/png', contentBase64: PNG_BASE64 });

/** Set up once in beforeAll: the checklist inspections use, answers that pass it, a definition to publish, a place below every target. */
const fixture = {} as { templateId: string; passing: { itemKey: string; value: unknown }[]; definition: Record<string, unknown>; deepPlaceId: string };

/** The jurisdiction-less stand-in for a target that does not exist at all. */
const MISSING_PATH = 'li.nowhere';
const isMissing = (x: Target): boolean => x.path === MISSING_PATH;

async function asAdmin<T = { id: string }>(method: 'POST' | 'PUT', url: string, payload: object): Promise<T> {
  const res = await t.app.inject({ method, url: api(url), headers: { cookie: adminCookie }, payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

/** A new open hazard at the target's place, for steps that can be taken only once. */
async function freshHazard(x: Target): Promise<string> {
  return isMissing(x) ? uuidv7() : (await asAdmin('POST', '/hazards', { placeId: x.placeId, grade: 'general', title: unique('Blocked exit') })).id;
}

async function submittedHazard(x: Target): Promise<string> {
  const id = await freshHazard(x);
  if (!isMissing(x)) await asAdmin('POST', `/hazards/${id}/actions`, { action: 'submit', fixNote: 'Exit cleared' });
  return id;
}

async function hazardAwaitingDecision(x: Target): Promise<string> {
  const id = await freshHazard(x);
  if (!isMissing(x)) await asAdmin('POST', `/hazards/${id}/extensions`, { reason: 'Parts on order', requestedDueAt: inDays(60) });
  return id;
}

/** A new major hazard at a school in a station under Vaduz: below every target jurisdiction. */
async function majorHazardBelowAll(): Promise<string> {
  return (await asAdmin('POST', '/hazards', { placeId: fixture.deepPlaceId, grade: 'major', title: unique('Leaking fuel tank') })).id;
}

/** Per target, a unit free to send and an assignment with a step left: kept until a case uses them up. */
const spare = new Map<string, { unitId?: string; assignmentId?: string }>();

/** An on-duty unit of the target jurisdiction that is free to send; a new one once a dispatch took the last. */
async function unitToSend(x: Target): Promise<string> {
  if (isMissing(x)) return uuidv7();
  const held = spare.get(x.path)?.unitId;
  const [unit] = held ? await rows<{ status: string }>(t.app.platform.db, sql`select status from units where id = ${held}`) : [];
  if (held && unit?.status === 'available') return held;
  const { id } = await asAdmin('POST', '/units', unitAt(x.jurisdictionId, x.point));
  spare.set(x.path, { ...spare.get(x.path), unitId: id });
  return id;
}

const NEXT_STEP: Record<string, string> = { assigned: 'acknowledge', acknowledged: 'en_route', en_route: 'on_scene', on_scene: 'clear' };

/** An assignment to the target's incident and the step it can take next; a new one once it is cleared. */
async function assignmentStep(x: Target): Promise<{ id: string; action: string }> {
  if (isMissing(x)) return { id: uuidv7(), action: 'acknowledge' };
  const held = spare.get(x.path)?.assignmentId;
  const [assignment] = held ? await rows<{ state: string }>(t.app.platform.db, sql`select state from assignments where id = ${held}`) : [];
  if (held && assignment && NEXT_STEP[assignment.state]) return { id: held, action: NEXT_STEP[assignment.state]! };
  const [created] = await asAdmin<{ id: string }[]>('POST', `/incidents/${x.incidentId}/assignments`, { unitIds: [await unitToSend(x)] });
  spare.set(x.path, { ...spare.get(x.path), assignmentId: created!.id });
  return { id: created!.id, action: 'acknowledge' };
}

const unitAt = (jurisdictionId: string, at: [number, number]) => ({ callSign: unique('M'), kind: 'fire_engine', jurisdictionId, homeLocation: at, crewSize: 4, onDuty: true });

/** A new on-duty unit of the target, free to be moved up (no other case commits it). */
async function freshUnit(x: Target): Promise<string> {
  return isMissing(x) ? uuidv7() : (await asAdmin('POST', '/units', unitAt(x.jurisdictionId, x.point))).id;
}

/** A new device account homed at the target with `avl:report` there: a terminal a unit of it may be bound to. */
async function terminalAt(x: Target): Promise<string> {
  if (isMissing(x)) return uuidv7();
  return (await asAdmin('POST', '/staff', { username: unique('term'), displayName: 'Terminal', kind: 'device', jurisdictionId: x.jurisdictionId, grants: [{ role: 'unit_member', jurisdictionId: x.jurisdictionId }] })).id;
}

/** An open move-up order of a new unit of the target, ordered by the administrator. */
async function openMoveIn(x: Target): Promise<string> {
  if (isMissing(x)) return uuidv7();
  const res = await asAdmin<{ moves: { id: string }[] }>('POST', '/coverage/move-ups', { jurisdictionId: x.jurisdictionId, moves: [{ unitId: await freshUnit(x), to: x.point }] });
  return res.moves[0]!.id;
}

/** A patrol plan for the target: one post at its point held 07:00-08:00 tomorrow, unassigned. */
/** Each plan on a day of its own: a unit may hold posts of two plans only when their windows don't overlap (PATROL_UNIT_CLASH). */
let planDays = 0;
function patrolPlanIn(x: Target) {
  const day = new Date(Date.now() + ++planDays * DAY_MS).toISOString().slice(0, 10);
  return {
    jurisdictionId: x.jurisdictionId, title: unique('Matrix patrol'), shiftStart: `${day}T06:00:00Z`, shiftEnd: `${day}T14:00:00Z`,
    posts: [{ name: 'Matrix post', location: x.point, windows: [{ start: `${day}T07:00:00Z`, end: `${day}T08:00:00Z` }] }],
  };
}

const plans = new Map<string, string>();
/** The target's patrol plan (made once; `fresh` makes a new one, for a change that can be made once). */
async function planOf(x: Target, opts: { fresh?: boolean } = {}): Promise<string> {
  if (isMissing(x)) return uuidv7();
  const held = plans.get(x.jurisdictionId);
  if (held && !opts.fresh) return held;
  const plan = await asAdmin('POST', '/coverage/patrol-plans', patrolPlanIn(x));
  if (!held) plans.set(x.jurisdictionId, plan.id);
  return plan.id;
}

async function firstPostOf(planId: string): Promise<string> {
  const [post] = await rows<{ id: string }>(t.app.platform.db, sql`select id from patrol_posts where plan_id = ${planId} order by ordinal limit 1`);
  return post?.id ?? uuidv7();
}

/** The duty step the target unit can take now: it goes on and off duty by turns. */
async function dutyStep(x: Target): Promise<'on_duty' | 'off_duty'> {
  const [unit] = await rows<{ on_duty: boolean }>(t.app.platform.db, sql`select on_duty from units where id = ${x.unitId}`);
  return unit?.on_duty ? 'off_duty' : 'on_duty';
}

async function placeVersion(x: Target): Promise<number> {
  const [place] = await rows<{ version: number }>(t.app.platform.db, sql`select version from places where id = ${x.placeId}`);
  return place?.version ?? 1;
}

const pageItemsOf = (body: unknown) => (body as { id: string; jurisdictionPath: string }[]).map((i) => ({ id: i.id, path: i.jurisdictionPath }));
const pageItems = (body: unknown) => (body as { items: { id: string; jurisdictionPath: string }[] }).items.map((i) => ({ id: i.id, path: i.jurisdictionPath }));
const reportPeriod = (): string => `from=${encodeURIComponent(inDays(-30))}&to=${encodeURIComponent(inDays(1))}`;

const flattenTree = (nodes: { id: string; path: string; children: unknown[] }[]): { id: string; path: string }[] =>
  nodes.flatMap((n) => [{ id: n.id, path: n.path }, ...flattenTree(n.children as typeof nodes)]);

/**
 * Where the target's directive and task sit. A directive goes strictly down the tree, so nothing
 * can be sent to the root itself: the parent's are sent to li.unterland, which no actor sees either.
 */
const directedTo = (x: Pick<Target, 'path'>): string => (x.path === ROOT ? 'li.unterland' : x.path);

/** A directive from the root to `jurisdictionId`, as a fresh target to answer for. */
async function issueFromRoot(jurisdictionId: string): Promise<string> {
  const root = await jurisdictionByPath(t.app, ROOT);
  return (await asAdmin('POST', '/directives', {
    issuerJurisdictionId: root.id, title: unique('Matrix directive'), content: 'Check the hydrants.', requiredActions: ['Check'], targetJurisdictionIds: [jurisdictionId], acknowledgeBy: inDays(2), reportBy: inDays(9),
  })).id;
}

/** Per target, a directive whose target is still `delivered` or `acknowledged`: a new one once a case moved it on. */
const answerable = new Map<string, string>();
async function directiveAwaiting(x: Target, state: 'delivered' | 'acknowledged'): Promise<{ id: string; jurisdictionId: string }> {
  if (isMissing(x)) return { id: uuidv7(), jurisdictionId: x.jurisdictionId };
  const to = await jurisdictionByPath(t.app, directedTo(x));
  const key = `${x.path}:${state}`;
  const held = answerable.get(key);
  const [target] = held ? await rows<{ state: string }>(t.app.platform.db, sql`select state from directive_targets where directive_id = ${held}`) : [];
  if (held && target?.state === state) return { id: held, jurisdictionId: to.id };
  const id = await issueFromRoot(to.id);
  if (state === 'acknowledged') await asAdmin('POST', `/directives/${id}/targets/${to.id}/acknowledgement`, {});
  answerable.set(key, id);
  return { id, jurisdictionId: to.id };
}

/** Whom the target's post goes to next: the target account, or nobody once it holds it. */
async function nextHolder(x: Target): Promise<string | null> {
  const [open] = await rows<{ user_id: string }>(t.app.platform.db, sql`select user_id from post_holdings where post_id = ${x.postId} and to_at is null`);
  return open ? null : x.userId;
}

/** Every directive listed, at the one target it was sent to (the issuer lies above it, so it adds no one who may see it). */
async function directiveItems(body: unknown): Promise<Item[]> {
  const ids = (body as { id: string }[]).map((d) => d.id);
  if (ids.length === 0) return [];
  const targets = await rows<{ id: string; paths: string[] }>(t.app.platform.db, sql`select directive_id as id, array_agg(jurisdiction_path::text) as paths from directive_targets
    where directive_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) group by directive_id`);
  const single = new Map(targets.map((d) => [d.id, d.paths.length === 1 ? d.paths[0]! : null]));
  return ids.map((id) => ({ id, path: single.get(id) ?? null }));
}

/** A new post where the target's task sits, to hand the task over to (each reassignment needs another owner). */
async function anotherOwner(x: Target): Promise<string> {
  if (isMissing(x)) return uuidv7();
  const to = await jurisdictionByPath(t.app, directedTo(x));
  return (await asAdmin('POST', '/posts', { jurisdictionId: to.id, kind: 'other', title: unique('Post') })).id;
}
let reweigh = 1;

/** The ids of the audit entries about an entity (a random one when there are none, so the request is well formed). */
async function auditIdsAbout(entityId: string): Promise<string[]> {
  const found = await rows<{ id: string }>(t.app.platform.db, sql`select id from audit_log where entity_id = ${entityId} order by id limit 200`);
  return found.length ? found.map((r) => r.id) : [uuidv7()];
}

/** Every line of an accountability trace, at its jurisdiction. */
const traceItems = (body: unknown): Item[] => {
  const t = body as { hazards: { id: string; jurisdictionPath: string }[]; tasks: { id: string; jurisdictionPath: string }[]; directives: { directiveId: string; jurisdictionPath: string }[]; posts: { postId: string; jurisdictionPath: string }[] };
  return [...t.hazards.map((h) => ({ id: h.id, path: h.jurisdictionPath })), ...t.tasks.map((x) => ({ id: x.id, path: x.jurisdictionPath })),
    ...t.directives.map((d) => ({ id: d.directiveId, path: d.jurisdictionPath })), ...t.posts.map((p) => ({ id: p.postId, path: p.jurisdictionPath }))];
};

const RUN_CARD = { incidentType: 'hazmat_leak', priority: 'P4', tiers: [{ tier: 1, slots: [{ kind: 'fire_engine', units: 1 }] }] } as const;

/**
 * Mutual aid needs two jurisdictions, neither inside the other. An agreement "of" a target is one
 * whose sides lie in the target's subtree where it can (the parent's and the sibling's lie in
 * li.unterland, which no actor sees), so that it is visible exactly when the target is.
 */
const AGREEMENT_SIDES: Record<string, [string, string]> = {
  li: ['li.unterland.eschen', 'li.unterland.ruggell'],
  'li.oberland': ['li.oberland', 'li.unterland.eschen'],
  'li.unterland': ['li.unterland.eschen', 'li.unterland.ruggell'],
  'li.oberland.vaduz': ['li.oberland.vaduz', 'li.unterland.eschen'],
};
/** For a new agreement: the jurisdiction below the target provides, to a neighbour that whoever commands the target commands too. */
const REQUESTING_FOR_NEW: Record<string, string> = { li: 'li.oberland', 'li.oberland': 'li.oberland.vaduz', 'li.unterland': 'li.unterland.ruggell', 'li.oberland.vaduz': 'li.oberland.schaan' };

/** A fresh live agreement of the target (revoking takes one each time). */
async function agreementOf(x: Target): Promise<string> {
  if (isMissing(x)) return uuidv7();
  const [a, b] = await Promise.all(AGREEMENT_SIDES[x.path]!.map((p) => jurisdictionByPath(t.app, p)));
  return (await asAdmin('POST', '/mutual-aid-agreements', { providingJurisdictionId: a!.id, requestingJurisdictionId: b!.id, unitKinds: ['fire_engine'] })).id;
}

/** A fresh unit of the target sent to its incident: an assignment to reassign. */
async function assignmentToReassign(x: Target): Promise<string> {
  if (isMissing(x)) return uuidv7();
  const { id: unitId } = await asAdmin('POST', '/units', unitAt(x.jurisdictionId, x.point));
  const [created] = await asAdmin<{ id: string }[]>('POST', `/incidents/${x.incidentId}/assignments`, { unitIds: [unitId] });
  return created!.id;
}

/** A fresh incident at the target's point, with no unit on it (closing takes one each time). */
async function incidentToClose(x: Target): Promise<string> {
  if (isMissing(x)) return uuidv7();
  return (await asAdmin('POST', '/incidents', { type: 'rescue', priority: 'P4', location: x.point })).id;
}

/**
 * A major incident at the target's point commanded by the target itself: the response level whose
 * commanding depth is the target's (I national … III municipal), so "who commands" is the target's
 * jurisdiction, as the matrix's rule states it. Fresh for commands; one per target for reads.
 */
const majors = new Map<string, string>();
async function majorOf(x: Target, fresh = false): Promise<string> {
  if (isMissing(x)) return uuidv7();
  if (!fresh && majors.has(x.path)) return majors.get(x.path)!;
  const level = ['I', 'II', 'III', 'IV'][x.path.split('.').length - 1];
  const id = (await asAdmin('POST', '/major-incidents', { location: x.point, title: unique('Matrix major incident'), level })).id as string;
  if (!fresh) majors.set(x.path, id);
  return id;
}

/** A fresh major incident of the target with its commander's position held by the target's post (a SITREP needs one). */
async function commandedMajorOf(x: Target): Promise<string> {
  const id = await majorOf(x, true);
  if (!isMissing(x)) await asAdmin('POST', `/major-incidents/${id}/positions`, { role: 'commander', postId: x.postId });
  return id;
}

/** A fresh import batch of one historical call into the target, by the national administrator. */
async function importBatchIn(x: Target): Promise<string> {
  if (isMissing(x)) return uuidv7();
  return (await asAdmin<{ batchId: string }>('POST', '/history/imports', { jurisdictionId: x.jurisdictionId, mapping: 'sf-fire', csv: sfFireCsv(unique('call')) })).batchId;
}

/**
 * An open traffic control point of a fresh major incident commanded by the target, at its point,
 * and a fresh patrol car of the target there: a patrol near the incident, to whom the point is offered.
 */
async function offeredPoint(x: Target): Promise<{ majorId: string; pointId: string; patrolId: string }> {
  if (isMissing(x)) return { majorId: uuidv7(), pointId: uuidv7(), patrolId: uuidv7() };
  const majorId = await majorOf(x, true);
  const name = unique('Matrix TCP');
  await asAdmin('POST', `/major-incidents/${majorId}/points`, { kind: 'traffic_control', name, location: x.point });
  const [point] = await rows<{ id: string }>(t.app.platform.db, sql`select id from major_incident_points where major_incident_id = ${majorId} and name = ${name}`);
  const patrol = await asAdmin('POST', '/units', { ...unitAt(x.jurisdictionId, x.point), kind: 'patrol_car', crewSize: 2 });
  return { majorId, pointId: point!.id, patrolId: patrol.id };
}

/** Two fresh incidents at the target's point, the first linked as a duplicate of the second when `linked`. */
async function incidentPair(x: Target, linked: boolean): Promise<{ duplicate: string; original: string }> {
  if (isMissing(x)) return { duplicate: uuidv7(), original: uuidv7() };
  const open = () => asAdmin('POST', '/incidents', { type: 'rescue', priority: 'P3', location: x.point });
  const [duplicate, original] = [(await open()).id, (await open()).id];
  if (linked) await asAdmin('PUT', `/incidents/${duplicate}/duplicate-of`, { duplicateOf: original });
  return { duplicate, original };
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'GET /jurisdictions', needs: 'jurisdictions:read', sees: 'jurisdictions:read', addressing: 'list', key: 'jurisdictionId',
    request: () => ({ method: 'GET', url: api('/jurisdictions') }),
    items: (body) => flattenTree(body as never),
  },
  {
    name: 'GET /jurisdictions/lookup', needs: 'jurisdictions:read', sees: 'jurisdictions:read', addressing: 'lookup', key: 'jurisdictionId',
    request: (x) => ({ method: 'GET', url: api(`/jurisdictions/lookup?lon=${x.point[0]}&lat=${x.point[1]}`) }),
    items: (body) => (body as { id: string; path: string }[]).map((j) => ({ id: j.id, path: j.path })),
  },
  {
    name: 'GET /jurisdictions/:id', needs: 'jurisdictions:read', sees: 'jurisdictions:read', addressing: 'id', ok: 200,
    request: (x) => ({ method: 'GET', url: api(`/jurisdictions/${x.jurisdictionId}`) }),
  },
  {
    name: 'POST /jurisdictions', needs: 'jurisdictions:manage', sees: 'jurisdictions:read', addressing: 'body', field: 'body.parentId', ok: 201, audit: 'jurisdictions.created',
    request: (x) => ({ method: 'POST', url: api('/jurisdictions'), payload: { parentId: x.jurisdictionId, name: unique('Station'), level: 'station' } }),
  },
  {
    name: 'PATCH /jurisdictions/:id', needs: 'jurisdictions:manage', sees: 'jurisdictions:read', addressing: 'id', ok: 200, audit: 'jurisdictions.updated',
    request: (x) => ({ method: 'PATCH', url: api(`/jurisdictions/${x.jurisdictionId}`), payload: { name: unique('Renamed') } }),
  },
  {
    name: 'GET /staff', needs: 'staff:read', sees: 'staff:read', addressing: 'list', key: 'userId',
    request: () => ({ method: 'GET', url: api('/staff?limit=500') }),
    items: (body) => (body as { id: string; jurisdictionPath: string }[]).map((s) => ({ id: s.id, path: s.jurisdictionPath })),
  },
  {
    name: 'GET /staff?jurisdictionId', needs: 'staff:read', sees: 'staff:read', addressing: 'id', ok: 200,
    request: (x) => ({ method: 'GET', url: api(`/staff?jurisdictionId=${x.jurisdictionId}`) }),
  },
  {
    name: 'GET /staff/:id', needs: 'staff:read', sees: 'staff:read', addressing: 'id', ok: 200,
    request: (x) => ({ method: 'GET', url: api(`/staff/${x.userId}`) }),
  },
  {
    name: 'POST /staff', needs: 'staff:manage', sees: 'jurisdictions:read', addressing: 'body', field: 'body.jurisdictionId', ok: 201, audit: 'staff.created',
    request: (x) => ({
      method: 'POST',
      url: api('/staff'),
      payload: { username: unique('new'), displayName: 'New device', kind: 'device', jurisdictionId: x.jurisdictionId, grants: [{ role: 'unit_member', jurisdictionId: x.jurisdictionId }] },
    }),
  },
  {
    name: 'PATCH /staff/:id', needs: 'staff:manage', sees: 'staff:read', addressing: 'id', ok: 200, audit: 'staff.updated',
    request: (x) => ({ method: 'PATCH', url: api(`/staff/${x.userId}`), payload: { displayName: unique('Renamed') } }),
  },
  {
    name: 'POST /staff/:id/grants', needs: 'staff:manage', sees: 'staff:read', addressing: 'id', ok: 201, audit: 'staff.grant_added',
    request: async (x) => ({ method: 'POST', url: api(`/staff/${x.userId}/grants`), payload: { role: await roleNotYetHeld(x), jurisdictionId: x.jurisdictionId } }),
  },
  {
    name: 'DELETE /staff/:id/grants/:grantId', needs: 'staff:manage', sees: 'staff:read', addressing: 'id', ok: 200, audit: 'staff.grant_revoked',
    request: async (x) => ({ method: 'DELETE', url: api(`/staff/${x.userId}/grants/${await someGrantOf(x)}`) }),
  },
  {
    name: 'GET /staff/:id/tokens', needs: 'staff:manage', sees: 'staff:read', addressing: 'id', ok: 200,
    request: (x) => ({ method: 'GET', url: api(`/staff/${x.userId}/tokens`) }),
  },
  {
    name: 'POST /staff/:id/tokens', needs: 'staff:manage', sees: 'staff:read', addressing: 'id', ok: 201, audit: 'auth.token_created',
    request: (x) => ({ method: 'POST', url: api(`/staff/${x.userId}/tokens`), payload: { name: 'matrix' } }),
  },
  {
    name: 'GET /audit', needs: 'audit:read', sees: 'audit:read', addressing: 'list', key: 'userId',
    request: (x) => ({ method: 'GET', url: api(`/audit?entityId=${x.userId}&limit=500`) }),
    items: (body) => (body as { entityId: string | null; jurisdictionPath: string | null }[]).map((e) => ({ id: e.entityId, path: e.jurisdictionPath })),
  },
  {
    // What a trace cites, for those who may read traces: here the entries about the target's user.
    name: 'GET /accountability/audit-entries', needs: 'accountability:read', sees: 'accountability:read', addressing: 'list', key: 'userId',
    request: async (x) => ({ method: 'GET', url: api(`/accountability/audit-entries?ids=${(await auditIdsAbout(x.userId)).join(',')}`) }),
    items: (body) => (body as { entityId: string | null; jurisdictionPath: string | null }[]).map((e) => ({ id: e.entityId, path: e.jurisdictionPath })),
  },
  // places
  {
    name: 'GET /places', needs: 'places:read', sees: 'places:read', addressing: 'list', key: 'placeId', touches: [],
    request: () => ({ method: 'GET', url: api('/places?category=school&limit=500') }),
    items: pageItems,
  },
  {
    name: 'GET /places?jurisdictionId', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/places?jurisdictionId=${x.jurisdictionId}`) }),
  },
  {
    name: 'GET /places/:id', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/places/${x.placeId}`) }),
  },
  {
    name: 'GET /places/:id/history', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/places/${x.placeId}/history`) }),
  },
  {
    name: 'POST /places', needs: 'places:manage', sees: 'places:read', addressing: 'body', field: 'body.jurisdictionId', ok: 201, audit: 'places.created', touches: ['places'],
    request: (x) => ({ method: 'POST', url: api('/places'), payload: { name: unique('School'), category: 'school', geometry: { type: 'Point', coordinates: x.point }, jurisdictionId: x.jurisdictionId } }),
  },
  {
    name: 'PATCH /places/:id', needs: 'places:manage', sees: 'places:read', addressing: 'id', ok: 200, audit: 'places.updated', touches: ['places'],
    request: async (x) => ({ method: 'PATCH', url: api(`/places/${x.placeId}`), payload: { name: unique('Renamed school'), version: await placeVersion(x) } }),
  },
  {
    name: 'GET /risk/places', needs: 'places:read', sees: 'places:read', addressing: 'list', key: 'placeId', touches: [],
    request: () => ({ method: 'GET', url: api('/risk/places?category=school&limit=500') }),
    items: (body) => (body as { placeId: string; jurisdictionPath: string }[]).map((p) => ({ id: p.placeId, path: p.jurisdictionPath })),
  },
  {
    name: 'GET /risk/places?jurisdictionId', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/risk/places?jurisdictionId=${x.jurisdictionId}`) }),
  },
  {
    name: 'GET /risk/places/:id', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/risk/places/${x.placeId}`) }),
  },
  // checklists: national, the same for everyone who may see places
  {
    name: 'GET /checklists', needs: 'places:read', sees: 'places:read', addressing: 'global', ok: 200, touches: [],
    request: () => ({ method: 'GET', url: api('/checklists') }),
  },
  {
    name: 'GET /checklists/:id', needs: 'places:read', sees: 'places:read', addressing: 'global', ok: 200, touches: [],
    request: () => ({ method: 'GET', url: api(`/checklists/${fixture.templateId}`) }),
  },
  {
    name: 'POST /checklists', needs: 'checklists:manage', sees: 'checklists:manage', addressing: 'national', ok: 201, audit: 'checklists.published', touches: ['checklist_templates'],
    request: () => ({ method: 'POST', url: api('/checklists'), payload: fixture.definition }),
  },
  // inspections
  {
    name: 'POST /inspections', needs: 'inspections:record', sees: 'places:read', addressing: 'body', field: 'body.placeId', ok: 201, audit: 'inspections.recorded',
    touches: ['inspections', 'hazards', 'campaign_assignments', 'campaign_coverage'],
    request: (x) => ({ method: 'POST', url: api('/inspections'), payload: { placeId: x.placeId, templateId: fixture.templateId, answers: fixture.passing } }),
  },
  {
    name: 'GET /inspections', needs: 'places:read', sees: 'places:read', addressing: 'list', key: 'inspectionId', touches: [],
    request: () => ({ method: 'GET', url: api('/inspections?limit=500') }),
    items: pageItems,
  },
  {
    name: 'GET /inspections/:id', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/inspections/${x.inspectionId}`) }),
  },
  {
    name: 'POST /inspections/:id/attachments', needs: 'inspections:record', sees: 'places:read', addressing: 'id', ok: 201, audit: 'inspections.file_attached', touches: ['inspection_attachments'],
    request: (x) => ({ method: 'POST', url: api(`/inspections/${x.inspectionId}/attachments`), payload: pngFile('door.png') }),
  },
  {
    name: 'GET /inspections/:id/attachments', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/inspections/${x.inspectionId}/attachments`) }),
  },
  {
    name: 'GET /inspections/:id/attachments/:attachmentId/content', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/inspections/${x.inspectionId}/attachments/${x.attachmentId}/content`) }),
  },
  // hazards
  {
    name: 'GET /hazards', needs: 'hazards:read', sees: 'hazards:read', addressing: 'list', key: 'hazardId', touches: [],
    request: () => ({ method: 'GET', url: api('/hazards?limit=500') }),
    items: pageItems,
  },
  {
    name: 'GET /hazards?jurisdictionId', needs: 'hazards:read', sees: 'hazards:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/hazards?jurisdictionId=${x.jurisdictionId}`) }),
  },
  {
    name: 'GET /hazards/board', needs: 'hazards:read', sees: 'hazards:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/hazards/board?jurisdictionId=${x.jurisdictionId}`) }),
  },
  {
    name: 'GET /hazards/report', needs: 'hazards:read', sees: 'hazards:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/hazards/report?jurisdictionId=${x.jurisdictionId}&${reportPeriod()}`) }),
  },
  {
    name: 'GET /hazards/report.csv', needs: 'hazards:read', sees: 'hazards:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/hazards/report.csv?jurisdictionId=${x.jurisdictionId}&${reportPeriod()}`) }),
  },
  {
    name: 'GET /hazards/report.html', needs: 'hazards:read', sees: 'hazards:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/hazards/report.html?jurisdictionId=${x.jurisdictionId}&${reportPeriod()}`) }),
  },
  {
    name: 'GET /hazards/:id', needs: 'hazards:read', sees: 'hazards:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/hazards/${x.hazardId}`) }),
  },
  {
    name: 'GET /hazards/:id/history', needs: 'hazards:read', sees: 'hazards:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/hazards/${x.hazardId}/history`) }),
  },
  {
    name: 'POST /hazards', needs: 'hazards:manage', sees: 'places:read', addressing: 'body', field: 'body.placeId', ok: 201, audit: 'hazards.raised', touches: ['hazards'],
    request: (x) => ({ method: 'POST', url: api('/hazards'), payload: { placeId: x.placeId, grade: 'general', title: unique('Blocked exit') } }),
  },
  {
    name: 'POST /hazards/:id/actions start', guard: 'hazards:read', needs: 'hazards:manage', sees: 'hazards:read', addressing: 'id', ok: 200, audit: 'hazards.start', touches: ['hazards'],
    request: async (x) => ({ method: 'POST', url: api(`/hazards/${await freshHazard(x)}/actions`), payload: { action: 'start' } }),
  },
  {
    name: 'POST /hazards/:id/actions reject', guard: 'hazards:read', needs: 'hazards:verify', sees: 'hazards:read', addressing: 'id', ok: 200, audit: 'hazards.reject', touches: ['hazards'],
    request: async (x) => ({ method: 'POST', url: api(`/hazards/${await submittedHazard(x)}/actions`), payload: { action: 'reject', reason: 'Still blocked' } }),
  },
  {
    name: 'POST /hazards/:id/extensions', needs: 'hazards:manage', sees: 'hazards:read', addressing: 'id', ok: 201, audit: 'hazards.extension_requested', touches: ['hazards', 'hazard_extensions'],
    request: async (x) => ({ method: 'POST', url: api(`/hazards/${await freshHazard(x)}/extensions`), payload: { reason: 'Parts on order', requestedDueAt: inDays(60) } }),
  },
  {
    name: 'POST /hazards/:id/extensions/decision', needs: 'hazards:verify', sees: 'hazards:read', addressing: 'id', ok: 200, audit: 'hazards.extension_decided', touches: ['hazards', 'hazard_extensions'],
    request: async (x) => ({ method: 'POST', url: api(`/hazards/${await hazardAwaitingDecision(x)}/extensions/decision`), payload: { approve: false, note: 'Fix it now' } }),
  },
  {
    // The target is the supervising level, named in the body; the hazard lies below every target, in a station under Vaduz.
    name: 'POST /hazards/:id/supervision', needs: 'hazards:verify', sees: 'hazards:read', addressing: 'body', field: 'body.jurisdictionId', ok: 200, audit: 'hazards.supervision_listed', touches: ['hazards'],
    request: async (x) => ({ method: 'POST', url: api(`/hazards/${await majorHazardBelowAll()}/supervision`), payload: { jurisdictionId: x.jurisdictionId } }),
  },
  {
    name: 'GET /hazards/:id/evidence', needs: 'hazards:read', sees: 'hazards:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/hazards/${x.hazardId}/evidence`) }),
  },
  {
    name: 'POST /hazards/:id/evidence', needs: 'hazards:manage', sees: 'hazards:read', addressing: 'id', ok: 201, audit: 'hazards.evidence_added', touches: ['hazard_evidence'],
    request: (x) => ({ method: 'POST', url: api(`/hazards/${x.hazardId}/evidence`), payload: pngFile('exit.png') }),
  },
  {
    name: 'GET /hazards/:id/evidence/:evidenceId/content', needs: 'hazards:read', sees: 'hazards:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/hazards/${x.hazardId}/evidence/${x.evidenceId}/content`) }),
  },
  {
    name: 'GET /hazard-deadlines/:id', needs: 'hazards:read', sees: 'hazards:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/hazard-deadlines/${x.jurisdictionId}`) }),
  },
  {
    // The default deadlines, so that hazards raised by other cases keep theirs.
    name: 'PUT /hazard-deadlines/:id', needs: 'hazards:configure', sees: 'hazards:read', addressing: 'id', ok: 200, audit: 'hazards.deadline_policy_set', touches: ['hazard_deadline_policies'],
    request: (x) => ({ method: 'PUT', url: api(`/hazard-deadlines/${x.jurisdictionId}`), payload: { generalDays: 7, majorDays: 30 } }),
  },
  // campaigns: visible where issued and wherever their scope reaches
  {
    name: 'GET /campaigns', needs: 'places:read', sees: 'places:read', reach: 'overlapping', addressing: 'list', key: 'campaignId', touches: [],
    request: () => ({ method: 'GET', url: api('/campaigns') }),
    items: (body) => (body as { id: string; issuerPath: string }[]).map((c) => ({ id: c.id, path: c.issuerPath })),
  },
  {
    name: 'POST /campaigns', needs: 'campaigns:manage', sees: 'places:read', addressing: 'body', field: 'body.jurisdictionId', ok: 201, audit: 'campaigns.issued',
    touches: ['campaigns', 'campaign_assignments', 'campaign_coverage'],
    request: (x) => ({ method: 'POST', url: api('/campaigns'), payload: { title: unique('Campaign'), jurisdictionId: x.jurisdictionId, categories: ['school'], startsAt: inDays(-1), endsAt: inDays(30) } }),
  },
  ...['', '/coverage', '/progress', '/report.csv', '/report.html', '/assignments'].map((suffix): Endpoint => ({
    name: `GET /campaigns/:id${suffix}`, needs: 'places:read', sees: 'places:read', reach: 'overlapping', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/campaigns/${x.campaignId}${suffix}`) }),
  })),
  // units and AVL
  {
    name: 'GET /units', needs: 'units:read', sees: 'units:read', addressing: 'list', key: 'unitId', touches: [],
    request: () => ({ method: 'GET', url: api('/units?limit=1000') }),
    items: pageItems,
  },
  {
    name: 'GET /units?jurisdictionId', needs: 'units:read', sees: 'units:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/units?jurisdictionId=${x.jurisdictionId}&limit=1000`) }),
    items: pageItems,
  },
  ...['', '/history', `/track?${reportPeriod()}`].map((suffix): Endpoint => ({
    name: `GET /units/:id${suffix.replace(/\?.*/, '')}`, needs: 'units:read', sees: 'units:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/units/${x.unitId}${suffix}`) }),
  })),
  // historical import (a one-call CAD export, a new call number each time)
  {
    name: 'POST /history/imports', needs: 'jurisdictions:manage', sees: 'jurisdictions:read', addressing: 'body', field: 'body.jurisdictionId', ok: 201, audit: 'incidents.history_imported', touches: ['incidents'],
    request: (x) => ({ method: 'POST', url: api('/history/imports'), payload: { jurisdictionId: x.jurisdictionId, mapping: 'sf-fire', csv: sfFireCsv(unique('call')) } }),
  },
  {
    name: 'GET /history/imports?jurisdictionId', guard: 'jurisdictions:manage', needs: 'jurisdictions:manage', sees: 'jurisdictions:read', addressing: 'body', field: 'query.jurisdictionId', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/history/imports?jurisdictionId=${x.jurisdictionId}`) }),
  },
  {
    // Undone by whoever administers where the batch was imported: a fresh batch of one call each time.
    name: 'POST /history/imports/:id/undo', needs: 'jurisdictions:manage', sees: 'jurisdictions:manage', addressing: 'id', ok: 200, audit: 'incidents.history_undone', touches: ['incidents', 'import_batches'],
    request: async (x) => ({ method: 'POST', url: api(`/history/imports/${await importBatchIn(x)}/undo`) }),
  },
  {
    name: 'POST /units', needs: 'units:manage', sees: 'units:read', addressing: 'body', field: 'body.jurisdictionId', ok: 201, audit: 'units.registered', touches: ['units'],
    request: (x) => ({ method: 'POST', url: api('/units'), payload: unitAt(x.jurisdictionId, x.point) }),
  },
  {
    name: 'PATCH /units/:id', needs: 'units:manage', sees: 'units:read', addressing: 'id', ok: 200, audit: 'units.updated', touches: ['units'],
    request: (x) => ({ method: 'PATCH', url: api(`/units/${x.unitId}`), payload: { crewSize: 1 + randomBytes(1)[0]! % 9, capabilities: ['pump'] } }),
  },
  {
    // Its commander or the unit itself (a dispatcher for a unit that reports by radio).
    name: 'POST /units/:id/actions', guard: 'units:read', needs: ['units:manage', 'dispatch:respond'], sees: 'units:read', addressing: 'id', ok: 200, audit: 'units.status_changed', touches: ['units'],
    request: async (x) => ({ method: 'POST', url: api(`/units/${x.unitId}/actions`), payload: { action: await dutyStep(x) } }),
  },
  {
    name: 'GET /units/:id/terminal-choices', needs: 'units:manage', sees: 'units:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/units/${x.unitId}/terminal-choices`) }),
  },
  {
    // A new unit (binding the shared one would refuse the AVL cases' devices) to a new terminal of its jurisdiction.
    name: 'PUT /units/:id/terminal', needs: 'units:manage', sees: 'units:read', addressing: 'id', ok: 200, audit: 'units.terminal_bound', touches: ['units'],
    request: async (x) => ({ method: 'PUT', url: api(`/units/${await freshUnit(x)}/terminal`), payload: { terminalId: await terminalAt(x) } }),
  },
  {
    // A unit the reporter may not report for is refused like one that does not exist.
    name: 'POST /avl/positions', needs: 'avl:report', sees: 'avl:report', addressing: 'body', field: 'body.fixes.0.unitId', ok: 200, audit: 'units.positions_reported', touches: ['unit_track'],
    request: (x) => ({ method: 'POST', url: api('/avl/positions'), payload: { fixes: [{ unitId: x.unitId, location: x.point, at: new Date().toISOString(), speedKmh: 42, heading: 90 }] } }),
  },
  // incidents
  {
    name: 'GET /incidents', needs: 'incidents:read', sees: 'incidents:read', addressing: 'list', key: 'incidentId', touches: [],
    request: () => ({ method: 'GET', url: api('/incidents?limit=500') }),
    items: pageItems,
  },
  {
    name: 'GET /incidents?jurisdictionId', needs: 'incidents:read', sees: 'incidents:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/incidents?jurisdictionId=${x.jurisdictionId}&limit=500`) }),
    items: pageItems,
  },
  ...['', '/timeline', '/assignments'].map((suffix): Endpoint => ({
    name: `GET /incidents/:id${suffix}`, needs: 'incidents:read', sees: 'incidents:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/incidents/${x.incidentId}${suffix}`) }),
  })),
  {
    name: 'POST /incidents', needs: 'incidents:create', sees: 'incidents:read', addressing: 'point', ok: 201, audit: 'incidents.opened', touches: ['incidents'],
    request: (x) => ({ method: 'POST', url: api('/incidents'), payload: { type: 'fire', priority: 'P2', location: x.point, callerNumber: '+423 230 00 00' } }),
  },
  {
    name: 'POST /incidents/:id/purge-caller', needs: 'incidents:create', sees: 'incidents:read', addressing: 'id', ok: 200, audit: 'incidents.caller_purged', touches: ['incidents'],
    request: (x) => ({ method: 'POST', url: api(`/incidents/${x.incidentId}/purge-caller`) }),
  },
  {
    name: 'POST /incidents/:id/close', needs: 'dispatch:assign', sees: 'incidents:read', addressing: 'id', ok: 200, audit: 'incidents.closed', touches: ['incidents'],
    request: async (x) => ({ method: 'POST', url: api(`/incidents/${await incidentToClose(x)}/close`), payload: { disposition: 'resolved' } }),
  },
  // major incidents: read where it happened (incidents:read), commanded at the commanding jurisdiction (directives:issue) or by the commander's post
  ...['', '/sitreps', '/after-action', '/alerts'].map((suffix): Endpoint => ({
    name: `GET /major-incidents/:id${suffix}`, needs: 'incidents:read', sees: 'incidents:read', addressing: 'id', ok: 200, touches: [],
    request: async (x) => ({ method: 'GET', url: api(`/major-incidents/${await majorOf(x)}${suffix}`) }),
  })),
  {
    name: 'POST /major-incidents/:id/reports-up', guard: 'authenticated', needs: 'directives:issue', sees: 'incidents:read', addressing: 'id', ok: 200, audit: 'major_incidents.reported_up', touches: ['major_incident_points', 'major_incident_sitreps'],
    request: async (x) => ({ method: 'POST', url: api(`/major-incidents/${await majorOf(x, true)}/reports-up`), payload: { kind: 'first', text: 'Matrix report up' } }),
  },
  {
    name: 'PUT /major-incidents/:id/cordons/outer', guard: 'authenticated', needs: 'directives:issue', sees: 'incidents:read', addressing: 'id', ok: 200, audit: 'major_incidents.cordon_set', touches: ['major_incident_points', 'major_incident_sitreps'],
    request: async (x) => ({ method: 'PUT', url: api(`/major-incidents/${await majorOf(x, true)}/cordons/outer`), payload: { radiusM: 150 } }),
  },
  {
    // Declared where it happens by whoever may dispatch there (mayDeclare).
    name: 'POST /major-incidents', needs: 'dispatch:assign', sees: 'incidents:read', addressing: 'point', ok: 201, audit: 'major_incidents.declared', touches: ['major_incidents'],
    request: (x) => ({ method: 'POST', url: api('/major-incidents'), payload: { location: x.point, title: unique('Matrix declared'), level: 'IV', exercise: true } }),
  },
  {
    name: 'PUT /major-incidents/:id/level', guard: 'authenticated', needs: 'directives:issue', sees: 'incidents:read', addressing: 'id', ok: 200, audit: 'major_incidents.level_changed', touches: ['major_incidents'],
    request: async (x) => ({ method: 'PUT', url: api(`/major-incidents/${await majorOf(x, true)}/level`), payload: { level: x.path === ROOT ? 'II' : 'I', reason: 'Matrix: escalated' } }),
  },
  {
    name: 'POST /major-incidents/:id/positions', guard: 'authenticated', needs: 'directives:issue', sees: 'incidents:read', addressing: 'id', ok: 200, audit: 'major_incidents.position_created', touches: ['major_incident_positions'],
    request: async (x) => ({ method: 'POST', url: api(`/major-incidents/${await majorOf(x, true)}/positions`), payload: { role: 'sector', name: unique('Sector'), postId: x.postId } }),
  },
  {
    name: 'POST /major-incidents/:id/points', guard: 'authenticated', needs: 'directives:issue', sees: 'incidents:read', addressing: 'id', ok: 200, audit: 'major_incidents.point_added', touches: ['major_incident_points'],
    request: async (x) => ({ method: 'POST', url: api(`/major-incidents/${await majorOf(x, true)}/points`), payload: { kind: 'traffic_control', name: unique('Matrix TCP'), location: x.point } }),
  },
  {
    name: 'POST /major-incidents/:id/sitreps', guard: 'authenticated', needs: 'directives:issue', sees: 'incidents:read', addressing: 'id', ok: 201, audit: 'major_incidents.sitrep_submitted', touches: ['major_incident_sitreps', 'reinforcement_requests'],
    request: async (x) => ({
      method: 'POST', url: api(`/major-incidents/${await commandedMajorOf(x)}/sitreps`),
      payload: { situation: 'Matrix situation', resourcesCommitted: { units: 1 }, resourcesRequested: { units: 0 }, cordonStatus: 'none', nextSteps: 'hold' },
    }),
  },
  {
    name: 'POST /major-incidents/:id/stand-down', guard: 'authenticated', needs: 'directives:issue', sees: 'incidents:read', addressing: 'id', ok: 200, audit: 'major_incidents.stood_down', touches: ['major_incidents'],
    request: async (x) => ({ method: 'POST', url: api(`/major-incidents/${await majorOf(x, true)}/stand-down`), payload: { note: 'Matrix: over' } }),
  },
  ...['/hospitals', '/alert-drafts'].map((suffix): Endpoint => ({
    name: `GET /major-incidents/:id${suffix}`, guard: 'authenticated', needs: 'incidents:read', sees: 'incidents:read', addressing: 'id', ok: 200, touches: [],
    request: async (x) => ({ method: 'GET', url: api(`/major-incidents/${await majorOf(x)}${suffix}`) }),
  })),
  {
    name: 'GET /major-incidents', needs: 'incidents:read', sees: 'incidents:read', addressing: 'list', key: 'majorId', touches: [],
    request: () => ({ method: 'GET', url: api('/major-incidents?exercise=true&limit=500') }),
    items: (body) => (body as { id: string; jurisdiction: { path: string } }[]).map((m) => ({ id: m.id, path: m.jurisdiction.path })),
  },
  {
    // The scripted exercise, started where the explosion happens by whoever issues directives there. It answers 202 and plays on
    // (calls, the declaration, cordons, an alert, a SITREP): played at the compressed clock and awaited to its end, so the
    // next case starts from a still database and finds no exercise running.
    name: 'POST /major-incidents/exercises/gas-explosion', needs: 'directives:issue', sees: 'incidents:read', addressing: 'point', ok: 202, audit: 'major_incidents.declared',
    touches: ['incidents', 'posts', 'major_incident_points', 'major_incident_sitreps'],
    request: (x) => ({ method: 'POST', url: api('/major-incidents/exercises/gas-explosion'), payload: { at: x.point, speed: 10_000 } }),
    settle: () => t.app.exercises.settled(),
  },
  {
    // My patrols' offers, wherever the points are: every patrol offered is one the caller answers for (dispatch:respond), never one beyond.
    name: 'GET /major-incidents/traffic-point-offers', needs: 'dispatch:respond', sees: 'dispatch:respond', addressing: 'global', ok: 200, touches: [],
    request: async (x) => {
      await offeredPoint(x);
      return { method: 'GET', url: api('/major-incidents/traffic-point-offers') };
    },
    items: async (body) => {
      const ids = (body as { patrols: { unitId: string }[] }[]).flatMap((o) => o.patrols.map((p) => p.unitId));
      if (ids.length === 0) return [];
      const found = await rows<{ id: string; path: string }>(t.app.platform.db, sql`select id, jurisdiction_path::text as path from units where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
      return ids.map((id) => ({ id, path: found.find((u) => u.id === id)?.path ?? null }));
    },
  },
  {
    // A patrol takes a point offered to it: its crew or a dispatcher answering for it (dispatch:respond where the unit belongs).
    name: 'POST /major-incidents/:id/points/:pointId/take', needs: 'dispatch:respond', sees: 'dispatch:respond', addressing: 'id', ok: 200, audit: 'major_incidents.traffic_point_taken', touches: ['major_incident_points'],
    request: async (x) => {
      const offer = await offeredPoint(x);
      return { method: 'POST', url: api(`/major-incidents/${offer.majorId}/points/${offer.pointId}/take`), payload: { unitId: offer.patrolId } };
    },
  },
  // dispatch
  {
    name: 'GET /incidents/:id/recommendations', needs: 'dispatch:assign', sees: 'incidents:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/incidents/${x.incidentId}/recommendations?limit=200`) }),
    items: (body) => (body as { items: { unitId: string; jurisdictionPath: string }[] }).items.map((u) => ({ id: u.unitId, path: u.jurisdictionPath })),
  },
  {
    name: 'POST /incidents/:id/assignments', needs: 'dispatch:assign', sees: 'incidents:read', addressing: 'id', ok: 201, audit: 'dispatch.unit_assigned', touches: ['units', 'incidents', 'assignments'],
    request: async (x) => ({ method: 'POST', url: api(`/incidents/${x.incidentId}/assignments`), payload: { unitIds: [await unitToSend(x)] } }),
  },
  {
    // The unit (dispatch:respond where it belongs) or a dispatcher of the incident; seen through either.
    name: 'POST /assignments/:id/actions', guard: 'authenticated', needs: ['dispatch:respond', 'dispatch:assign'], sees: ['incidents:read', 'units:read'], addressing: 'id', ok: 200,
    audit: 'dispatch.assignment_changed', touches: ['units', 'incidents', 'assignments'],
    request: async (x) => {
      const step = await assignmentStep(x);
      return { method: 'POST', url: api(`/assignments/${step.id}/actions`), payload: { action: step.action } };
    },
  },
  {
    name: 'GET /reports/response-times', needs: 'incidents:read', sees: 'incidents:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/reports/response-times?jurisdictionId=${x.jurisdictionId}&${reportPeriod()}`) }),
  },
  {
    name: 'GET /reports/response-times.csv', needs: 'incidents:read', sees: 'incidents:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/reports/response-times.csv?jurisdictionId=${x.jurisdictionId}&${reportPeriod()}`) }),
  },
  {
    name: 'GET /reports/response-times/breakdown', needs: 'incidents:read', sees: 'incidents:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/reports/response-times/breakdown?jurisdictionId=${x.jurisdictionId}&by=unit_kind&${reportPeriod()}`) }),
  },
  {
    name: 'GET /reports/response-times/breakdown.csv', needs: 'incidents:read', sees: 'incidents:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/reports/response-times/breakdown.csv?jurisdictionId=${x.jurisdictionId}&by=jurisdiction&${reportPeriod()}`) }),
  },
  {
    name: 'POST /replays', needs: 'incidents:read', sees: 'incidents:read', addressing: 'body', field: 'body.jurisdictionId', ok: 200, touches: [],
    request: (x) => ({ method: 'POST', url: api('/replays'), payload: { jurisdictionId: x.jurisdictionId, from: inDays(-2), to: inDays(1), seed: 3 } }),
  },
  {
    // A run card no other case dispatches by.
    name: 'PUT /response-plans', needs: 'units:manage', sees: 'units:read', addressing: 'body', field: 'body.jurisdictionId', ok: 200, audit: 'dispatch.response_plan_set', touches: ['response_plans'],
    request: (x) => ({ method: 'PUT', url: api('/response-plans'), payload: { ...RUN_CARD, jurisdictionId: x.jurisdictionId } }),
  },
  {
    name: 'GET /response-plans?jurisdictionId', needs: 'units:read', sees: 'units:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/response-plans?jurisdictionId=${x.jurisdictionId}&incidentType=${RUN_CARD.incidentType}`) }),
  },
  {
    name: 'GET /response-plans/in-force', needs: 'units:read', sees: 'units:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/response-plans/in-force?jurisdictionId=${x.jurisdictionId}&incidentType=${RUN_CARD.incidentType}&priority=${RUN_CARD.priority}`) }),
  },
  {
    // The dispatcher of the incident moves its unit; here another unit of the target takes its place.
    name: 'POST /assignments/:id/reassign', needs: 'dispatch:assign', sees: 'incidents:read', addressing: 'id', ok: 200, audit: 'dispatch.unit_reassigned', touches: ['units', 'incidents', 'assignments'],
    request: async (x) => ({ method: 'POST', url: api(`/assignments/${await assignmentToReassign(x)}/reassign`), payload: { unitId: await unitToSend(x) } }),
  },
  // possible duplicates
  {
    // Intake, before there is an incident: answers anyone who takes calls, listing only what they see.
    name: 'GET /incidents/possible-duplicates', needs: 'incidents:create', sees: 'incidents:read', addressing: 'global', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/incidents/possible-duplicates?type=fire&lon=${x.point[0]}&lat=${x.point[1]}`) }),
  },
  {
    name: 'GET /incidents/:id/duplicates', needs: 'incidents:read', sees: 'incidents:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/incidents/${x.incidentId}/duplicates`) }),
  },
  {
    name: 'PUT /incidents/:id/duplicate-of', needs: 'incidents:create', sees: 'incidents:read', addressing: 'id', ok: 200, audit: 'incidents.duplicate_linked', touches: ['incidents'],
    request: async (x) => {
      const pair = await incidentPair(x, false);
      return { method: 'PUT', url: api(`/incidents/${pair.duplicate}/duplicate-of`), payload: { duplicateOf: pair.original } };
    },
  },
  {
    name: 'DELETE /incidents/:id/duplicate-of', needs: 'incidents:create', sees: 'incidents:read', addressing: 'id', ok: 200, audit: 'incidents.duplicate_unlinked', touches: ['incidents'],
    request: async (x) => ({ method: 'DELETE', url: api(`/incidents/${(await incidentPair(x, true)).duplicate}/duplicate-of`) }),
  },
  // mutual aid agreements: seen from either side
  {
    name: 'GET /mutual-aid-agreements?jurisdictionId', needs: 'units:read', sees: 'units:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/mutual-aid-agreements?jurisdictionId=${x.jurisdictionId}&state=all`) }),
  },
  {
    name: 'GET /mutual-aid-agreements/:id', needs: 'units:read', sees: 'units:read', addressing: 'id', ok: 200, touches: [],
    request: async (x) => ({ method: 'GET', url: api(`/mutual-aid-agreements/${await agreementOf(x)}`) }),
  },
  {
    // Needs authority over both sides: the one below the target, and a neighbour commanded from the same place.
    name: 'POST /mutual-aid-agreements', needs: 'mutual_aid:manage', sees: 'jurisdictions:read', addressing: 'body', field: 'body.providingJurisdictionId', ok: 201,
    audit: 'mutual_aid.agreement_created', touches: ['mutual_aid_agreements'],
    request: async (x) => ({
      method: 'POST', url: api('/mutual-aid-agreements'),
      payload: { providingJurisdictionId: x.belowId, requestingJurisdictionId: isMissing(x) ? uuidv7() : (await jurisdictionByPath(t.app, REQUESTING_FOR_NEW[x.path]!)).id, unitKinds: ['ambulance'] },
    }),
  },
  {
    name: 'POST /mutual-aid-agreements/:id/revoke', needs: 'mutual_aid:manage', sees: 'units:read', addressing: 'id', ok: 200, audit: 'mutual_aid.agreement_revoked', touches: ['mutual_aid_agreements'],
    request: async (x) => ({ method: 'POST', url: api(`/mutual-aid-agreements/${await agreementOf(x)}/revoke`) }),
  },
  // posts
  {
    name: 'GET /posts', needs: 'jurisdictions:read', sees: 'jurisdictions:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/posts?jurisdictionId=${x.jurisdictionId}`) }),
    items: pageItemsOf,
  },
  {
    name: 'GET /posts?subtree=true', needs: 'jurisdictions:read', sees: 'jurisdictions:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/posts?jurisdictionId=${x.jurisdictionId}&subtree=true`) }),
    items: pageItemsOf,
  },
  ...['', '/holdings', `/holder?at=${encodeURIComponent(inDays(0))}`].map((suffix): Endpoint => ({
    name: `GET /posts/:id${suffix.replace(/\?.*/, '')}`, needs: 'jurisdictions:read', sees: 'jurisdictions:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/posts/${x.postId}${suffix}`) }),
  })),
  {
    name: 'POST /posts', needs: 'posts:manage', sees: 'jurisdictions:read', addressing: 'body', field: 'body.jurisdictionId', ok: 201, audit: 'posts.created', touches: ['posts'],
    request: (x) => ({ method: 'POST', url: api('/posts'), payload: { jurisdictionId: x.jurisdictionId, kind: 'other', title: unique('Post') } }),
  },
  {
    name: 'POST /posts/:id/handovers', needs: 'posts:manage', sees: 'jurisdictions:read', addressing: 'id', ok: 200, audit: 'posts.handed_over', touches: ['posts', 'post_holdings'],
    request: async (x) => ({ method: 'POST', url: api(`/posts/${x.postId}/handovers`), payload: { userId: isMissing(x) ? x.userId : await nextHolder(x) } }),
  },
  // directives: seen where issued and where sent
  {
    name: 'GET /directives', needs: 'directives:read', sees: 'directives:read', addressing: 'list', key: 'directiveId', touches: [],
    request: () => ({ method: 'GET', url: api('/directives?limit=200') }),
    items: directiveItems,
  },
  {
    name: 'GET /directives/:id', needs: 'directives:read', sees: 'directives:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/directives/${x.directiveId}`) }),
  },
  {
    name: 'GET /directives/:id/targets', needs: 'directives:read', sees: 'directives:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/directives/${x.directiveId}/targets?limit=10`) }),
  },
  {
    name: 'GET /directives/:id/rollup', needs: 'directives:read', sees: 'directives:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/directives/${x.directiveId}/rollup?jurisdictionId=${x.jurisdictionId}`) }),
  },
  {
    // Issued by the target to a jurisdiction strictly below it.
    name: 'POST /directives', needs: 'directives:issue', sees: 'directives:read', addressing: 'body', field: 'body.issuerJurisdictionId', ok: 201, audit: 'directives.issued', touches: ['directives', 'directive_targets'],
    request: (x) => ({
      method: 'POST', url: api('/directives'),
      payload: { issuerJurisdictionId: x.jurisdictionId, title: unique('Directive'), content: 'Report your readiness.', requiredActions: ['Report'], targetJurisdictionIds: [x.belowId], acknowledgeBy: inDays(2), reportBy: inDays(9) },
    }),
  },
  {
    name: 'POST /directives/:id/targets/:jurisdictionId/acknowledgement', needs: 'directives:respond', sees: 'directives:read', addressing: 'id', ok: 200, audit: 'directives.acknowledged', touches: ['directive_targets'],
    request: async (x) => {
      const d = await directiveAwaiting(x, 'delivered');
      return { method: 'POST', url: api(`/directives/${d.id}/targets/${d.jurisdictionId}/acknowledgement`), payload: { note: 'Received' } };
    },
  },
  {
    name: 'POST /directives/:id/targets/:jurisdictionId/report', needs: 'directives:respond', sees: 'directives:read', addressing: 'id', ok: 200, audit: 'directives.reported', touches: ['directive_targets'],
    request: async (x) => {
      const d = await directiveAwaiting(x, 'acknowledged');
      return { method: 'POST', url: api(`/directives/${d.id}/targets/${d.jurisdictionId}/report`), payload: { report: 'Hydrants checked' } };
    },
  },
  // tasks
  {
    name: 'GET /tasks', needs: 'directives:read', sees: 'directives:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/tasks?directiveId=${x.directiveId}`) }),
    items: pageItemsOf,
  },
  {
    // Every task at and under a level, whatever its source.
    name: 'GET /tasks?jurisdictionId', needs: 'directives:read', sees: 'directives:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/tasks?jurisdictionId=${x.jurisdictionId}`) }),
    items: pageItemsOf,
  },
  {
    name: 'GET /tasks/:id', needs: 'directives:read', sees: 'directives:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/tasks/${x.taskId}`) }),
  },
  {
    name: 'POST /tasks', needs: 'tasks:manage', sees: 'directives:read', addressing: 'body', field: 'body.directiveId', ok: 201, audit: 'tasks.created', touches: ['tasks', 'task_reports'],
    request: (x) => ({ method: 'POST', url: api('/tasks'), payload: { directiveId: x.directiveId, ownerPostId: x.ownerPostId, title: unique('Task'), dueAt: inDays(5) } }),
  },
  {
    name: 'POST /tasks/:id/reports', needs: 'tasks:report', sees: 'directives:read', addressing: 'id', ok: 201, audit: 'tasks.progress_reported', touches: ['tasks', 'task_reports'],
    request: (x) => ({ method: 'POST', url: api(`/tasks/${x.taskId}/reports`), payload: { percent: 1 + randomBytes(1)[0]! % 99, note: 'Half the hydrants done' } }),
  },
  {
    name: 'GET /tasks/:id/history', needs: 'directives:read', sees: 'directives:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/tasks/${x.taskId}/history`) }),
  },
  {
    name: 'GET /tasks/:id/evidence/:evidenceId/content', needs: 'directives:read', sees: 'directives:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/tasks/${x.taskId}/evidence/${x.taskEvidenceId}/content`) }),
  },
  {
    name: 'POST /tasks/:id/reassignment', needs: 'tasks:manage', sees: 'directives:read', addressing: 'id', ok: 200, audit: 'tasks.reassigned', touches: ['tasks'],
    request: async (x) => ({ method: 'POST', url: api(`/tasks/${x.taskId}/reassignment`), payload: { ownerPostId: await anotherOwner(x), reason: 'Handover' } }),
  },
  {
    name: 'POST /tasks/:id/redecomposition', needs: 'tasks:manage', sees: 'directives:read', addressing: 'id', ok: 200, audit: 'tasks.redecomposed', touches: ['tasks'],
    request: (x) => ({ method: 'POST', url: api(`/tasks/${x.taskId}/redecomposition`), payload: { weight: 2 + (reweigh++ % 900), reason: 'Reweighed' } }),
  },
  // standing duties: a post's recurring duty, seen with the directives of its jurisdiction
  {
    name: 'GET /standing-duties', needs: 'directives:read', sees: 'directives:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/standing-duties?jurisdictionId=${x.jurisdictionId}`) }),
    items: pageItemsOf,
  },
  {
    name: 'POST /standing-duties', needs: 'tasks:manage', sees: 'jurisdictions:read', addressing: 'body', field: 'body.ownerPostId', ok: 201, audit: 'standing_duties.created', touches: ['standing_duties'],
    request: (x) => ({ method: 'POST', url: api('/standing-duties'), payload: { ownerPostId: x.postId, title: unique('Weekly fire-lane check'), everyDays: 7, startsAt: inDays(1) } }),
  },
  // supervision: visits seen with the hazards of the subject's jurisdiction
  {
    name: 'GET /supervision/visits', needs: 'hazards:read', sees: 'hazards:read', addressing: 'list', key: 'visitId', touches: [],
    request: () => ({ method: 'GET', url: api('/supervision/visits?limit=200') }), items: pageItems,
  },
  {
    name: 'GET /supervision/visits/:id', needs: 'hazards:read', sees: 'hazards:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/supervision/visits/${x.visitId}`) }),
  },
  {
    name: 'POST /supervision/visits', needs: 'supervision:record', sees: 'places:read', addressing: 'body', field: 'body.subjectId', ok: 201, audit: 'supervision.visit_recorded',
    touches: ['supervision_visits', 'supervision_findings', 'hazards'],
    request: (x) => ({ method: 'POST', url: api('/supervision/visits'), payload: { subjectType: 'place', subjectId: x.placeId, summary: 'Visit', findings: [{ description: 'Door wedged', correction: { grade: 'general', title: 'Unwedge' } }] } }),
  },
  // the accountability trace: of an incident seen with incidents:read, of a place with places:read
  ...(['', '.csv', '.html'] as const).map((ext): Endpoint => ({
    name: `GET /accountability/trace${ext}?incidentId`, needs: 'accountability:read', sees: 'incidents:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/accountability/trace${ext}?incidentId=${x.incidentId}`) }), ...(ext === '' ? { items: traceItems } : {}),
  })),
  {
    name: 'GET /accountability/trace?placeId', needs: 'accountability:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/accountability/trace?placeId=${x.placeId}&from=${encodeURIComponent(inDays(-1))}&to=${encodeURIComponent(inDays(0))}`) }), items: traceItems,
  },
  // map: the base map is public geography for anyone signed in; reachability rings of a place too,
  // while the rings of the available units need units:read (and cover only the units in scope)
  {
    name: 'GET /tiles.json', guard: 'authenticated', needs: 'jurisdictions:read', sees: 'jurisdictions:read', addressing: 'global', ok: 200, touches: [],
    request: () => ({ method: 'GET', url: api('/tiles.json') }),
  },
  {
    name: 'GET /tiles/:z/:x/:y.mvt', guard: 'authenticated', needs: 'jurisdictions:read', sees: 'jurisdictions:read', addressing: 'global', ok: 200, touches: [],
    request: () => ({ method: 'GET', url: api('/tiles/12/2156/1438.mvt') }),
  },
  // geocoder: an address is public — any reader of incidents or places finds it anywhere (the owner is in the answer)
  {
    name: 'GET /geocode', guard: 'authenticated', needs: 'places:read', sees: 'places:read', addressing: 'global', ok: 200, touches: [],
    request: () => ({ method: 'GET', url: api(`/geocode?q=${encodeURIComponent('Aeulestrasse 20')}`) }),
  },
  {
    name: 'GET /geocode/reverse', guard: 'authenticated', needs: 'places:read', sees: 'places:read', addressing: 'global', ok: 200, touches: [],
    request: () => ({ method: 'GET', url: api('/geocode/reverse?lon=9.5215&lat=47.141') }),
  },
  {
    name: 'GET /isochrones', guard: 'authenticated', needs: 'jurisdictions:read', sees: 'jurisdictions:read', addressing: 'global', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/isochrones?lon=${x.point[0]}&lat=${x.point[1]}&minutes=1,3`) }),
  },
  {
    // Anyone signed in may catch up; what each sees is the stream's rule (stream/recent.int.test.ts).
    name: 'GET /events/recent', guard: 'authenticated', needs: 'jurisdictions:read', sees: 'jurisdictions:read', addressing: 'global', ok: 200, touches: [],
    request: () => ({ method: 'GET', url: api(`/events/recent?types=incidents.escalated,directives.delivered&since=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`) }),
  },
  {
    name: 'GET /isochrones?from=units', needs: 'units:read', sees: 'units:read', addressing: 'global', ok: 200, touches: [],
    request: () => ({ method: 'GET', url: api('/isochrones?from=units&minutes=1') }),
  },
  // coverage (issue 16): live coverage and move-up need units:read besides places:read (coverage is counted from the units one may see)
  {
    name: 'GET /coverage?jurisdictionId', guard: 'units:read', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/coverage?jurisdictionId=${x.jurisdictionId}&category=school`) }),
  },
  {
    name: 'GET /coverage/move-up', guard: 'units:read', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/coverage/move-up?jurisdictionId=${x.jurisdictionId}&category=school`) }),
  },
  {
    name: 'POST /coverage/placements', needs: 'places:read', sees: 'places:read', addressing: 'body', field: 'body.jurisdictionId', ok: 200, touches: [],
    request: (x) => ({ method: 'POST', url: api('/coverage/placements'), payload: { kind: 'mclp', p: 1, minutes: 3, jurisdictionId: x.jurisdictionId, demand: { categories: ['school'] } } }),
  },
  {
    name: 'GET /coverage/settings/:id', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/coverage/settings/${x.jurisdictionId}`) }),
  },
  {
    name: 'PUT /coverage/settings/:id', needs: 'units:manage', sees: 'places:read', addressing: 'id', ok: 200, audit: 'coverage.settings_set', touches: ['coverage_settings'],
    request: (x) => ({ method: 'PUT', url: api(`/coverage/settings/${x.jurisdictionId}`), payload: { moveUpThreshold: 0.8, moveUpMinutes: 3 } }),
  },
  {
    name: 'GET /coverage/closed-days/:jurisdictionId', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/coverage/closed-days/${x.jurisdictionId}?year=2026`) }),
  },
  {
    name: 'PUT /coverage/closed-days/:jurisdictionId', needs: 'units:manage', sees: 'places:read', addressing: 'id', ok: 200, audit: 'coverage.closed_days_set', touches: ['closed_days', 'closed_day_lists'],
    request: (x) => ({ method: 'PUT', url: api(`/coverage/closed-days/${x.jurisdictionId}`), payload: { year: 2026, days: [{ from: '2026-03-10', to: '2026-03-10', kind: 'public_holiday', name: unique('Matrix holiday') }] } }),
  },
  {
    name: 'POST /coverage/move-ups', needs: 'dispatch:assign', sees: 'units:read', addressing: 'body', field: 'body.jurisdictionId', ok: 201, audit: 'coverage.move_up_ordered', touches: ['coverage_moves'],
    request: async (x) => ({ method: 'POST', url: api('/coverage/move-ups'), payload: { jurisdictionId: x.jurisdictionId, moves: [{ unitId: await freshUnit(x), to: x.point, postName: 'Matrix post' }] } }),
  },
  {
    name: 'GET /coverage/moves', needs: 'units:read', sees: 'units:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/coverage/moves?jurisdictionId=${x.jurisdictionId}`) }),
  },
  {
    name: 'POST /coverage/moves/:id/end', needs: 'dispatch:assign', sees: 'units:read', addressing: 'id', ok: 200, audit: 'coverage.move_up_ended', touches: ['coverage_moves'],
    request: async (x) => ({ method: 'POST', url: api(`/coverage/moves/${await openMoveIn(x)}/end`), payload: { outcome: 'cancelled' } }),
  },
  {
    name: 'POST /coverage/patrol-plans', needs: 'units:manage', sees: 'units:read', addressing: 'body', field: 'body.jurisdictionId', ok: 201, audit: 'coverage.patrol_plan_created', touches: ['patrol_plans', 'patrol_posts'],
    request: (x) => ({ method: 'POST', url: api('/coverage/patrol-plans'), payload: patrolPlanIn(x) }),
  },
  {
    name: 'GET /coverage/patrol-plans?jurisdictionId', needs: 'units:read', sees: 'units:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/coverage/patrol-plans?jurisdictionId=${x.jurisdictionId}`) }),
    items: (body) => (body as { id: string; jurisdictionPath: string }[]).map((p) => ({ id: p.id, path: p.jurisdictionPath })),
  },
  ...['', '/presence'].map((suffix): Endpoint => ({
    name: `GET /coverage/patrol-plans/:id${suffix}`, needs: 'units:read', sees: 'units:read', addressing: 'id', ok: 200, touches: [],
    request: async (x) => ({ method: 'GET', url: api(`/coverage/patrol-plans/${await planOf(x)}${suffix}`) }),
  })),
  {
    name: 'PUT /coverage/patrol-plans/:id/assignments', needs: 'units:manage', sees: 'units:read', addressing: 'id', ok: 200, audit: 'coverage.patrol_units_assigned', touches: ['patrol_plans', 'patrol_posts'],
    request: async (x) => {
      const plan = await planOf(x, { fresh: true });
      return { method: 'PUT', url: api(`/coverage/patrol-plans/${plan}/assignments`), payload: { assignments: [{ postId: await firstPostOf(plan), unitId: x.unitId }] } };
    },
  },
  {
    name: 'PATCH /coverage/patrol-plans/:id', needs: 'units:manage', sees: 'units:read', addressing: 'id', ok: 200, audit: 'coverage.patrol_plan_edited', touches: ['patrol_plans', 'patrol_posts'],
    request: async (x) => ({ method: 'PATCH', url: api(`/coverage/patrol-plans/${await planOf(x, { fresh: true })}`), payload: { expectedVersion: 1, title: unique('Matrix patrol, edited') } }),
  },
  {
    name: 'POST /coverage/patrol-plans/:id/cancel', needs: 'units:manage', sees: 'units:read', addressing: 'id', ok: 200, audit: 'coverage.patrol_plan_cancelled', touches: ['patrol_plans', 'patrol_posts'],
    request: async (x) => ({ method: 'POST', url: api(`/coverage/patrol-plans/${await planOf(x, { fresh: true })}/cancel`), payload: { reason: 'Matrix: called off' } }),
  },
  // Controlled goods (issue 18): a site is seen with places:read where it lies or is supervised (here both the target).
  {
    name: 'GET /goods/hazard-classes', needs: 'places:read', sees: 'places:read', addressing: 'global', ok: 200,
    request: () => ({ method: 'GET', url: api('/goods/hazard-classes') }),
  },
  {
    name: 'GET /goods/sites', needs: 'places:read', sees: 'places:read', addressing: 'list', key: 'siteId',
    request: () => ({ method: 'GET', url: api('/goods/sites') }),
    items: (body) => (body as { id: string; place: { jurisdictionPath: string } }[]).map((s) => ({ id: s.id, path: s.place.jurisdictionPath })),
  },
  {
    name: 'GET /goods/sites/:id', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/goods/sites/${x.siteId}`) }),
  },
  {
    name: 'GET /goods/sites/:id/transfers', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/goods/sites/${x.siteId}/transfers`) }),
  },
  {
    name: 'GET /goods/sites/:id/discrepancies', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/goods/sites/${x.siteId}/discrepancies`) }),
  },
  {
    name: 'GET /goods/discrepancies/report', needs: 'places:read', sees: 'places:read', addressing: 'list', key: 'siteId',
    request: () => ({ method: 'GET', url: api('/goods/discrepancies/report') }),
    items: (body) => (body as { siteId: string; jurisdictionPath: string }[]).map((r) => ({ id: r.siteId, path: r.jurisdictionPath })),
  },
  {
    name: 'POST /goods/sites', needs: 'goods:license', sees: 'places:read', addressing: 'body', field: 'body.placeId', ok: 201, audit: 'goods.site_licensed', touches: ['goods_sites'],
    request: async (x) => ({ method: 'POST', url: api('/goods/sites'), payload: { placeId: isMissing(x) ? x.placeId : (await asAdmin('POST', '/places', { name: unique('Matrix store'), category: 'hazardous_chemicals', geometry: { type: 'Point', coordinates: x.point }, jurisdictionId: x.jurisdictionId })).id, licence: MATRIX_LICENCE() } }),
  },
  {
    name: 'PUT /goods/sites/:id/licence', needs: 'goods:license', sees: 'places:read', addressing: 'id', ok: 200, audit: 'goods.licence_renewed', touches: ['goods_sites'],
    request: async (x) => ({ method: 'PUT', url: api(`/goods/sites/${x.siteId}/licence`), payload: { version: await siteVersion(x), licence: MATRIX_LICENCE() } }),
  },
  {
    name: 'POST /goods/transfers', needs: 'goods:record', sees: 'places:read', addressing: 'body', field: 'body.siteId', ok: 201, audit: 'goods.receipt', touches: ['goods_transfers', 'goods_accounts'],
    request: (x) => ({ method: 'POST', url: api('/goods/transfers'), payload: { id: uuidv7(), kind: 'receipt', siteId: x.siteId, itemKey: MATRIX_ITEM, quantity: 10, counterparty: 'Matrix supplier' } }),
  },
  {
    name: 'POST /goods/transfers/batch', needs: 'goods:record', sees: 'places:read', addressing: 'body', field: 'body.transfers.0.siteId', ok: 201, audit: 'goods.receipt', touches: ['goods_transfers', 'goods_accounts'],
    request: (x) => ({ method: 'POST', url: api('/goods/transfers/batch'), payload: { transfers: [{ id: uuidv7(), kind: 'receipt', siteId: x.siteId, itemKey: MATRIX_ITEM, quantity: 10 }] } }),
  },
  {
    name: 'GET /goods/transfers/:id', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/goods/transfers/${x.transferId}`) }),
  },
  {
    name: 'POST /goods/transfers/:id/reverse', needs: 'goods:record', sees: 'places:read', addressing: 'id', ok: 201, audit: 'goods.reversal', touches: ['goods_transfers', 'goods_accounts'],
    request: async (x) => ({ method: 'POST', url: api(`/goods/transfers/${await freshReceipt(x)}/reverse`), payload: { id: uuidv7(), reason: 'Recorded twice' } }),
  },
  {
    name: 'POST /goods/sites/:id/reconciliations', needs: 'inspections:record', sees: 'places:read', addressing: 'id', ok: 201, audit: 'goods.reconciled', touches: ['goods_reconciliations', 'hazards'],
    request: async (x) => ({ method: 'POST', url: api(`/goods/sites/${x.siteId}/reconciliations`), payload: { counts: [{ itemKey: MATRIX_ITEM, counted: await balanceAt(x) }] } }),
  },
  {
    name: 'GET /goods/permits', needs: 'places:read', sees: 'places:read', addressing: 'list', key: 'permitId',
    request: () => ({ method: 'GET', url: api('/goods/permits') }),
    items: (body) => (body as { id: string; supervisingPath: string }[]).map((p) => ({ id: p.id, path: p.supervisingPath })),
  },
  {
    name: 'GET /goods/permits/:id', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/goods/permits/${x.permitId}`) }),
  },
  {
    name: 'GET /goods/permits/:id/alerts', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/goods/permits/${x.permitId}/alerts`) }),
  },
  {
    name: 'GET /goods/permits/:id/trail', needs: 'places:read', sees: 'places:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/goods/permits/${x.permitId}/trail`) }),
  },
  {
    name: 'GET /goods/transport-alerts', needs: 'places:read', sees: 'places:read', addressing: 'list', key: 'permitId',
    request: () => ({ method: 'GET', url: api('/goods/transport-alerts') }),
    items: (body) => (body as { permitId: string; supervisingPath: string }[]).map((a) => ({ id: a.permitId, path: a.supervisingPath })),
  },
  {
    // §4: what the licensed sites near a major incident hold, for whoever sees the incident.
    name: 'GET /goods/major-incidents/:id/holdings', needs: 'incidents:read', sees: 'incidents:read', addressing: 'id', ok: 200, touches: [],
    request: (x) => ({ method: 'GET', url: api(`/goods/major-incidents/${x.majorId}/holdings`) }),
  },
  {
    // A vehicle's terminal: the permit is seen by whoever may report where it is supervised or a site lies.
    name: 'POST /goods/permits/:id/positions', needs: 'avl:report', sees: 'avl:report', addressing: 'id', ok: 200, audit: 'goods.transport_fixes', touches: ['goods_permits', 'goods_transport_trail'],
    request: (x) => ({ method: 'POST', url: api(`/goods/permits/${x.permitId}/positions`), payload: { fixes: [{ location: x.point, at: new Date().toISOString(), speedKmh: 30 }] } }),
  },
  {
    name: 'POST /goods/permits/:id/receive', needs: 'goods:record', sees: 'places:read', addressing: 'id', ok: 200, audit: 'goods.permit_received', touches: ['goods_permits', 'goods_transfers', 'goods_accounts'],
    request: async (x) => ({ method: 'POST', url: api(`/goods/permits/${await permitIn(x)}/receive`), payload: {} }),
  },
  {
    // A fresh permit (binding the shared one would refuse the other reporters' cases) bound to a new terminal of the target.
    name: 'PUT /goods/permits/:id/terminal', needs: 'goods:license', sees: 'places:read', addressing: 'id', ok: 200, audit: 'goods.permit_terminal_bound', touches: ['goods_permits'],
    request: async (x) => ({ method: 'PUT', url: api(`/goods/permits/${await permitIn(x)}/terminal`), payload: { terminalId: await terminalAt(x) } }),
  },
  {
    name: 'POST /goods/permits/:id/cancel', needs: 'goods:license', sees: 'places:read', addressing: 'id', ok: 200, audit: 'goods.permit_cancelled', touches: ['goods_permits', 'goods_transfers', 'goods_accounts'],
    request: async (x) => ({ method: 'POST', url: api(`/goods/permits/${await permitIn(x)}/cancel`), payload: {} }),
  },
];

/** What a refused request must leave untouched, table by table: the columns that matter and their order. */
type Table = DigestTable;
const IDENTITY_TABLES: Table[] = ['users', 'grants', 'jurisdictions', 'api_tokens', 'sessions'];

const snapshot = (tables: readonly Table[] = IDENTITY_TABLES) => takeSnapshot(t.app.platform.db, tables);
const auditActionsAfter = (seq: unknown) => actionsAfter(t.app.platform.db, seq);

/** What a checklist answer passes with, read from the checklist itself. */
function passingAnswer(item: { key: string; answerType: string; min?: number; options?: string[]; failing?: string[] }) {
  const value = item.answerType === 'yes_no' ? 'pass' : item.answerType === 'number' ? (item.min ?? 0) : item.answerType === 'choice' ? item.options!.find((o) => !item.failing?.includes(o)) : 'ok';
  return { itemKey: item.key, value };
}

async function loadChecklist(): Promise<void> {
  const list = await t.app.inject({ url: api('/checklists?category=school'), headers: { cookie: adminCookie } });
  const { id, version: _v, createdAt: _c, latest: _l, ...definition } = list.json()[0];
  fixture.templateId = id;
  fixture.definition = { ...definition, key: 'matrix_checklist' };
  fixture.passing = (definition.sections as { items: Parameters<typeof passingAnswer>[0][] }[]).flatMap((section) => section.items.map(passingAnswer));
}

/**
 * A school attached directly to the jurisdiction, with a hazard, an inspection, their files, and a
 * campaign issued there; a unit of the jurisdiction and an incident at `at`.
 */
async function resourcesIn(jurisdictionId: string, at: [number, number]): Promise<Omit<Target, 'path' | 'jurisdictionId' | 'userId' | 'point' | 'siteId' | 'transferId' | 'permitId' | 'majorId' | keyof DirectedResources>> {
  const place = await asAdmin('POST', '/places', { name: unique('Matrix school'), category: 'school', geometry: { type: 'Point', coordinates: at }, jurisdictionId });
  const hazard = await asAdmin('POST', '/hazards', { placeId: place.id, grade: 'general', title: 'Blocked exit' });
  const evidence = await asAdmin('POST', `/hazards/${hazard.id}/evidence`, pngFile('exit.png'));
  const inspection = await asAdmin('POST', '/inspections', { placeId: place.id, templateId: fixture.templateId, answers: fixture.passing });
  const attachment = await asAdmin('POST', `/inspections/${inspection.id}/attachments`, pngFile('door.png'));
  const campaign = await asAdmin('POST', '/campaigns', { title: 'Matrix campaign', jurisdictionId, categories: ['school'], startsAt: inDays(-1), endsAt: inDays(30) });
  const unit = await asAdmin('POST', '/units', unitAt(jurisdictionId, at));
  const incident = await asAdmin('POST', '/incidents', { type: 'fire', priority: 'P2', location: at, callerNumber: '+423 230 00 00' });
  const visit = await asAdmin('POST', '/supervision/visits', { subjectType: 'place', subjectId: place.id, summary: 'Matrix visit', findings: [{ description: 'Exit sign unlit', correction: { grade: 'general', title: 'Repair the sign' } }] });
  return { placeId: place.id, hazardId: hazard.id, evidenceId: evidence.id, inspectionId: inspection.id, attachmentId: attachment.id, campaignId: campaign.id, unitId: unit.id, incidentId: incident.id, visitId: visit.id };
}

const MATRIX_ITEM = 'UN1993';
/** A permit's watch before its first fix (controlled-goods `freshWatch`; the platform's tests do not import modules). */
const FRESH_WATCH = { lastAt: null, outside: false, inZones: [], still: null, dark: false, arrived: false, nearDestinationSince: null };
const MATRIX_LICENCE = () => ({
  number: unique('MX'), validFrom: inDays(-1), validUntil: inDays(365), expiryAlertDays: 30, storageConditions: 'Locked cabinet, ventilated',
  responsiblePerson: { name: 'M. Matrix', role: 'Store manager' }, items: [{ kind: 'chemical', unNumber: MATRIX_ITEM, hazardClass: '3', name: 'Flammable liquid, n.o.s.', unit: 'ml', maxQuantity: 1_000_000_000 }],
});

async function siteVersion(x: Target): Promise<number> {
  const [site] = await rows<{ version: number }>(t.app.platform.db, sql`select version from goods_sites where id = ${x.siteId}`);
  return site?.version ?? 1;
}

/** What the target's site holds of the matrix item now: a count that agrees with the ledger. */
async function balanceAt(x: Target): Promise<number> {
  const [a] = await rows<{ n: number }>(t.app.platform.db, sql`select (credits_posted - debits_posted)::float8 as n from goods_accounts where site_id = ${x.siteId} and item_key = ${MATRIX_ITEM} and kind = 'stock'`);
  return Number(a?.n ?? 0);
}

/** A new receipt into the target's site (a reversal takes one each time). */
async function freshReceipt(x: Target): Promise<string> {
  if (isMissing(x)) return uuidv7();
  return (await asAdmin('POST', '/goods/transfers', { id: uuidv7(), kind: 'receipt', siteId: x.siteId, itemKey: MATRIX_ITEM, quantity: 5 })).id;
}

/**
 * A permit in transit from the target's site to itself, supervised there, stored as issue-permit.ts
 * stores one (its dispatch in the ledger) without routing it: the routes under test only read it,
 * take its fixes, receive or cancel it. A straight 2 km route east from the target's point.
 */
async function permitIn(x: Pick<Target, 'path' | 'siteId' | 'point'>): Promise<string> {
  if (x.path === MISSING_PATH) return uuidv7();
  const [id, transferId] = [uuidv7(), uuidv7()];
  const [lon, lat] = x.point;
  const line = sql`ST_SetSRID(ST_MakeLine(ST_MakePoint(${lon - 0.01}, ${lat}), ST_MakePoint(${lon + 0.02}, ${lat})), 4326)`;
  await t.app.platform.db.transaction(async (tx) => {
    await tx.execute(sql`insert into goods_accounts (id, site_id, item_key, kind, debits_must_not_exceed_credits, max_balance)
      values (${uuidv7()}, ${x.siteId}, ${MATRIX_ITEM}, 'in_transit', true, null) on conflict (site_id, item_key, kind) do nothing`);
    await tx.execute(sql`insert into goods_transfers (id, kind, item_key, debit_account_id, credit_account_id, amount, recorded_by_name, at)
      select ${transferId}::uuid, 'dispatch', ${MATRIX_ITEM}, s.id, i.id, 1, 'matrix', now() from goods_accounts s, goods_accounts i
      where s.site_id = ${x.siteId} and s.kind = 'stock' and s.item_key = ${MATRIX_ITEM} and i.site_id = ${x.siteId} and i.kind = 'in_transit' and i.item_key = ${MATRIX_ITEM}`);
    await tx.execute(sql`insert into goods_permits (id, state, item_key, quantity, vehicle, from_site_id, to_site_id, supervising_path, window_from, window_until,
        corridor_meters, max_stop_minutes, dark_after_minutes, route, corridor, distance_meters, duration_seconds, zones, watch, dispatch_transfer_id, issued_by_name, issued_at)
      values (${id}, 'in_transit', ${MATRIX_ITEM}, 1, ${unique('FL')}, ${x.siteId}, ${x.siteId}, ${x.path}::ltree, now() - interval '1 hour', now() + interval '24 hours',
        200, 10, 120, ${line}, ST_Buffer(${line}::geography, 200)::geometry, 2300, 180, '[]'::jsonb, ${JSON.stringify(FRESH_WATCH)}::jsonb, ${transferId}, 'matrix', now())`);
  });
  return id;
}

/** The target's school licensed for the matrix item with stock, a receipt, a reconciliation (for the report), and a permit with an alert. */
async function goodsIn(x: Target): Promise<Pick<Target, 'siteId' | 'transferId' | 'permitId' | 'majorId'>> {
  const site = await asAdmin('POST', '/goods/sites', { placeId: x.placeId, licence: MATRIX_LICENCE() });
  const receipt = await asAdmin('POST', '/goods/transfers', { id: uuidv7(), kind: 'receipt', siteId: site.id, itemKey: MATRIX_ITEM, quantity: 1_000_000 });
  await asAdmin('POST', `/goods/sites/${site.id}/reconciliations`, { counts: [{ itemKey: MATRIX_ITEM, counted: 999_000 }] });
  const permitId = await permitIn({ ...x, siteId: site.id });
  await t.app.platform.db.execute(sql`insert into goods_transport_alerts (id, permit_id, seq, kind, at, location, detail)
    values (${uuidv7()}, ${permitId}, 1, 'left_corridor', now(), ST_SetSRID(ST_MakePoint(${x.point[0]}, ${x.point[1]}), 4326), '{}'::jsonb)`);
  const major = await asAdmin('POST', '/major-incidents', { location: x.point, title: unique('Matrix tanker fire'), level: 'III', exercise: true });
  return { siteId: site.id, transferId: receipt.id, permitId, majorId: major.id };
}

const targets = {} as Record<Relation, Target>;
type DirectedResources = Pick<Target, 'postId' | 'directiveId' | 'taskId' | 'ownerPostId' | 'belowId' | 'taskEvidenceId'>;

/** Jurisdictions strictly below each target (the child's is the matrix station, made in beforeAll). */
const BELOW: Record<Exclude<Relation, 'child'>, string> = { parent: 'li.unterland', own: 'li.oberland.schaan', sibling: 'li.unterland.eschen' };

/** A post of the jurisdiction; a directive sent from the root where the target's directives go, and a task of it for a post there. */
async function directedResources(x: Pick<Target, 'path' | 'jurisdictionId'>, belowId: string): Promise<DirectedResources> {
  const dutyPost = (jurisdictionId: string) => asAdmin('POST', '/posts', { jurisdictionId, kind: 'duty_post', title: unique('Duty officer') });
  const post = await dutyPost(x.jurisdictionId);
  const to = await jurisdictionByPath(t.app, directedTo(x));
  const owner = to.id === x.jurisdictionId ? post : await dutyPost(to.id);
  const directiveId = await issueFromRoot(to.id);
  const task = await asAdmin('POST', '/tasks', { directiveId, ownerPostId: owner.id, title: 'Check the hydrants', dueAt: inDays(5) });
  await asAdmin('POST', `/tasks/${task.id}/reports`, { percent: 10, note: 'First hydrant', evidence: [pngFile('hydrant.png')] });
  const [evidence] = await rows<{ id: string }>(t.app.platform.db, sql`select id from task_report_evidence where task_id = ${task.id}`);
  return { postId: post.id, directiveId, taskId: task.id, ownerPostId: owner.id, belowId, taskEvidenceId: evidence!.id };
}

/** Each actor's credentials: a session cookie, or a device's API token. */
const credentials: Record<string, Record<string, string>> = {};
let adminCookie: string;

beforeAll(async () => {
  // The move-up watch writes after dispatches on its own time: off, so a refusal's before/after snapshots see only the request.
  t = await startTestApp({ config: { moveUpWatch: false } });
  adminCookie = await loginAdmin(t.app);
  await loadChecklist();
  const vaduz = await jurisdictionByPath(t.app, RELATIONS.child);
  const station = await asAdmin('POST', '/jurisdictions', { parentId: vaduz.id, name: 'Matrix station', level: 'station' });
  fixture.deepPlaceId = (await asAdmin('POST', '/places', { name: 'Station school', category: 'school', geometry: { type: 'Point', coordinates: POINTS.child.at }, jurisdictionId: station.id })).id;
  for (const relation of RELATION_NAMES) {
    const j = await jurisdictionByPath(t.app, RELATIONS[relation]);
    // Three grants each, so that the allowed revocations never run out.
    const grants = (['unit_member', 'inspector', 'dispatcher'] as const).map((role) => ({ role, jurisdictionId: j.id }));
    const res = await t.app.inject({ method: 'POST', url: api('/staff'), headers: { cookie: adminCookie }, payload: { username: `target-${relation}`, displayName: `Target ${relation}`, kind: 'device', jurisdictionId: j.id, grants } });
    expect(res.statusCode, res.body).toBe(201);
    const belowId = relation === 'child' ? station.id : (await jurisdictionByPath(t.app, BELOW[relation])).id;
    targets[relation] = {
      path: j.path, jurisdictionId: j.id, userId: res.json().id, point: POINTS[relation].at, ...(await resourcesIn(j.id, POINTS[relation].at)), ...(await directedResources({ path: j.path, jurisdictionId: j.id }, belowId)),
      siteId: '', transferId: '', permitId: '', majorId: '',
    };
    Object.assign(targets[relation], await goodsIn(targets[relation]));
  }
  const people = ACTORS.filter((a) => !a.device);
  const users = await Promise.all(people.map((a) => createUser(t.app, a.grants[0]!.role, a.grants[0]!.path)));
  for (const [i, actor] of people.entries()) {
    const user = users[i]!;
    for (const g of actor.grants.slice(1)) {
      const j = await jurisdictionByPath(t.app, g.path);
      await t.app.platform.db.execute(sql`insert into grants (id, user_id, role, jurisdiction_id) values (${uuidv7()}, ${user.id}, ${g.role}, ${j.id})`);
    }
    credentials[actor.name] = { cookie: user.cookie };
  }
  for (const actor of ACTORS.filter((a) => a.device)) credentials[actor.name] = { authorization: `Bearer ${await deviceToken(actor)}` };
}, 60_000);

/** A device account holding the actor's grants, and an API token for it. */
async function deviceToken(actor: ActorSpec): Promise<string> {
  const grants = await Promise.all(actor.grants.map(async (g) => ({ role: g.role, jurisdictionId: (await jurisdictionByPath(t.app, g.path)).id })));
  const device = await asAdmin('POST', '/staff', { username: unique('device'), displayName: actor.name, kind: 'device', jurisdictionId: grants[0]!.jurisdictionId, grants });
  return (await asAdmin<{ token: string }>('POST', `/staff/${device.id}/tokens`, { name: 'gateway' })).token;
}
afterAll(async () => t?.close());

describe('fixtures', () => {
  it.each(RELATION_NAMES)('the lookup point of the %s target lies in the jurisdiction it claims', async (relation) => {
    const [lon, lat] = POINTS[relation].at;
    const res = await t.app.inject({ url: api(`/jurisdictions/lookup?lon=${lon}&lat=${lat}`), headers: { cookie: adminCookie } });
    const deepest = POINTS[relation].deepest;
    expect(res.json().map((j: { path: string }) => j.path)).toEqual(deepest.split('.').map((_, i, labels) => labels.slice(0, labels.length - i).join('.')));
    expect(inSubtree(deepest, RELATIONS[relation])).toBe(true);
  });
});

const describeExpected = (e: Expected): string =>
  [e.status, e.code, e.field, e.listed === undefined ? undefined : e.listed ? 'listed' : 'not listed'].filter(Boolean).join(' ');

/** A device's token meets the same rules as a session; it is run against the endpoints a unit's device calls. */
const DEVICE_ROUTES = /^[A-Z]+ \/(units|avl|incidents|assignments)\b/;

const cases = ACTORS.flatMap((actor) =>
  ENDPOINTS.filter((e) => !actor.device || DEVICE_ROUTES.test(e.name)).flatMap((endpoint) =>
    RELATION_NAMES.map((relation) => {
      const expected = expectedOutcome(actor, endpoint, RELATIONS[relation]);
      return { actor, endpoint, relation, expected, title: `${actor.name}: ${endpoint.name} on the ${relation} target -> ${describeExpected(expected)}` };
    }),
  ),
);

describe('authorization matrix (each role granted on li.oberland)', () => {
  it.each(cases.map((c) => [c.title, c] as const))('%s', async (_title, { actor, endpoint, relation, expected }) => {
    const target = targets[relation];
    const request = await endpoint.request(target);
    const before = await snapshot(endpoint.touches);
    const res = await t.app.inject({ ...request, headers: credentials[actor.name]! });
    await endpoint.settle?.();

    expect(res.statusCode, res.body).toBe(expected.status);
    if (expected.code) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe(expected.code);
    }
    if (expected.field) expect(res.json().errors.map((f: { path: string }) => f.path)).toContain(expected.field);
    if (expected.status === 200 && endpoint.items) {
      const items = await endpoint.items(res.json());
      if (expected.listed !== undefined) expect(items.some((i) => i.id === target[endpoint.key!])).toBe(expected.listed);
      // Nothing outside the actor's scope ever appears, not even next to the target.
      expect(items.filter((i) => i.path === null || !sees(actor, endpoint, i.path))).toEqual([]);
    }
    if (expected.status < 300 && endpoint.audit) {
      expect(await auditActionsAfter(before.audit_seq)).toContain(endpoint.audit);
    } else {
      expect(await snapshot(endpoint.touches)).toEqual(before);
    }
  });

  const targeted: Addressing[] = ['id', 'body', 'lookup'];
  const hiddenCases = cases.filter((c) => c.relation === 'sibling' && targeted.includes(c.endpoint.addressing));
  it.each(hiddenCases.map((c) => [c.actor.name, c.endpoint.name, c] as const))('%s: %s answers for a hidden target exactly as for one that does not exist', async (_actor, _endpoint, { actor, endpoint }) => {
    const id = uuidv7();
    const missing: Target = {
      path: MISSING_PATH, jurisdictionId: id, userId: id, point: NOWHERE, placeId: id, hazardId: id, evidenceId: id, inspectionId: id, attachmentId: id, campaignId: id, unitId: id, incidentId: id,
      postId: id, directiveId: id, taskId: id, ownerPostId: id, belowId: id, visitId: id, taskEvidenceId: id, siteId: id, transferId: id, permitId: id, majorId: id,
    };
    const headers = credentials[actor.name]!;
    // Requests first: some set up a fresh target, which must not count as a change.
    const [ofHidden, ofAbsent] = [await endpoint.request(targets.sibling), await endpoint.request(missing)];
    const before = await snapshot(endpoint.touches);
    const hidden = await t.app.inject({ ...ofHidden, headers });
    const absent = await t.app.inject({ ...ofAbsent, headers });
    expect({ status: hidden.statusCode, code: hidden.json().code, errors: hidden.json().errors }).toEqual({ status: absent.statusCode, code: absent.json().code, errors: absent.json().errors });
    expect(await snapshot(endpoint.touches)).toEqual(before);
  });
});

describe('what every account may do for itself', () => {
  it.each(ACTORS)('$name: GET /auth/me shows exactly its grants and their permissions', async (actor) => {
    const res = await t.app.inject({ url: api('/auth/me'), headers: credentials[actor.name]! });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.grants.map((g: { role: string; jurisdictionPath: string }) => `${g.role}@${g.jurisdictionPath}`).sort()).toEqual(actor.grants.map((g) => `${g.role}@${g.path}`).sort());
    expect(me.permissions).toEqual([...new Set(actor.grants.flatMap((g) => ROLE_PERMISSIONS[g.role]))].sort());
  });

  it.each(ACTORS.filter((a) => !a.device))('$name: creates and lists its own API tokens', async (actor) => {
    const headers = credentials[actor.name]!;
    const before = await snapshot();
    const created = await t.app.inject({ method: 'POST', url: api('/auth/tokens'), headers, payload: { name: 'mine' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(await auditActionsAfter(before.audit_seq)).toEqual(['auth.token_created']);
    const list = await t.app.inject({ url: api('/auth/tokens'), headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((x: { id: string }) => x.id)).toContain(created.json().id);
  });

  // A token is no key to more tokens: a stolen one would otherwise outlive its own revocation.
  it.each(ACTORS.filter((a) => a.device))('$name: may not mint API tokens with its token, but lists its own', async (actor) => {
    const headers = credentials[actor.name]!;
    const before = await snapshot();
    const created = await t.app.inject({ method: 'POST', url: api('/auth/tokens'), headers, payload: { name: 'mine' } });
    expect(created.statusCode, created.body).toBe(403);
    expect(created.json().code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
    const list = await t.app.inject({ url: api('/auth/tokens'), headers });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(1);
  });

  it.each(ACTORS)('$name: GET /audit/verify only with audit:read', async (actor) => {
    const res = await t.app.inject({ url: api('/audit/verify'), headers: credentials[actor.name]! });
    const mayAudit = actor.grants.some((g) => ROLE_PERMISSIONS[g.role].includes('audit:read'));
    expect(res.statusCode).toBe(mayAudit ? 200 : 403);
    if (mayAudit) expect(res.json().ok).toBe(true);
  });

  it.each(ACTORS)("$name: cannot revoke another account's API token through /auth/tokens", async (actor) => {
    const other = await t.app.inject({ method: 'POST', url: api('/auth/tokens'), headers: { cookie: adminCookie }, payload: { name: 'admin-owned' } });
    const before = await snapshot();
    const res = await t.app.inject({ method: 'DELETE', url: api(`/auth/tokens/${other.json().id}`), headers: credentials[actor.name]! });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });
});

interface Stream {
  events: StreamEvent[];
  waitFor(match: (e: StreamEvent) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Opens the event stream as the holder of `cookie` and resolves once it is live. */
async function openStream(base: string, cookie: string): Promise<Stream> {
  const socket = new WebSocket(`${base}/api/v1/stream`, { headers: { cookie } });
  const events: StreamEvent[] = [];
  const listeners = new Set<() => void>();
  const live = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the stream did not catch up within 10 s')), 10_000);
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as StreamEvent | { kind: string };
      if ('kind' in message) {
        if (message.kind === 'caught_up') {
          clearTimeout(timer);
          resolve();
        }
      } else {
        events.push(message);
      }
      for (const l of listeners) l();
    });
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`stream refused: ${res.statusCode}`)));
  });
  await live;
  return {
    events,
    close: () => socket.close(),
    waitFor: (match, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!events.some(match)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => [e.type, e.jurisdictionPath]))}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
  };
}

describe('the event stream is filtered by scope', () => {
  let base: string;
  beforeAll(async () => {
    base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws');
  });

  async function createDeviceIn(path: string): Promise<string> {
    const j = await jurisdictionByPath(t.app, path);
    const res = await t.app.inject({ method: 'POST', url: api('/staff'), headers: { cookie: adminCookie }, payload: { username: unique('dev'), displayName: 'Device', kind: 'device', jurisdictionId: j.id } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  it('gives a Vaduz user only the staff event made in Vaduz, and a national auditor all of them', async () => {
    const inVaduz = await createUser(t.app, 'commander', 'li.oberland.vaduz');
    const national = await createUser(t.app, 'auditor', 'li');
    await t.app.platform.relay.drain(); // earlier tests' events are out before the clients connect
    const local = await openStream(base, inVaduz.cookie);
    const all = await openStream(base, national.cookie);
    try {
      const eschen = await createDeviceIn('li.unterland.eschen');
      const schaan = await createDeviceIn('li.oberland.schaan');
      const vaduz = await createDeviceIn('li.oberland.vaduz');
      const createdHere = (id: string) => (e: StreamEvent) => e.type === 'staff.created' && (e.data as { id: string }).id === id;
      await local.waitFor(createdHere(vaduz));
      await all.waitFor(createdHere(vaduz));
      // Delivery is in order: an event from Eschen or Schaan would have arrived before Vaduz's.
      const ours = (s: Stream) => s.events.filter((e) => e.type === 'staff.created').map((e) => (e.data as { id: string }).id).filter((id) => [eschen, schaan, vaduz].includes(id));
      expect(ours(local)).toEqual([vaduz]);
      expect(ours(all)).toEqual([eschen, schaan, vaduz]);
      expect(local.events.filter((e) => e.jurisdictionPath === null || !inSubtree(e.jurisdictionPath, 'li.oberland.vaduz'))).toEqual([]);
    } finally {
      local.close();
      all.close();
    }
  });
});
