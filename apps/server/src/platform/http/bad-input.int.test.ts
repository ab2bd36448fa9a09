import { ANSWER_TYPES, EVIDENCE_MEDIA_TYPES, HAZARD_GRADES, INCIDENT_DISPOSITIONS, INCIDENT_TYPES, PLACE_CATEGORIES, POST_KINDS, PRIORITIES, ROLES, UNIT_KINDS } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { auditActionsAfter as actionsAfter, snapshot as takeSnapshot, type DigestTable } from '../../../test/db-snapshot.js';
import { ERROR_CATALOGUE, type ErrorCode } from '../../errors.js';
import { verifyAuditChain } from '../audit/audit-log.js';
import { rows } from '../db/client.js';

/**
 * Bad input anywhere gets a 4xx problem+json that names the field, and changes nothing.
 * First a table of known kinds of bad input, then generated bodies against every write endpoint.
 */

let t: TestApp;
let cookie: string;
const f = {} as {
  oberland: string; vaduz: string; station: string; device: string; loginUser: TestUser; auditor: TestUser;
  /** A school in Vaduz, a hazard there of each grade, a checklist for schools and its item keys, an inspection. */
  place: string; hazard: string; majorHazard: string; templateId: string; itemKeys: string[]; passing: { itemKey: string; value: unknown }[]; inspection: string;
  /** An inspector at national level: decides the extensions the administrator asks for. */
  verifier: TestUser;
  /**
   * A fire station in Vaduz and units there: one for status steps, one for AVL fixes, three free to
   * send; an incident in Vaduz with one unit sent; and an API token of a Vaduz AVL device.
   */
  fireStation: string; unit: string; avlUnit: string; freeUnits: string[]; incident: string; assignment: string; deviceToken: string;
  /** Schaan; a mutual aid agreement Schaan -> Vaduz to revoke; a second incident with an assignment to reassign; an incident to link as a duplicate; one to close. */
  schaan: string; agreement: string; incident2: string; reassignable: string; duplicate: string; toClose: string;
  /** A duty post in Vaduz; directives from li.oberland to Vaduz, one to acknowledge and one acknowledged; a task of the first for the post. */
  post: string; ackDirective: string; reportDirective: string; task: string;
  /** A second post in Vaduz to hand tasks over to; a parent task to move tasks under. */
  otherPost: string; parentTask: string;
  /** A campaign of li.oberland, to break down into tasks. */
  campaign: string;
  /** Coverage: a unit of Vaduz free to move up and one off duty, an open move-up order to end, a patrol plan of Vaduz and its post. */
  moveUnit: string; offDutyUnit: string; move: string; plan: string; planPost: string;
  /** Patrol plans of Vaduz to edit and to cancel (the generated bodies may change or call them off). */
  editPlan: string; cancelPlan: string;
  /** A major incident declared from an incident in Vaduz, with an outer cordon (and its traffic control points). */
  major: string; majorPoint: string;
  /** A store in Vaduz licensed for a chemical with stock, a receipt of it and that receipt's reversal. */
  goodsSite: string; goodsReceipt: string; goodsReversal: string;
};
const api = (path: string): string => `/api/v1${path}`;
let fuzzCalls = 0;
/** A column mapping written out (the same columns as the built-in `sf-fire`). */
const SF_FIRE_MAPPING = {
  name: 'sf-fire-copy', timeZone: 'America/Los_Angeles', timeFormat: 'MM/DD/YYYY hh:mm:ss A',
  columns: { callId: 'Call Number', receivedAt: 'Received DtTm', type: 'Call Type', priority: 'Priority', location: 'Location', unit: 'Unit ID', dispatchedAt: 'Dispatch DtTm', onSceneAt: 'On Scene DtTm' },
};
/** One call of a San Francisco Fire Department export (the `sf-fire` mapping), numbered `callNumber`. */
const sfFireCsv = (callNumber: string): string => [
  'Call Number,Unit ID,Call Type,Received DtTm,Dispatch DtTm,Response DtTm,On Scene DtTm,Available DtTm,Address,Priority,Final Priority,Unit Type,Unit sequence in call dispatch,Location',
  `${callNumber},E39,Medical Incident,12/31/2016 11:57:56 PM,12/31/2016 11:59:42 PM,01/01/2017 12:01:47 AM,01/01/2017 12:04:18 AM,01/01/2017 12:24:11 AM,0 Block of BALCETA AVE,3,3,ENGINE,1,"(37.745858648581, -122.456664252061)"`,
].join('\n');

/** What a refused request must leave untouched, table by table: the columns that matter and their order. */
type Table = DigestTable;
const IDENTITY_TABLES: Table[] = ['users', 'grants', 'jurisdictions', 'api_tokens', 'sessions'];
const HAZARD_TABLES: Table[] = ['hazards', 'hazard_extensions', 'hazard_evidence', 'hazard_deadline_policies'];
const INSPECTION_TABLES: Table[] = ['inspections', 'inspection_attachments', 'hazards', 'campaign_assignments', 'campaign_coverage'];
const CAMPAIGN_TABLES: Table[] = ['campaigns', 'campaign_assignments', 'campaign_coverage'];
const UNIT_TABLES: Table[] = ['units', 'unit_track'];
const DISPATCH_TABLES: Table[] = ['units', 'incidents', 'assignments'];
const POST_TABLES: Table[] = ['posts', 'post_holdings'];
const DIRECTIVE_TABLES: Table[] = ['directives', 'directive_targets', 'tasks', 'task_reports', 'task_report_evidence', 'standing_duties'];
const SUPERVISION_TABLES: Table[] = ['supervision_visits', 'supervision_findings', 'hazards'];

const snapshot = (tables: readonly Table[] = IDENTITY_TABLES) => takeSnapshot(t.app.platform.db, tables);
const auditActionsAfter = (seq: unknown) => actionsAfter(t.app.platform.db, seq);

function expectProblem(res: LightMyRequestResponse): { code: ErrorCode; errors?: { path: string; message: string }[] } {
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(ERROR_CATALOGUE[body.code as ErrorCode]?.status, `code ${body.code}`).toBe(res.statusCode);
  expect(body.status).toBe(res.statusCode);
  return body;
}

beforeAll(async () => {
  // Generated logins must reach the login logic, not the login throttle.
  // The move-up watch writes after dispatches on its own time: off, so a refusal's before/after snapshots see only the request.
  t = await startTestApp({ config: { loginThrottle: { freeFailures: 10_000, addressFreeFailures: 10_000, firstDelaySeconds: 1, maxDelaySeconds: 1 }, moveUpWatch: false } });
  cookie = await loginAdmin(t.app);
  f.oberland = (await jurisdictionByPath(t.app, 'li.oberland')).id;
  f.vaduz = (await jurisdictionByPath(t.app, 'li.oberland.vaduz')).id;
  const station = await t.app.inject({ method: 'POST', url: api('/jurisdictions'), headers: { cookie }, payload: { parentId: f.vaduz, name: 'Fuzz station', level: 'station' } });
  f.station = station.json().id;
  const device = await t.app.inject({ method: 'POST', url: api('/staff'), headers: { cookie }, payload: { username: 'fuzz-device', displayName: 'Fuzz device', kind: 'device', jurisdictionId: f.vaduz } });
  f.device = device.json().id;
  [f.loginUser, f.auditor] = await Promise.all([createUser(t.app, 'unit_member', 'li.oberland.vaduz'), createUser(t.app, 'auditor', 'li')]);
  await makeInspectionFixtures();
  await makeDispatchFixtures();
  await makeMajorFixtures();
  await makeGoodsFixtures();
  await makeDirectiveFixtures();
  await makeCoverageFixtures();
}, 60_000);

async function asAdmin(url: string, payload: object): Promise<{ id: string }> {
  const res = await t.app.inject({ method: 'POST', url: api(url), headers: { cookie }, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

async function makeInspectionFixtures(): Promise<void> {
  f.place = (await asAdmin('/places', { name: 'Fuzz school', category: 'school', geometry: { type: 'Point', coordinates: [9.5215, 47.141] }, jurisdictionId: f.vaduz })).id;
  f.hazard = (await asAdmin('/hazards', { placeId: f.place, grade: 'general', title: 'Blocked exit' })).id;
  f.majorHazard = (await asAdmin('/hazards', { placeId: f.place, grade: 'major', title: 'Leaking tank' })).id;
  const [template] = (await t.app.inject({ url: api('/checklists?category=school'), headers: { cookie } })).json();
  f.templateId = template.id;
  type Item = { key: string; answerType: string; min?: number; options?: string[]; failing?: string[] };
  const items: Item[] = template.sections.flatMap((s: { items: Item[] }) => s.items);
  f.itemKeys = items.map((i) => i.key);
  const passing = (i: Item) => (i.answerType === 'yes_no' ? 'pass' : i.answerType === 'number' ? (i.min ?? 0) : i.answerType === 'choice' ? i.options!.find((o) => !i.failing?.includes(o)) : 'ok');
  f.passing = items.map((i) => ({ itemKey: i.key, value: passing(i) }));
  f.inspection = (await asAdmin('/inspections', { placeId: f.place, templateId: f.templateId, answers: f.passing })).id;
  f.verifier = await createUser(t.app, 'inspector', 'li');
}

const VADUZ_POINT: [number, number] = [9.5215, 47.141];
const MAJOR_TABLES: Table[] = ['major_incident_points', 'major_incident_sitreps', 'reinforcement_requests'];
const validSitrep = () => ({ situation: 'Fuzz', resourcesCommitted: { units: 1 }, resourcesRequested: { units: 2 }, cordonStatus: 'Standing', nextSteps: 'Continue' });

/** A major incident from an incident in Vaduz with an outer cordon (its computed traffic control points). */
async function makeMajorFixtures(): Promise<void> {
  const incident = (await asAdmin('/incidents', validIncident())).id;
  f.major = (await asAdmin('/major-incidents', { incidentId: incident, title: 'Fuzz major incident', level: 'III' })).id;
  const cordoned = await t.app.inject({ method: 'PUT', url: api(`/major-incidents/${f.major}/cordons/outer`), headers: { cookie }, payload: { radiusM: 300 } });
  expect(cordoned.statusCode, cordoned.body).toBe(200);
  f.majorPoint = (cordoned.json() as { points: { id: string; kind: string }[] }).points.find((p) => p.kind === 'traffic_control')!.id;
}
const GOODS_TABLES: Table[] = ['goods_sites', 'goods_accounts', 'goods_transfers', 'goods_reconciliations', 'goods_permits', 'goods_transport_trail'];
const GOODS_ITEM = { kind: 'chemical', unNumber: 'UN1993', hazardClass: '3', name: 'Flammable liquid, n.o.s.', unit: 'ml', maxQuantity: 1_000_000 };
const validLicence = (items: object[] = [GOODS_ITEM]) => ({
  number: 'FZ-1', validFrom: day(-48), validUntil: day(24 * 365), expiryAlertDays: 30, storageConditions: 'Locked cabinet',
  responsiblePerson: { name: 'F. Fuzz', role: 'Store manager' }, items,
});
const receipt = (quantity: unknown) => ({ id: uuidv7(), kind: 'receipt', siteId: f.goodsSite, itemKey: 'UN1993', quantity });

/** A chemicals store in Vaduz licensed for UN1993 up to 1,000,000 ml, holding 1,000 ml; a receipt reversed. */
async function makeGoodsFixtures(): Promise<void> {
  const store = (await asAdmin('/places', { name: 'Fuzz store', category: 'hazardous_chemicals', geometry: { type: 'Point', coordinates: VADUZ_POINT }, jurisdictionId: f.vaduz })).id;
  f.goodsSite = (await asAdmin('/goods/sites', { placeId: store, licence: validLicence() })).id;
  f.goodsReceipt = (await asAdmin('/goods/transfers', receipt(1_000))).id;
  const extra = (await asAdmin('/goods/transfers', receipt(10))).id;
  f.goodsReversal = (await asAdmin(`/goods/transfers/${extra}/reverse`, { id: uuidv7(), reason: 'Recorded twice' })).id;
}
const validUnit = () => ({ callSign: `F-${uuidv7().slice(-8)}`, kind: 'fire_engine', jurisdictionId: f.vaduz, homeLocation: VADUZ_POINT, crewSize: 4, onDuty: true });
const validIncident = () => ({ type: 'fire', priority: 'P1', location: VADUZ_POINT });

async function makeDispatchFixtures(): Promise<void> {
  f.fireStation = (await asAdmin('/places', { name: 'Fuzz fire station', category: 'fire_station', geometry: { type: 'Point', coordinates: VADUZ_POINT }, jurisdictionId: f.vaduz })).id;
  const units: string[] = [];
  for (let i = 0; i < 6; i++) units.push((await asAdmin('/units', validUnit())).id);
  [f.unit, f.avlUnit, ...f.freeUnits] = units as [string, string, ...string[]];
  f.incident = (await asAdmin('/incidents', { ...validIncident(), callerNumber: '+423 230 00 00' })).id;
  const sent = f.freeUnits.pop()!;
  const [assignment] = (await asAdmin(`/incidents/${f.incident}/assignments`, { unitIds: [sent] })) as unknown as { id: string }[];
  f.assignment = assignment!.id;
  f.schaan = (await jurisdictionByPath(t.app, 'li.oberland.schaan')).id;
  f.agreement = (await asAdmin('/mutual-aid-agreements', { providingJurisdictionId: f.schaan, requestingJurisdictionId: f.vaduz, unitKinds: ['fire_engine'] })).id;
  f.incident2 = (await asAdmin('/incidents', validIncident())).id;
  f.duplicate = (await asAdmin('/incidents', validIncident())).id;
  f.toClose = (await asAdmin('/incidents', validIncident())).id;
  const [toReassign] = (await asAdmin(`/incidents/${f.incident2}/assignments`, { unitIds: [(await asAdmin('/units', validUnit())).id] })) as unknown as { id: string }[];
  f.reassignable = toReassign!.id;
  const device = await asAdmin('/staff', { username: 'fuzz-avl', displayName: 'Fuzz AVL', kind: 'device', jurisdictionId: f.vaduz, grants: [{ role: 'unit_member', jurisdictionId: f.vaduz }] });
  f.deviceToken = ((await asAdmin(`/staff/${device.id}/tokens`, { name: 'gateway' })) as unknown as { token: string }).token;
}
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();
const validDirective = () => ({ issuerJurisdictionId: f.oberland, title: 'Check hydrants', content: 'Check every hydrant.', requiredActions: ['Check'], targetJurisdictionIds: [f.vaduz], acknowledgeBy: inDays(2), reportBy: inDays(9) });
const RUN_CARD_TIERS = [{ tier: 1, slots: [{ kind: 'fire_engine', units: 1 }] }];

async function makeDirectiveFixtures(): Promise<void> {
  f.post = (await asAdmin('/posts', { jurisdictionId: f.vaduz, kind: 'duty_post', title: 'Duty officer Vaduz' })).id;
  f.ackDirective = (await asAdmin('/directives', validDirective())).id;
  f.reportDirective = (await asAdmin('/directives', validDirective())).id;
  await asAdmin(`/directives/${f.reportDirective}/targets/${f.vaduz}/acknowledgement`, {});
  f.task = (await asAdmin('/tasks', { directiveId: f.ackDirective, ownerPostId: f.post, title: 'Check hydrants', dueAt: inDays(5) })).id;
  f.otherPost = (await asAdmin('/posts', { jurisdictionId: f.vaduz, kind: 'head_of_department', title: 'Head of schools Vaduz' })).id;
  f.parentTask = (await asAdmin('/tasks', { directiveId: f.ackDirective, ownerPostId: f.post, title: 'All hydrants', dueAt: inDays(8) })).id;
  f.campaign = (await asAdmin('/campaigns', { title: 'Fuzz campaign', jurisdictionId: f.oberland, categories: ['school'], startsAt: inDays(-1), endsAt: inDays(30) })).id;
}
const day = (hours: number): string => new Date(Date.parse(`${inDays(1).slice(0, 10)}T00:00:00Z`) + hours * 3_600_000).toISOString();
const validPatrolPlan = () => ({
  jurisdictionId: f.vaduz, title: 'Fuzz patrol', shiftStart: day(6), shiftEnd: day(14),
  posts: [{ name: 'School gate', location: VADUZ_POINT, windows: [{ start: day(7), end: day(8) }] }],
});

async function makeCoverageFixtures(): Promise<void> {
  f.moveUnit = (await asAdmin('/units', validUnit())).id;
  f.offDutyUnit = (await asAdmin('/units', { ...validUnit(), onDuty: false })).id;
  const ordered = (await asAdmin('/coverage/move-ups', { jurisdictionId: f.vaduz, moves: [{ unitId: (await asAdmin('/units', validUnit())).id, to: VADUZ_POINT }] })) as unknown as { moves: { id: string }[] };
  f.move = ordered.moves[0]!.id;
  const plan = (await asAdmin('/coverage/patrol-plans', validPatrolPlan())) as unknown as { id: string; posts: { id: string }[] };
  [f.plan, f.planPost] = [plan.id, plan.posts[0]!.id];
  f.editPlan = ((await asAdmin('/coverage/patrol-plans', validPatrolPlan())) as unknown as { id: string }).id;
  f.cancelPlan = ((await asAdmin('/coverage/patrol-plans', validPatrolPlan())) as unknown as { id: string }).id;
}
afterAll(async () => t?.close());

const square = (lon: number, lat: number, d = 0.001) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
const BOW_TIE = { type: 'Polygon', coordinates: [[[9.5, 47.1], [9.51, 47.11], [9.51, 47.1], [9.5, 47.11], [9.5, 47.1]]] };
const UNCLOSED = { type: 'Polygon', coordinates: [[[9.5, 47.1], [9.51, 47.1], [9.51, 47.11], [9.5, 47.11]]] };
const LON_500 = { type: 'Polygon', coordinates: [[[500, 47.1], [9.51, 47.1], [9.51, 47.11], [500, 47.1]]] };
const HOLE_OUTSIDE = { type: 'Polygon', coordinates: [square(9.5, 47.1)[0], square(9.6, 47.2)[0]] };

const validStaff = () => ({ username: 'valid-name', displayName: 'Valid', kind: 'device', jurisdictionId: f.vaduz });
const validStation = () => ({ parentId: f.vaduz, name: 'A station', level: 'station' });
const validPlace = () => ({ name: 'A school', category: 'school', geometry: { type: 'Point', coordinates: [9.5215, 47.141] }, jurisdictionId: f.vaduz });

interface BadCase {
  name: string;
  request: () => InjectOptions;
  code: ErrorCode;
  /** The field the problem must name. */
  field?: string;
  /** Tables the endpoint could write, when not the identity ones. */
  touches?: Table[];
}

const json = (method: InjectOptions['method'], url: string, payload: unknown): InjectOptions => ({ method, url: api(url), payload: payload as InjectOptions['payload'] });
const raw = (method: InjectOptions['method'], url: string, body: string, contentType = 'application/json'): InjectOptions => ({ method, url: api(url), payload: body, headers: { 'content-type': contentType } });

const BAD: BadCase[] = [
  // wrong types
  { name: 'a number as username', request: () => json('POST', '/staff', { ...validStaff(), username: 42 }), code: 'VALIDATION_FAILED', field: 'body.username' },
  { name: 'a string as the grants list', request: () => json('POST', '/staff', { ...validStaff(), grants: 'all' }), code: 'VALIDATION_FAILED', field: 'body.grants' },
  { name: 'an unknown role in a grant', request: () => json('POST', '/staff', { ...validStaff(), grants: [{ role: 'emperor', jurisdictionId: f.vaduz }] }), code: 'VALIDATION_FAILED', field: 'body.grants.0.role' },
  { name: 'a string as disabled', request: () => json('PATCH', `/staff/${f.device}`, { disabled: 'yes' }), code: 'VALIDATION_FAILED', field: 'body.disabled' },
  { name: 'a number as level', request: () => json('POST', '/jurisdictions', { ...validStation(), level: 7 }), code: 'VALIDATION_FAILED', field: 'body.level' },
  { name: 'a string as expiresInDays', request: () => json('POST', '/auth/tokens', { name: 'x', expiresInDays: '30' }), code: 'VALIDATION_FAILED', field: 'body.expiresInDays' },
  { name: 'expiresInDays out of range', request: () => json('POST', '/auth/tokens', { name: 'x', expiresInDays: 1e9 }), code: 'VALIDATION_FAILED', field: 'body.expiresInDays' },
  { name: 'an array as the body', request: () => json('POST', '/staff', [validStaff()]), code: 'VALIDATION_FAILED', field: 'body' },
  // unknown fields: schemas are strict
  { name: 'an unknown field', request: () => json('POST', '/staff', { ...validStaff(), isAdmin: true }), code: 'VALIDATION_FAILED', field: 'body.isAdmin' },
  { name: 'an unknown field in a grant', request: () => json('POST', '/staff', { ...validStaff(), grants: [{ role: 'auditor', jurisdictionId: f.vaduz, everywhere: true }] }), code: 'VALIDATION_FAILED', field: 'body.grants.0.everywhere' },
  { name: 'an unknown field at login', request: () => json('POST', '/auth/login', { username: 'admin', password: 'x', remember: true }), code: 'VALIDATION_FAILED', field: 'body.remember' },
  // missing fields
  { name: 'an empty object for a new account', request: () => json('POST', '/staff', {}), code: 'VALIDATION_FAILED', field: 'body.username' },
  { name: 'no password at login', request: () => json('POST', '/auth/login', { username: 'admin' }), code: 'VALIDATION_FAILED', field: 'body.password' },
  { name: 'no parentId for a jurisdiction', request: () => json('POST', '/jurisdictions', { name: 'x', level: 'station' }), code: 'VALIDATION_FAILED', field: 'body.parentId' },
  { name: 'an update with no field', request: () => json('PATCH', `/jurisdictions/${f.station}`, {}), code: 'VALIDATION_FAILED', field: 'body' },
  { name: 'a staff account without a password', request: () => json('POST', '/staff', { ...validStaff(), kind: 'staff' }), code: 'VALIDATION_FAILED', field: 'body.password' },
  // bodies that cannot be read
  { name: 'a body over BODY_LIMIT_BYTES', request: () => json('POST', '/staff', { ...validStaff(), displayName: 'x'.repeat(t.config.bodyLimitBytes) }), code: 'PAYLOAD_TOO_LARGE' },
  { name: 'invalid JSON', request: () => raw('POST', '/staff', '{"username": '), code: 'MALFORMED_REQUEST' },
  { name: 'an empty JSON body', request: () => raw('POST', '/staff', ''), code: 'MALFORMED_REQUEST' },
  { name: 'a __proto__ key', request: () => raw('POST', '/staff', `{"__proto__": {"admin": true}, "username": "proto-user"}`), code: 'MALFORMED_REQUEST' },
  { name: 'text/plain', request: () => raw('POST', '/staff', 'username=x', 'text/plain'), code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a form post', request: () => raw('POST', '/auth/login', 'username=admin&password=x', 'application/x-www-form-urlencoded'), code: 'UNSUPPORTED_MEDIA_TYPE' },
  // GeoJSON boundaries
  { name: 'a self-intersecting "bow-tie" boundary', request: () => json('POST', '/jurisdictions', { ...validStation(), boundary: BOW_TIE }), code: 'GEOMETRY_INVALID', field: 'body.boundary' },
  { name: 'a bow-tie boundary on update', request: () => json('PATCH', `/jurisdictions/${f.station}`, { boundary: BOW_TIE }), code: 'GEOMETRY_INVALID', field: 'body.boundary' },
  { name: 'a hole outside its shell', request: () => json('POST', '/jurisdictions', { ...validStation(), boundary: HOLE_OUTSIDE }), code: 'GEOMETRY_INVALID', field: 'body.boundary' },
  { name: 'an unclosed ring', request: () => json('POST', '/jurisdictions', { ...validStation(), boundary: UNCLOSED }), code: 'VALIDATION_FAILED', field: 'body.boundary.coordinates.0' },
  { name: 'longitude 500', request: () => json('POST', '/jurisdictions', { ...validStation(), boundary: LON_500 }), code: 'VALIDATION_FAILED', field: 'body.boundary.coordinates.0.0.0' },
  { name: 'a point as a boundary', request: () => json('POST', '/jurisdictions', { ...validStation(), boundary: { type: 'Point', coordinates: [9.5, 47.1] } }), code: 'VALIDATION_FAILED', field: 'body.boundary.type' },
  // hostile strings where they cannot be names
  { name: 'SQL in a username', request: () => json('POST', '/staff', { ...validStaff(), username: "x'; drop table users; --" }), code: 'VALIDATION_FAILED', field: 'body.username' },
  { name: 'SQL in a slug', request: () => json('POST', '/jurisdictions', { ...validStation(), slug: "a'); drop table jurisdictions; --" }), code: 'VALIDATION_FAILED', field: 'body.slug' },
  // NUL characters, which PostgreSQL refuses in text
  { name: 'NUL in a display name', request: () => json('POST', '/staff', { ...validStaff(), displayName: 'a\u0000b' }), code: 'VALIDATION_FAILED', field: 'body.displayName' },
  { name: 'NUL in a jurisdiction name', request: () => json('PATCH', `/jurisdictions/${f.station}`, { name: '\u0000' }), code: 'VALIDATION_FAILED', field: 'body.name' },
  { name: 'NUL in a field name', request: () => json('POST', '/staff', { ...validStaff(), 'x\u0000': 1 }), code: 'VALIDATION_FAILED', field: 'body.x\u0000' },
  { name: 'a lone surrogate in a checklist (PostgreSQL refuses it in jsonb)', request: () => json('POST', '/checklists', { key: 'lone', title: 'x', categories: ['school'], source: '\ud800', sections: [] }), code: 'VALIDATION_FAILED', field: 'body.source', touches: ['checklist_templates'] },
  { name: 'a lone surrogate in a hazard step (recorded in the audit as jsonb)', request: () => json('POST', `/hazards/${f.hazard}/actions`, { action: 'reject', reason: 'a\udc00' }), code: 'VALIDATION_FAILED', field: 'body.reason', touches: HAZARD_TABLES },
  { name: 'NUL in a query parameter', request: () => ({ method: 'GET', url: api('/staff?jurisdictionId=%00') }), code: 'VALIDATION_FAILED', field: 'query.jurisdictionId' },
  // identifiers and queries
  { name: 'a bad UUID in the path', request: () => ({ method: 'GET', url: api('/staff/not-a-uuid') }), code: 'VALIDATION_FAILED', field: 'path.id' },
  { name: 'a number as a jurisdiction id', request: () => json('PATCH', '/jurisdictions/123', { name: 'x' }), code: 'VALIDATION_FAILED', field: 'path.id' },
  { name: 'a bad grant id', request: () => ({ method: 'DELETE', url: api(`/staff/${uuidv7()}/grants/1%20or%201=1`) }), code: 'VALIDATION_FAILED', field: 'path.grantId' },
  { name: 'a bad UUID in a query', request: () => ({ method: 'GET', url: api('/staff?jurisdictionId=nope') }), code: 'VALIDATION_FAILED', field: 'query.jurisdictionId' },
  { name: 'an unknown query parameter', request: () => ({ method: 'GET', url: api('/staff?admin=1') }), code: 'VALIDATION_FAILED', field: 'query.admin' },
  { name: 'longitude 500 in a lookup', request: () => ({ method: 'GET', url: api('/jurisdictions/lookup?lon=500&lat=47') }), code: 'VALIDATION_FAILED', field: 'query.lon' },
  { name: 'text as latitude', request: () => ({ method: 'GET', url: api('/jurisdictions/lookup?lon=9.5&lat=north') }), code: 'VALIDATION_FAILED', field: 'query.lat' },
  // the map: tiles and reachability rings
  { name: 'a tile column past 2^z', request: () => ({ method: 'GET', url: api('/tiles/3/8/0.mvt') }), code: 'VALIDATION_FAILED', field: 'path.x' },
  { name: 'a tile zoom of 99', request: () => ({ method: 'GET', url: api('/tiles/99/0/0.mvt') }), code: 'VALIDATION_FAILED', field: 'path.z' },
  { name: 'text as a tile row', request: () => ({ method: 'GET', url: api('/tiles/3/0/north.mvt') }), code: 'VALIDATION_FAILED', field: 'path.y' },
  { name: 'rings around a place in Zürich, off the road network', request: () => ({ method: 'GET', url: api('/isochrones?lat=47.37&lon=8.54') }), code: 'VALIDATION_FAILED', field: 'query.lat' },
  { name: 'rings of 0 minutes', request: () => ({ method: 'GET', url: api('/isochrones?lat=47.141&lon=9.5215&minutes=0,3') }), code: 'VALIDATION_FAILED', field: 'query.minutes' },
  { name: 'six ring sizes', request: () => ({ method: 'GET', url: api('/isochrones?lat=47.141&lon=9.5215&minutes=1,2,3,4,5,6') }), code: 'VALIDATION_FAILED', field: 'query.minutes' },
  { name: 'rings without a place', request: () => ({ method: 'GET', url: api('/isochrones?minutes=3') }), code: 'VALIDATION_FAILED', field: 'query.lat' },
  // places, hazards, inspections, campaigns
  { name: 'a place with a bow-tie outline', request: () => json('POST', '/places', { ...validPlace(), geometry: BOW_TIE }), code: 'GEOMETRY_INVALID', field: 'body.geometry', touches: ['places'] },
  { name: 'a place at longitude 500', request: () => json('POST', '/places', { ...validPlace(), geometry: { type: 'Point', coordinates: [500, 47.1] } }), code: 'VALIDATION_FAILED', field: 'body.geometry.coordinates.0', touches: ['places'] },
  { name: 'a place in Zürich, outside every jurisdiction', request: () => json('POST', '/places', { name: 'Far away', category: 'school', geometry: { type: 'Point', coordinates: [8.54, 47.37] } }), code: 'VALIDATION_FAILED', field: 'body.geometry', touches: ['places'] },
  { name: 'an unknown place category', request: () => json('POST', '/places', { ...validPlace(), category: 'castle' }), code: 'VALIDATION_FAILED', field: 'body.category', touches: ['places'] },
  { name: 'a place edit without a version', request: () => json('PATCH', `/places/${f.place}`, { name: 'x' }), code: 'VALIDATION_FAILED', field: 'body.version', touches: ['places'] },
  { name: 'a stale place edit', request: () => json('PATCH', `/places/${f.place}`, { name: 'x', version: 10_000 }), code: 'CONFLICT', field: 'body.version', touches: ['places'] },
  { name: 'an unknown hazard grade', request: () => json('POST', '/hazards', { placeId: f.place, grade: 'apocalyptic', title: 'x' }), code: 'VALIDATION_FAILED', field: 'body.grade', touches: HAZARD_TABLES },
  { name: 'an unknown hazard action', request: () => json('POST', `/hazards/${f.hazard}/actions`, { action: 'explode' }), code: 'VALIDATION_FAILED', field: 'body.action', touches: HAZARD_TABLES },
  { name: 'an extension to a date that is not one', request: () => json('POST', `/hazards/${f.hazard}/extensions`, { reason: 'x', requestedDueAt: 'tomorrow' }), code: 'VALIDATION_FAILED', field: 'body.requestedDueAt', touches: HAZARD_TABLES },
  { name: 'a patrol that is not a unit id', request: () => json('PUT', `/major-incidents/${f.major}/points/${f.majorPoint}/patrol`, { unitId: 'P-1' }), code: 'VALIDATION_FAILED', field: 'body.unitId', touches: MAJOR_TABLES },
  { name: 'a fire engine at a traffic control point', request: () => json('PUT', `/major-incidents/${f.major}/points/${f.majorPoint}/patrol`, { unitId: f.freeUnits[0] }), code: 'MAJOR_INCIDENT_NOT_A_PATROL', field: 'body.unitId', touches: MAJOR_TABLES },
  { name: 'an exercise played at speed zero', request: () => json('POST', '/major-incidents/exercises/gas-explosion', { speed: 0 }), code: 'VALIDATION_FAILED', field: 'body.speed', touches: [...MAJOR_TABLES, 'incidents'] },
  { name: 'an exercise in Zürich, outside every jurisdiction', request: () => json('POST', '/major-incidents/exercises/gas-explosion', { at: [8.54, 47.37] }), code: 'NO_JURISDICTION_AT_POINT', field: 'body.at', touches: [...MAJOR_TABLES, 'incidents'] },
  { name: 'an exercise at latitude 95', request: () => json('POST', '/major-incidents/exercises/gas-explosion', { at: [9.52, 95] }), code: 'VALIDATION_FAILED', field: 'body.at.1', touches: [...MAJOR_TABLES, 'incidents'] },
  { name: 'an exercise faster than the fastest clock', request: () => json('POST', '/major-incidents/exercises/gas-explosion', { speed: 20_000 }), code: 'VALIDATION_FAILED', field: 'body.speed', touches: [...MAJOR_TABLES, 'incidents'] },
  { name: 'an exercise at a place named in words', request: () => json('POST', '/major-incidents/exercises/gas-explosion', { at: 'Vaduz market' }), code: 'VALIDATION_FAILED', field: 'body.at', touches: [...MAJOR_TABLES, 'incidents'] },
  { name: 'a SITREP asking for zero reinforcements', request: () => json('POST', `/major-incidents/${f.major}/sitreps`, { ...validSitrep(), reinforcement: { kind: 'rescue', count: 0 } }), code: 'VALIDATION_FAILED', field: 'body.reinforcement.count', touches: MAJOR_TABLES },
  { name: 'a SITREP asking for reinforcements of no kind', request: () => json('POST', `/major-incidents/${f.major}/sitreps`, { ...validSitrep(), reinforcement: { count: 2 } }), code: 'VALIDATION_FAILED', field: 'body.reinforcement.kind', touches: MAJOR_TABLES },
  { name: 'a roll-up of maybe-exercises', request: () => ({ method: 'GET', url: api('/major-incidents/rollup?exercise=maybe') }), code: 'VALIDATION_FAILED', field: 'query.exercise' },
  { name: 'deadlines of zero days', request: () => json('PUT', `/hazard-deadlines/${f.vaduz}`, { generalDays: 0, majorDays: 30 }), code: 'VALIDATION_FAILED', field: 'body.generalDays', touches: HAZARD_TABLES },
  { name: 'HTML disguised as a PNG', request: () => json('POST', `/hazards/${f.hazard}/evidence`, { filename: 'x.png', mediaType: 'image/png', contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64') }), code: 'UPLOAD_TYPE_NOT_ALLOWED', field: 'body.contentBase64', touches: HAZARD_TABLES },
  { name: 'an answer to an item the checklist lacks', request: () => json('POST', '/inspections', { placeId: f.place, templateId: f.templateId, answers: [{ itemKey: 'no_such_item', value: 'pass' }] }), code: 'VALIDATION_FAILED', touches: INSPECTION_TABLES },
  { name: 'a checklist that is not one as the template', request: () => json('POST', '/inspections', { placeId: f.place, templateId: uuidv7(), answers: [{ itemKey: f.itemKeys[0], value: 'pass' }] }), code: 'VALIDATION_FAILED', field: 'body.templateId', touches: INSPECTION_TABLES },
  { name: 'campaign progress in a time zone that does not exist', request: () => ({ method: 'GET', url: api(`/campaigns/${f.campaign}/progress?timeZone=Mars%2FOlympus`) }), code: 'VALIDATION_FAILED', field: 'query.timeZone' },
  { name: 'a campaign ending before it starts', request: () => json('POST', '/campaigns', { title: 'x', jurisdictionId: f.vaduz, categories: ['school'], startsAt: '2026-05-01T00:00:00.000Z', endsAt: '2026-04-01T00:00:00.000Z' }), code: 'VALIDATION_FAILED', field: 'body.endsAt', touches: CAMPAIGN_TABLES },
  { name: 'a unit with neither a home station nor a home location', request: () => json('POST', '/units', { ...validUnit(), homeLocation: undefined }), code: 'VALIDATION_FAILED', field: 'body.homeLocation', touches: UNIT_TABLES },
  { name: 'a school as home station', request: () => json('POST', '/units', { ...validUnit(), homeStationId: f.place }), code: 'VALIDATION_FAILED', field: 'body.homeStationId', touches: UNIT_TABLES },
  { name: 'a capability in capitals', request: () => json('PATCH', `/units/${f.unit}`, { capabilities: ['Pump'] }), code: 'VALIDATION_FAILED', field: 'body.capabilities.0', touches: UNIT_TABLES },
  { name: 'an unknown unit step', request: () => json('POST', `/units/${f.unit}/actions`, { action: 'teleport' }), code: 'VALIDATION_FAILED', field: 'body.action', touches: UNIT_TABLES },
  { name: 'an AVL fix from the future', request: () => ({ ...json('POST', '/avl/positions', { fixes: [{ unitId: f.avlUnit, location: VADUZ_POINT, at: '2999-01-01T00:00:00.000Z' }] }), headers: { authorization: `Bearer ${f.deviceToken}` } }), code: 'VALIDATION_FAILED', field: 'body.fixes.0.at', touches: UNIT_TABLES },
  { name: 'an AVL batch with one unknown unit', request: () => ({ ...json('POST', '/avl/positions', { fixes: [{ unitId: f.avlUnit, location: VADUZ_POINT, at: new Date().toISOString() }, { unitId: uuidv7(), location: VADUZ_POINT, at: new Date().toISOString() }] }), headers: { authorization: `Bearer ${f.deviceToken}` } }), code: 'VALIDATION_FAILED', field: 'body.fixes.1.unitId', touches: UNIT_TABLES },
  { name: 'an incident in Zürich, outside every jurisdiction', request: () => json('POST', '/incidents', { ...validIncident(), location: [8.54, 47.37] }), code: 'NO_JURISDICTION_AT_POINT', field: 'body.location', touches: DISPATCH_TABLES },
  { name: 'a call received in the future', request: () => json('POST', '/incidents', { ...validIncident(), receivedAt: '2999-01-01T00:00:00.000Z' }), code: 'VALIDATION_FAILED', field: 'body.receivedAt', touches: DISPATCH_TABLES },
  { name: 'a caller number that is not one', request: () => json('POST', '/incidents', { ...validIncident(), callerNumber: 'call me maybe' }), code: 'VALIDATION_FAILED', field: 'body.callerNumber', touches: DISPATCH_TABLES },
  { name: 'no units to send', request: () => json('POST', `/incidents/${f.incident}/assignments`, { unitIds: [] }), code: 'VALIDATION_FAILED', field: 'body.unitIds', touches: DISPATCH_TABLES },
  { name: 'a unit that does not exist among those sent', request: () => json('POST', `/incidents/${f.incident}/assignments`, { unitIds: [f.freeUnits[0], uuidv7()] }), code: 'NOT_FOUND', touches: DISPATCH_TABLES },
  { name: 'a reassignment naming both another incident and another unit', request: () => json('POST', `/assignments/${f.reassignable}/reassign`, { incidentId: f.incident, unitId: f.freeUnits[0] }), code: 'VALIDATION_FAILED', field: 'body.incidentId', touches: DISPATCH_TABLES },
  { name: 'a reassignment to an incident that does not exist', request: () => json('POST', `/assignments/${f.reassignable}/reassign`, { incidentId: uuidv7() }), code: 'VALIDATION_FAILED', field: 'body.incidentId', touches: DISPATCH_TABLES },
  { name: 'a duplicate of an incident that does not exist', request: () => json('PUT', `/incidents/${f.duplicate}/duplicate-of`, { duplicateOf: uuidv7() }), code: 'VALIDATION_FAILED', field: 'body.duplicateOf', touches: DISPATCH_TABLES },
  { name: 'an incident closed with a disposition that is not one', request: () => json('POST', `/incidents/${f.toClose}/close`, { disposition: 'gone_home' }), code: 'VALIDATION_FAILED', field: 'body.disposition', touches: DISPATCH_TABLES },
  { name: 'an incident closed while a unit is on it', request: () => json('POST', `/incidents/${f.incident}/close`, { disposition: 'resolved' }), code: 'INCIDENT_UNITS_COMMITTED', touches: DISPATCH_TABLES },
  { name: 'a possible-duplicate search off the globe', request: () => ({ method: 'GET', url: api('/incidents/possible-duplicates?type=fire&lon=9.5&lat=91') }), code: 'VALIDATION_FAILED', field: 'query.lat', touches: DISPATCH_TABLES },
  { name: 'a mutual aid agreement lending a unit kind twice', request: () => json('POST', '/mutual-aid-agreements', { providingJurisdictionId: f.schaan, requestingJurisdictionId: f.vaduz, unitKinds: ['ambulance', 'ambulance'] }), code: 'VALIDATION_FAILED', field: 'body.unitKinds', touches: ['mutual_aid_agreements'] },
  { name: 'a mutual aid agreement between a jurisdiction and one inside it', request: () => json('POST', '/mutual-aid-agreements', { providingJurisdictionId: f.oberland, requestingJurisdictionId: f.vaduz, unitKinds: ['ambulance'] }), code: 'MUTUAL_AID_NESTED', touches: ['mutual_aid_agreements'] },
  { name: 'an unknown assignment step', request: () => json('POST', `/assignments/${f.assignment}/actions`, { action: 'abandon' }), code: 'VALIDATION_FAILED', field: 'body.action', touches: DISPATCH_TABLES },
  { name: 'a campaign scope outside its issuer', request: () => json('POST', '/campaigns', { title: 'x', jurisdictionId: f.vaduz, categories: ['school'], scopeJurisdictionIds: [f.oberland], startsAt: '2026-04-01T00:00:00.000Z', endsAt: '2026-05-01T00:00:00.000Z' }), code: 'VALIDATION_FAILED', field: 'body.scopeJurisdictionIds.0', touches: CAMPAIGN_TABLES },
  // posts, directives, tasks, run cards
  { name: 'a post of an unknown kind', request: () => json('POST', '/posts', { jurisdictionId: f.vaduz, kind: 'emperor', title: 'x' }), code: 'VALIDATION_FAILED', field: 'body.kind', touches: POST_TABLES },
  { name: 'a post handed to no such account', request: () => json('POST', `/posts/${f.post}/handovers`, { userId: uuidv7() }), code: 'VALIDATION_FAILED', field: 'body.userId', touches: POST_TABLES },
  { name: 'a directive to its own issuer', request: () => json('POST', '/directives', { ...validDirective(), targetJurisdictionIds: [f.oberland] }), code: 'DIRECTIVE_TARGET_OUTSIDE_SUBTREE', field: 'body.targetJurisdictionIds.0', touches: DIRECTIVE_TABLES },
  { name: 'a directive to be acknowledged in the past', request: () => json('POST', '/directives', { ...validDirective(), acknowledgeBy: inDays(-1) }), code: 'VALIDATION_FAILED', field: 'body.acknowledgeBy', touches: DIRECTIVE_TABLES },
  { name: 'a directive sent twice to one jurisdiction', request: () => json('POST', '/directives', { ...validDirective(), targetJurisdictionIds: [f.vaduz, f.vaduz] }), code: 'VALIDATION_FAILED', field: 'body.targetJurisdictionIds', touches: DIRECTIVE_TABLES },
  { name: 'a report-back before the acknowledgement', request: () => json('POST', `/directives/${f.ackDirective}/targets/${f.vaduz}/report`, { report: 'Done' }), code: 'DIRECTIVE_TARGET_TRANSITION_NOT_ALLOWED', touches: DIRECTIVE_TABLES },
  { name: 'a task for a post outside every target', request: () => json('POST', '/tasks', { directiveId: f.ackDirective, ownerPostId: uuidv7(), title: 'x', dueAt: inDays(5) }), code: 'VALIDATION_FAILED', field: 'body.ownerPostId', touches: DIRECTIVE_TABLES },
  { name: 'tasks of a level and of a directive at once', request: () => ({ method: 'GET', url: api(`/tasks?jurisdictionId=${f.vaduz}&directiveId=${f.ackDirective}`) }), code: 'VALIDATION_FAILED', field: 'query.jurisdictionId' },
  { name: 'a list of tasks of 5000', request: () => ({ method: 'GET', url: api(`/tasks?jurisdictionId=${f.vaduz}&limit=5000`) }), code: 'VALIDATION_FAILED', field: 'query.limit' },
  { name: 'posts of a subtree that is neither true nor false', request: () => ({ method: 'GET', url: api(`/posts?jurisdictionId=${f.vaduz}&subtree=yes`) }), code: 'VALIDATION_FAILED', field: 'query.subtree' },
  { name: 'progress over 100 percent', request: () => json('POST', `/tasks/${f.task}/reports`, { percent: 101, note: 'x' }), code: 'VALIDATION_FAILED', field: 'body.percent', touches: DIRECTIVE_TABLES },
  { name: 'evidence that is not what it claims', request: () => json('POST', `/tasks/${f.task}/reports`, { percent: 10, note: 'x', evidence: [{ filename: 'a.png', mediaType: 'image/png', contentBase64: 'JVBERi0xLjQ=' }] }), code: 'UPLOAD_TYPE_NOT_ALLOWED', field: 'body.evidence.0.contentBase64', touches: DIRECTIVE_TABLES },
  { name: 'a standing duty that ends before it starts', request: () => json('POST', '/standing-duties', { ownerPostId: f.post, title: 'x', everyDays: 7, startsAt: inDays(2), endsAt: inDays(1) }), code: 'VALIDATION_FAILED', field: 'body.endsAt', touches: DIRECTIVE_TABLES },
  { name: 'a task naming a directive and a campaign', request: () => json('POST', '/tasks', { directiveId: f.ackDirective, campaignId: f.campaign, ownerPostId: f.post, title: 'x', dueAt: inDays(5) }), code: 'VALIDATION_FAILED', field: 'body.campaignId', touches: DIRECTIVE_TABLES },
  { name: 'a task moved under itself', request: () => json('POST', `/tasks/${f.task}/redecomposition`, { parentTaskId: f.task, reason: 'x' }), code: 'TASK_CHANGE_NOT_ALLOWED', field: 'body.parentTaskId', touches: DIRECTIVE_TABLES },
  { name: 'a task handed to the post that has it', request: () => json('POST', `/tasks/${f.task}/reassignment`, { ownerPostId: f.post, reason: 'x' }), code: 'TASK_CHANGE_NOT_ALLOWED', touches: DIRECTIVE_TABLES },
  // supervision and the accountability trace
  { name: 'a supervision visit in the future', request: () => json('POST', '/supervision/visits', { subjectType: 'place', subjectId: f.place, summary: 'x', visitedAt: inDays(1) }), code: 'VALIDATION_FAILED', field: 'body.visitedAt', touches: SUPERVISION_TABLES },
  { name: 'a supervision visit of a task that is a place', request: () => json('POST', '/supervision/visits', { subjectType: 'task', subjectId: f.place, summary: 'x' }), code: 'VALIDATION_FAILED', field: 'body.subjectId', touches: SUPERVISION_TABLES },
  { name: 'a correction of an unknown grade', request: () => json('POST', '/supervision/visits', { subjectType: 'place', subjectId: f.place, summary: 'x', findings: [{ description: 'x', correction: { grade: 'huge', title: 'x' } }] }), code: 'VALIDATION_FAILED', field: 'body.findings.0.correction.grade', touches: SUPERVISION_TABLES },
  { name: 'a re-visit verifying a hazard it did not require', request: () => json('POST', '/supervision/visits', { subjectType: 'place', subjectId: f.place, summary: 'x', verifies: [f.hazard] }), code: 'VALIDATION_FAILED', field: 'body.verifies.0', touches: SUPERVISION_TABLES },
  { name: 'recent events of a type that does not exist', request: () => json('GET', `/events/recent?types=incidents.opened,incidents.teleported&since=${encodeURIComponent(new Date().toISOString())}`, undefined), code: 'VALIDATION_FAILED', field: 'query.types' },
  { name: 'recent events from more than a week ago', request: () => json('GET', `/events/recent?types=incidents.opened&since=${encodeURIComponent(new Date(Date.now() - 8 * 86_400_000).toISOString())}`, undefined), code: 'VALIDATION_FAILED', field: 'query.since' },
  { name: 'cited audit entries that are not ids', request: () => json('GET', `/accountability/audit-entries?ids=${'-'.repeat(36)}`, undefined), code: 'VALIDATION_FAILED', field: 'query.ids' },
  { name: 'more than 200 cited audit entries', request: () => json('GET', `/accountability/audit-entries?ids=${Array.from({ length: 201 }, () => uuidv7()).join(',')}`, undefined), code: 'VALIDATION_FAILED', field: 'query.ids' },
    { name: 'a trace of nothing', request: () => json('GET', '/accountability/trace', undefined), code: 'TRACE_WINDOW_INVALID', field: 'query.incidentId' },
  { name: 'a trace of a place without a window', request: () => json('GET', `/accountability/trace?placeId=${f.place}`, undefined), code: 'TRACE_WINDOW_INVALID', field: 'query.from' },
  { name: 'a trace window that ends before it starts', request: () => json('GET', `/accountability/trace?placeId=${f.place}&from=${inDays(0)}&to=${inDays(-1)}`, undefined), code: 'TRACE_WINDOW_INVALID', field: 'query.to' },
  { name: 'a trace window over a year', request: () => json('GET', `/accountability/trace?placeId=${f.place}&from=${inDays(-400)}&to=${inDays(0)}`, undefined), code: 'TRACE_WINDOW_INVALID', field: 'query.to' },
  { name: 'a trace of an incident with a window', request: () => json('GET', `/accountability/trace?incidentId=${f.incident}&from=${inDays(-1)}`, undefined), code: 'TRACE_WINDOW_INVALID', field: 'query.from' },
  { name: 'a trace radius beyond 5 km', request: () => json('GET', `/accountability/trace.csv?incidentId=${f.incident}&radiusM=50000`, undefined), code: 'VALIDATION_FAILED', field: 'query.radiusM' },
  { name: 'a history import with an unknown mapping', request: () => json('POST', '/history/imports', { jurisdictionId: f.vaduz, mapping: 'la-fire', csv: sfFireCsv('1') }), code: 'VALIDATION_FAILED', field: 'body.mapping', touches: ['incidents'] },
  // Found by the generated bodies below: a name looked up on a plain object found Object.prototype's.
  { name: 'a history import naming an inherited property as its mapping', request: () => json('POST', '/history/imports', { jurisdictionId: f.vaduz, mapping: 'valueOf', csv: sfFireCsv('7') }), code: 'VALIDATION_FAILED', field: 'body.mapping', touches: ['incidents'] },
  { name: 'a history import whose mapping has no such time zone', request: () => json('POST', '/history/imports', { jurisdictionId: f.vaduz, mapping: { ...SF_FIRE_MAPPING, timeZone: 'Mars/Base' }, csv: sfFireCsv('2') }), code: 'VALIDATION_FAILED', field: 'body.mapping.timeZone', touches: ['incidents'] },
  { name: 'a history import whose CSV lacks a mapped column', request: () => json('POST', '/history/imports', { jurisdictionId: f.vaduz, mapping: 'sf-fire', csv: 'Call Number,Unit ID\n3,E1\n' }), code: 'VALIDATION_FAILED', field: 'body.csv', touches: ['incidents'] },
  { name: 'a history import with an unclosed quote', request: () => json('POST', '/history/imports', { jurisdictionId: f.vaduz, mapping: 'sf-fire', csv: `${sfFireCsv('4')}\n5,"E1` }), code: 'VALIDATION_FAILED', field: 'body.csv', touches: ['incidents'] },
  { name: 'a history import into an unknown jurisdiction', request: () => json('POST', '/history/imports', { jurisdictionId: uuidv7(), mapping: 'sf-fire', csv: sfFireCsv('6') }), code: 'VALIDATION_FAILED', field: 'body.jurisdictionId', touches: ['incidents'] },
  { name: 'run cards of an incident type that does not exist', request: () => json('GET', '/response-plans?incidentType=volcano', undefined), code: 'VALIDATION_FAILED', field: 'query.incidentType' },
  { name: 'run cards of a priority P9', request: () => json('GET', `/response-plans?jurisdictionId=${f.vaduz}&priority=P9`, undefined), code: 'VALIDATION_FAILED', field: 'query.priority' },
  { name: 'a run card with a tier twice', request: () => json('PUT', '/response-plans', { jurisdictionId: f.vaduz, incidentType: 'fire', priority: 'P4', tiers: [...RUN_CARD_TIERS, ...RUN_CARD_TIERS] }), code: 'VALIDATION_FAILED', field: 'body.tiers', touches: ['response_plans'] },
  // what-if replays (modules/replay)
  { name: 'a replay whose period ends before it starts', request: () => json('POST', '/replays', { jurisdictionId: f.oberland, from: inDays(-1), to: inDays(-2) }), code: 'VALIDATION_FAILED', field: 'body.to' },
  { name: 'a replay of 40 days', request: () => json('POST', '/replays', { jurisdictionId: f.oberland, from: inDays(-40), to: inDays(0) }), code: 'REPLAY_TOO_LARGE', field: 'body.to' },
  { name: 'a replay moving a unit the fleet does not hold', request: () => json('POST', '/replays', { jurisdictionId: f.oberland, from: inDays(-7), to: inDays(0), deployment: { move: [{ callSign: 'NO-SUCH-UNIT', base: [9.52, 47.14] }] } }), code: 'REPLAY_DEPLOYMENT_INVALID', field: 'body.deployment.move.0.callSign' },
  { name: 'a replay adding a unit of a kind that does not exist', request: () => json('POST', '/replays', { jurisdictionId: f.oberland, from: inDays(-7), to: inDays(0), compare: { add: [{ callSign: 'X1', kind: 'submarine', base: [9.52, 47.14] }] } }), code: 'VALIDATION_FAILED', field: 'body.compare.add.0.kind' },
  { name: 'a replay with a shift at 25:00', request: () => json('POST', '/replays', { jurisdictionId: f.oberland, from: inDays(-7), to: inDays(0), deployment: { add: [{ callSign: 'X1', kind: 'ambulance', base: [9.52, 47.14], shifts: [{ from: '25:00', to: '07:00' }] }] } }), code: 'VALIDATION_FAILED', field: 'body.deployment.add.0.shifts.0.from' },
  // Idempotency-Key
  ...['short', 'has spaces in it', 'ünïcödé-key', 'k'.repeat(201)].map((key): BadCase => ({
    name: `Idempotency-Key ${JSON.stringify(key.length > 20 ? `${key.slice(0, 8)}…(${key.length})` : key)}`,
    request: () => ({ ...json('POST', '/staff', { ...validStaff(), username: 'idem-bad-key' }), headers: { 'idempotency-key': key } }),
    code: 'VALIDATION_FAILED',
    field: 'header.idempotency-key',
  })),
  // coverage (issue 16)
  { name: 'a move-up threshold above 1', request: () => json('PUT', `/coverage/settings/${f.vaduz}`, { moveUpThreshold: 1.5, moveUpMinutes: 3 }), code: 'VALIDATION_FAILED', field: 'body.moveUpThreshold', touches: ['coverage_settings'] },
  { name: 'move-up minutes off the 1-3-5 tiers', request: () => json('PUT', `/coverage/settings/${f.vaduz}`, { moveUpThreshold: 0.8, moveUpMinutes: 4 }), code: 'VALIDATION_FAILED', field: 'body.moveUpMinutes', touches: ['coverage_settings'] },
  { name: 'unreadable school hours', request: () => json('PUT', `/coverage/settings/${f.vaduz}`, { categoryHours: { school: 'whenever' }, moveUpThreshold: 0.8, moveUpMinutes: 3 }), code: 'COVERAGE_HOURS_INVALID', field: 'body.categoryHours.school', touches: ['coverage_settings'] },
  { name: 'a closed-day range ending before it starts', request: () => json('PUT', `/coverage/closed-days/${f.vaduz}`, { year: 2026, days: [{ from: '2026-03-10', to: '2026-03-09', kind: 'school_holiday', name: 'Break' }] }), code: 'VALIDATION_FAILED', field: 'body.days.0.to', touches: ['closed_days', 'closed_day_lists'] },
  { name: "a closed day outside its list's year", request: () => json('PUT', `/coverage/closed-days/${f.vaduz}`, { year: 2026, days: [{ from: '2027-01-06', to: '2027-01-06', kind: 'public_holiday', name: 'Epiphany' }] }), code: 'VALIDATION_FAILED', field: 'body.days.0.from', touches: ['closed_days', 'closed_day_lists'] },
  { name: 'a closed day of no known kind', request: () => json('PUT', `/coverage/closed-days/${f.vaduz}`, { year: 2026, days: [{ from: '2026-03-10', to: '2026-03-10', kind: 'strike', name: 'Strike' }] }), code: 'VALIDATION_FAILED', field: 'body.days.0.kind', touches: ['closed_days', 'closed_day_lists'] },
  { name: 'a coverage window on days and a date at once', request: () => ({ method: 'GET', url: api('/coverage?window=07:30-08:30&days=Mo&date=2026-03-10') }), code: 'VALIDATION_FAILED', field: 'query.days' },
  { name: 'a coverage window on no real date', request: () => ({ method: 'GET', url: api('/coverage?window=07:30-08:30&date=2026-02-30') }), code: 'VALIDATION_FAILED', field: 'query.date' },
  { name: 'a move-up window that ends before it starts', request: () => ({ method: 'GET', url: api(`/coverage/move-up?jurisdictionId=${f.vaduz}&window=09:00-08:00`) }), code: 'VALIDATION_FAILED', field: 'query.window' },
  { name: 'more move-up moves than allowed', request: () => ({ method: 'GET', url: api(`/coverage/move-up?jurisdictionId=${f.vaduz}&maxMoves=50`) }), code: 'VALIDATION_FAILED', field: 'query.maxMoves' },
  { name: 'a move-up of no unit', request: () => json('POST', '/coverage/move-ups', { jurisdictionId: f.vaduz, moves: [] }), code: 'VALIDATION_FAILED', field: 'body.moves', touches: ['coverage_moves'] },
  { name: 'a move-up naming a unit twice', request: () => json('POST', '/coverage/move-ups', { jurisdictionId: f.vaduz, moves: [{ unitId: f.moveUnit, to: VADUZ_POINT }, { unitId: f.moveUnit, to: VADUZ_POINT }] }), code: 'VALIDATION_FAILED', field: 'body.moves', touches: ['coverage_moves'] },
  { name: 'a move-up of a unit off duty', request: () => json('POST', '/coverage/move-ups', { jurisdictionId: f.vaduz, moves: [{ unitId: f.moveUnit, to: VADUZ_POINT }, { unitId: f.offDutyUnit, to: VADUZ_POINT }] }), code: 'MOVE_UP_UNIT_UNAVAILABLE', field: 'body.moves.1.unitId', touches: ['coverage_moves'] },
  { name: 'ending a move-up order as something else', request: () => json('POST', `/coverage/moves/${f.move}/end`, { outcome: 'forgotten' }), code: 'VALIDATION_FAILED', field: 'body.outcome', touches: ['coverage_moves'] },
  { name: 'a placement of more posts than candidates', request: () => json('POST', '/coverage/placements', { kind: 'mclp', p: 10_000, minutes: 3, jurisdictionId: f.vaduz }), code: 'PLACEMENT_MODEL_INVALID', field: 'body.p' },
  { name: 'a placement of zero minutes', request: () => json('POST', '/coverage/placements', { kind: 'mclp', p: 1, minutes: 0, jurisdictionId: f.vaduz }), code: 'PLACEMENT_MODEL_INVALID', field: 'body.minutes' },
  { name: 'a placement on a date range ending before it starts', request: () => json('POST', '/coverage/placements', { kind: 'mclp', p: 1, minutes: 3, jurisdictionId: f.vaduz, demand: { date: '2026-03-10', until: '2026-03-09' } }), code: 'VALIDATION_FAILED', field: 'body.demand.until' },
  { name: 'a placement on a date that is none', request: () => json('POST', '/coverage/placements', { kind: 'mclp', p: 1, minutes: 3, jurisdictionId: f.vaduz, demand: { date: '2026-02-30' } }), code: 'VALIDATION_FAILED', field: 'body.demand.date' },
  { name: 'a closed day named in an unknown language', request: () => json('PUT', `/coverage/closed-days/${f.vaduz}`, { year: 2026, days: [{ from: '2026-03-10', to: '2026-03-10', kind: 'school_holiday', name: 'Break', names: { fr: 'Vacances' } }] }), code: 'VALIDATION_FAILED', field: 'body.days.0.names.fr', touches: ['closed_days', 'closed_day_lists'] },
  { name: 'a patrol shift ending before it starts', request: () => json('POST', '/coverage/patrol-plans', { ...validPatrolPlan(), shiftEnd: day(5) }), code: 'VALIDATION_FAILED', field: 'body.shiftEnd', touches: ['patrol_plans', 'patrol_posts'] },
  { name: 'a patrol window outside the shift', request: () => json('POST', '/coverage/patrol-plans', { ...validPatrolPlan(), posts: [{ ...validPatrolPlan().posts[0], windows: [{ start: day(13), end: day(15) }] }] }), code: 'VALIDATION_FAILED', field: 'body.posts.0.windows.0', touches: ['patrol_plans', 'patrol_posts'] },
  { name: 'a patrol post without windows', request: () => json('POST', '/coverage/patrol-plans', { ...validPatrolPlan(), posts: [{ ...validPatrolPlan().posts[0], windows: [] }] }), code: 'VALIDATION_FAILED', field: 'body.posts.0.windows', touches: ['patrol_plans', 'patrol_posts'] },
  { name: 'a patrol radius of 5 km', request: () => json('POST', '/coverage/patrol-plans', { ...validPatrolPlan(), radiusMetres: 5_000 }), code: 'VALIDATION_FAILED', field: 'body.radiusMetres', touches: ['patrol_plans', 'patrol_posts'] },
  { name: 'a patrol post held by a unit that does not exist', request: () => json('POST', '/coverage/patrol-plans', { ...validPatrolPlan(), posts: [{ ...validPatrolPlan().posts[0], unitId: uuidv7() }] }), code: 'VALIDATION_FAILED', field: 'body.posts.0.unitId', touches: ['patrol_plans', 'patrol_posts'] },
  { name: 'a patrol assignment to a post of no plan', request: () => json('PUT', `/coverage/patrol-plans/${f.plan}/assignments`, { assignments: [{ postId: uuidv7(), unitId: f.moveUnit }] }), code: 'VALIDATION_FAILED', field: 'body.assignments.0.postId', touches: ['patrol_plans', 'patrol_posts'] },
  { name: 'a patrol plan edit without the version read', request: () => json('PATCH', `/coverage/patrol-plans/${f.editPlan}`, { title: 'New title' }), code: 'VALIDATION_FAILED', field: 'body.expectedVersion', touches: ['patrol_plans', 'patrol_posts'] },
  { name: 'a patrol plan edit on a stale version', request: () => json('PATCH', `/coverage/patrol-plans/${f.editPlan}`, { expectedVersion: 999, title: 'New title' }), code: 'PATROL_PLAN_STALE', field: 'body.expectedVersion', touches: ['patrol_plans', 'patrol_posts'] },
  { name: 'a patrol plan edit naming a post of no plan', request: () => json('PATCH', `/coverage/patrol-plans/${f.editPlan}`, { expectedVersion: 1, posts: [{ ...validPatrolPlan().posts[0], id: uuidv7() }] }), code: 'VALIDATION_FAILED', field: 'body.posts.0.id', touches: ['patrol_plans', 'patrol_posts'] },
  { name: 'a patrol plan edit with a window outside the shift', request: () => json('PATCH', `/coverage/patrol-plans/${f.editPlan}`, { expectedVersion: 1, shiftEnd: day(7) }), code: 'VALIDATION_FAILED', field: 'body.posts.0.windows.0', touches: ['patrol_plans', 'patrol_posts'] },
  { name: 'a patrol plan cancelled without a reason', request: () => json('POST', `/coverage/patrol-plans/${f.cancelPlan}/cancel`, {}), code: 'VALIDATION_FAILED', field: 'body.reason', touches: ['patrol_plans', 'patrol_posts'] },
  { name: 'a patrol plan cancelled that does not exist', request: () => json('POST', `/coverage/patrol-plans/${uuidv7()}/cancel`, { reason: 'gone' }), code: 'NOT_FOUND', touches: ['patrol_plans', 'patrol_posts'] },
  { name: 'presence of a plan that does not exist', request: () => ({ method: 'GET', url: api(`/coverage/patrol-plans/${uuidv7()}/presence`) }), code: 'NOT_FOUND' },
  // controlled goods (issue 18): quantities are whole base units, UN numbers and classes are checked, the ledger is never overdrawn or overfilled
  { name: 'a negative quantity', request: () => json('POST', '/goods/transfers', receipt(-5)), code: 'VALIDATION_FAILED', field: 'body.quantity', touches: GOODS_TABLES },
  { name: 'a fractional quantity', request: () => json('POST', '/goods/transfers', receipt(2.5)), code: 'VALIDATION_FAILED', field: 'body.quantity', touches: GOODS_TABLES },
  { name: 'a quantity as a string', request: () => json('POST', '/goods/transfers', receipt('100')), code: 'VALIDATION_FAILED', field: 'body.quantity', touches: GOODS_TABLES },
  { name: 'an issue beyond the balance', request: () => json('POST', '/goods/transfers', { ...receipt(1_001), kind: 'issue' }), code: 'GOODS_INSUFFICIENT_BALANCE', field: 'body.quantity', touches: GOODS_TABLES },
  { name: 'a receipt beyond the licence', request: () => json('POST', '/goods/transfers', receipt(999_001)), code: 'GOODS_LICENCE_MAXIMUM_EXCEEDED', field: 'body.quantity', touches: GOODS_TABLES },
  { name: 'a movement of an item the site is not licensed for', request: () => json('POST', '/goods/transfers', { ...receipt(1), itemKey: 'UN1203' }), code: 'GOODS_NOT_LICENSED', touches: GOODS_TABLES },
  { name: 'a movement at a site that does not exist', request: () => json('POST', '/goods/transfers', { ...receipt(1), siteId: uuidv7() }), code: 'VALIDATION_FAILED', field: 'body.siteId', touches: GOODS_TABLES },
  { name: 'a dispatch by the manual movement form', request: () => json('POST', '/goods/transfers', { ...receipt(1), kind: 'dispatch' }), code: 'VALIDATION_FAILED', field: 'body.kind', touches: GOODS_TABLES },
  { name: 'another movement under a recorded id', request: () => json('POST', '/goods/transfers', { ...receipt(7), id: f.goodsReceipt }), code: 'GOODS_TRANSFER_EXISTS', field: 'body.id', touches: GOODS_TABLES },
  { name: 'a batch breaking at its second movement', request: () => json('POST', '/goods/transfers/batch', { transfers: [receipt(1), { ...receipt(5_000), kind: 'issue' }] }), code: 'GOODS_INSUFFICIENT_BALANCE', field: 'body.transfers.1.quantity', touches: GOODS_TABLES },
  { name: 'a reversal of a reversal', request: () => json('POST', `/goods/transfers/${f.goodsReversal}/reverse`, { id: uuidv7(), reason: 'Again' }), code: 'GOODS_TRANSFER_REVERSED', touches: GOODS_TABLES },
  { name: 'a reversal without a reason', request: () => json('POST', `/goods/transfers/${f.goodsReceipt}/reverse`, { id: uuidv7() }), code: 'VALIDATION_FAILED', field: 'body.reason', touches: GOODS_TABLES },
  { name: 'a UN number of three digits', request: () => json('POST', '/goods/sites', { placeId: f.place, licence: validLicence([{ ...GOODS_ITEM, unNumber: 'UN123' }]) }), code: 'VALIDATION_FAILED', field: 'body.licence.items.0.unNumber', touches: GOODS_TABLES },
  { name: 'a hazard class not in the UN list', request: () => json('POST', '/goods/sites', { placeId: f.place, licence: validLicence([{ ...GOODS_ITEM, hazardClass: '10' }]) }), code: 'VALIDATION_FAILED', field: 'body.licence.items.0.hazardClass', touches: GOODS_TABLES },
  { name: 'a fractional licence maximum', request: () => json('POST', '/goods/sites', { placeId: f.place, licence: validLicence([{ ...GOODS_ITEM, maxQuantity: 10.5 }]) }), code: 'VALIDATION_FAILED', field: 'body.licence.items.0.maxQuantity', touches: GOODS_TABLES },
  { name: 'a renewal below the stock held', request: () => json('PUT', `/goods/sites/${f.goodsSite}/licence`, { version: 1, licence: validLicence([{ ...GOODS_ITEM, maxQuantity: 10 }]) }), code: 'GOODS_LICENCE_BELOW_STOCK', touches: GOODS_TABLES },
  { name: 'a fractional count', request: () => json('POST', `/goods/sites/${f.goodsSite}/reconciliations`, { counts: [{ itemKey: 'UN1993', counted: 999.5 }] }), code: 'VALIDATION_FAILED', field: 'body.counts.0.counted', touches: GOODS_TABLES },
  { name: 'a negative count', request: () => json('POST', `/goods/sites/${f.goodsSite}/reconciliations`, { counts: [{ itemKey: 'UN1993', counted: -1 }] }), code: 'VALIDATION_FAILED', field: 'body.counts.0.counted', touches: GOODS_TABLES },
  { name: 'fixes for a permit that does not exist', request: () => ({ ...json('POST', `/goods/permits/${uuidv7()}/positions`, { fixes: [{ location: VADUZ_POINT, at: new Date().toISOString() }] }), headers: { authorization: `Bearer ${f.deviceToken}` } }), code: 'NOT_FOUND', touches: GOODS_TABLES },
  { name: 'a permit fix off the globe', request: () => ({ ...json('POST', `/goods/permits/${uuidv7()}/positions`, { fixes: [{ location: [200, 100], at: new Date().toISOString() }] }), headers: { authorization: `Bearer ${f.deviceToken}` } }), code: 'VALIDATION_FAILED', field: 'body.fixes.0.location.0', touches: GOODS_TABLES },
  { name: 'a permit of a negative quantity', request: () => json('POST', '/goods/permits', { fromSiteId: f.goodsSite, toSiteId: f.goodsSite, itemKey: 'UN1993', quantity: -1, vehicle: 'FL 1', window: { from: day(0), until: day(2) } }), code: 'VALIDATION_FAILED', field: 'body.quantity', touches: GOODS_TABLES },
  { name: 'a permit window over 72 hours', request: () => json('POST', '/goods/permits', { fromSiteId: f.goodsSite, toSiteId: f.goodsSite, itemKey: 'UN1993', quantity: 1, vehicle: 'FL 1', window: { from: day(0), until: day(100) } }), code: 'VALIDATION_FAILED', field: 'body.window.until', touches: GOODS_TABLES },
];

describe('bad input gets a 4xx problem+json naming the field, and changes nothing', () => {
  const title = (c: BadCase) => `${c.name} -> ${c.code}${c.field ? ` ${c.field.replaceAll('\u0000', '\\u0000')}` : ''}`;
  it.each(BAD.map((c) => [title(c), c] as const))('%s', async (_title, { request, code, field, touches }) => {
    const before = await snapshot(touches);
    const r = request();
    const res = await t.app.inject({ ...r, headers: { cookie, ...r.headers } });
    const problem = expectProblem(res);
    expect(problem.code).toBe(code);
    if (field) expect(problem.errors?.map((e) => e.path)).toContain(field);
    expect(await snapshot(touches)).toEqual(before);
  });
});

describe('hostile names are stored verbatim and returned as JSON data', () => {
  const HOSTILE = ["Robert'); DROP TABLE jurisdictions; --", '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "1' OR '1'='1", 'Ω≈ç√ 🚒 \\u0000 %00 ${{7*7}}'];

  it.each(HOSTILE)('a jurisdiction named %j', async (name) => {
    const count = async () => Number((await rows<{ n: string }>(t.app.platform.db, sql`select count(*) as n from jurisdictions`))[0]!.n);
    const before = await count();
    const created = await t.app.inject({ method: 'POST', url: api('/jurisdictions'), headers: { cookie }, payload: { parentId: f.oberland, name, level: 'station' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(await count()).toBe(before + 1);
    const res = await t.app.inject({ url: api(`/jurisdictions/${created.json().id}`), headers: { cookie } });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.json().name).toBe(name);
    expect(created.json().path).toMatch(/^li\.oberland\.[a-z0-9_]+$/);
  });

  it.each(HOSTILE)('a staff display name %j, and the same string as an audit filter', async (displayName) => {
    const res = await t.app.inject({ method: 'PATCH', url: api(`/staff/${f.device}`), headers: { cookie }, payload: { displayName } });
    expect(res.statusCode, res.body).toBe(200);
    const read = await t.app.inject({ url: api(`/staff/${f.device}`), headers: { cookie } });
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.json().displayName).toBe(displayName);
    const audit = await t.app.inject({ url: api(`/audit?action=${encodeURIComponent(displayName)}`), headers: { cookie: f.auditor.cookie } });
    expect(audit.statusCode).toBe(200);
    expect(audit.json()).toEqual([]);
  });

  it('answers an unknown path containing markup with problem+json, not HTML', async () => {
    const res = await t.app.inject({ url: api('/%3Cscript%3Ealert(1)%3C%2Fscript%3E'), headers: { cookie } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated bodies against every write endpoint.

const hostileString = fc.constantFrom('', ' ', '\u0000', "'; drop table users; --", '<script>alert(1)</script>', 'x'.repeat(5000), '\ud800', '🚒');
const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 300 }), hostileString);
const anyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2));
const anyScalar = fc.oneof(anyString, anyNumber, fc.boolean(), fc.constant(null));
const anyValue = fc.oneof(anyScalar, fc.array(anyScalar, { maxLength: 4 }), fc.dictionary(fc.string(), anyScalar, { maxKeys: 4 }));
const maybe = <T>(plausible: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: plausible }, { weight: 1, arbitrary: anyValue });

const idArb = () => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(f.oberland, f.vaduz, f.station) }, fc.uuid(), anyString);
const roleArb = maybe(fc.constantFrom(...ROLES));
const username = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{2,20}$/);
const password = fc.string({ minLength: 12, maxLength: 40 });
const lonLat = fc.tuple(fc.double({ min: 9.4, max: 9.7, noNaN: true }), fc.double({ min: 47, max: 47.3, noNaN: true }));
const boundaryArb = fc.oneof(
  fc.constantFrom(BOW_TIE, UNCLOSED, LON_500, HOLE_OUTSIDE, { type: 'Polygon', coordinates: square(9.52, 47.14) }, { type: 'MultiPolygon', coordinates: [square(9.52, 47.14)] }),
  // with a third coordinate (elevation), which GeoJSON allows
  fc.constant({ type: 'Polygon', coordinates: [square(9.52, 47.14)[0]!.map(([x, y]) => [x!, y!, 455])] }),
  fc.array(lonLat, { minLength: 3, maxLength: 8 }).map((ring) => ({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] })),
  anyValue,
);

interface WriteEndpoint {
  name: string;
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: () => string;
  /** The fields of a plausible body, each valid or nearly so. */
  fields: () => Record<string, fc.Arbitrary<unknown>>;
  /** The fields a valid body must have. */
  required: string[];
  /** The audit action of a successful write, or its prefix where the body picks the action. */
  audit: string;
  /** Audit actions a refusal may record on purpose (failed logins are audited). */
  auditedRefusals?: string[];
  cookie?: boolean;
  /** Whose session sends the request, when not the administrator's. */
  as?: () => TestUser;
  /** An API token to send instead of a session (an AVL device). */
  token?: () => string;
  /** Plausible bodies, when they cannot be a plain record of `fields` (a union of shapes, say). */
  plausible?: () => fc.Arbitrary<Record<string, unknown>>;
  /** Tables the endpoint could write, when not the identity ones. */
  touches?: Table[];
}

const text = (maxLength = 40) => maybe(fc.string({ minLength: 1, maxLength }));
const optionalText = maybe(fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constant(null)));
const dateIn = (from: number, to: number) => maybe(fc.date({ min: new Date(`${from}-01-01T00:00:00Z`), max: new Date(`${to}-01-01T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString()));
const timestamp = dateIn(2000, 2100);
/** Mostly left out: an optional field that, when present, is often what refuses the body. */
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, arb);
const categoryArb = maybe(fc.constantFrom(...PLACE_CATEGORIES));
const placeGeometryArb = fc.oneof(
  lonLat.map((coordinates) => ({ type: 'Point', coordinates })),
  fc.array(lonLat, { minLength: 2, maxLength: 5 }).map((coordinates) => ({ type: 'LineString', coordinates })),
  fc.constant({ type: 'Point', coordinates: [8.54, 47.37] }), // Zürich: in no jurisdiction
  boundaryArb,
);
const fileArb = () => ({
  filename: text(),
  mediaType: fc.oneof({ weight: 3, arbitrary: fc.constant('image/png') }, maybe(fc.constantFrom(...EVIDENCE_MEDIA_TYPES, 'text/html', 'image/svg+xml'))),
  contentBase64: fc.oneof(
    { weight: 3, arbitrary: fc.constant(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]).toString('base64')) },
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('base64')),
    anyString,
  ),
});
/** A time within the last day or the next two minutes: mostly acceptable as a fix or a call's receipt. */
const inLiechtenstein = fc.tuple(fc.double({ min: 9.5, max: 9.56, noNaN: true }), fc.double({ min: 47.1, max: 47.2, noNaN: true }));
const recently = () => fc.integer({ min: -86_400_000, max: 120_000 }).map((ms) => new Date(Date.now() + ms).toISOString());
const fixArb = () => fc.record({
  unitId: fc.oneof({ weight: 6, arbitrary: fc.constant(f.avlUnit) }, fc.constantFrom(f.unit, f.incident), fc.uuid(), anyString),
  location: maybe(inLiechtenstein), at: fc.oneof({ weight: 3, arbitrary: recently() }, timestamp),
  speedKmh: rarely(maybe(fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 400, noNaN: true }) }, fc.constantFrom(-1, 400.5)))),
  heading: rarely(maybe(fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 360, noNaN: true }) }, fc.constantFrom(-1, 361)))),
}, { requiredKeys: ['unitId', 'location', 'at'] });
const answerArb = () => fc.record({
  itemKey: maybe(fc.constantFrom(...f.itemKeys)),
  value: fc.oneof(fc.constantFrom('pass', 'fail', 'na'), fc.double(), fc.integer({ min: -10, max: 1000 }), fc.string({ minLength: 1, maxLength: 20 }), anyValue),
  note: text(),
}, { requiredKeys: ['itemKey', 'value'] });
const checklistItemArb = fc.record({
  key: maybe(fc.stringMatching(/^[a-z0-9_]{1,12}$/)), text: text(), answerType: maybe(fc.constantFrom(...ANSWER_TYPES)), mandatory: maybe(fc.boolean()),
  weight: maybe(fc.integer({ min: 0, max: 100 })), severity: maybe(fc.constantFrom(...HAZARD_GRADES)), min: maybe(fc.integer()), max: maybe(fc.integer()),
  options: maybe(fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 4 })), failing: maybe(fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 2 })),
}, { requiredKeys: ['key', 'text', 'answerType'] });

const WRITES: WriteEndpoint[] = [
  {
    name: 'POST /staff', method: 'POST', url: () => '/staff', audit: 'staff.created',
    required: ['username', 'displayName', 'jurisdictionId', 'password'],
    fields: () => ({
      username: maybe(username), displayName: maybe(fc.string({ minLength: 1, maxLength: 40 })), kind: maybe(fc.constantFrom('staff', 'device')),
      jurisdictionId: idArb(), password: maybe(password), grants: maybe(fc.array(fc.record({ role: roleArb, jurisdictionId: idArb() }), { maxLength: 3 })),
    }),
  },
  {
    name: 'PATCH /staff/:id', method: 'PATCH', url: () => `/staff/${f.device}`, audit: 'staff.updated',
    required: [],
    fields: () => ({ displayName: maybe(fc.string({ minLength: 1, maxLength: 40 })), disabled: maybe(fc.boolean()), password: maybe(password) }),
  },
  {
    name: 'POST /staff/:id/grants', method: 'POST', url: () => `/staff/${f.device}/grants`, audit: 'staff.grant_added',
    required: ['role', 'jurisdictionId'],
    fields: () => ({ role: roleArb, jurisdictionId: idArb() }),
  },
  {
    name: 'POST /jurisdictions', method: 'POST', url: () => '/jurisdictions', audit: 'jurisdictions.created',
    required: ['parentId', 'name', 'level'],
    fields: () => ({
      parentId: idArb(), name: maybe(fc.string({ minLength: 1, maxLength: 40 })), slug: maybe(fc.stringMatching(/^[a-z0-9_]{1,20}$/)),
      level: maybe(fc.constantFrom('national', 'region', 'municipality', 'station')), boundary: boundaryArb,
    }),
  },
  {
    name: 'PATCH /jurisdictions/:id', method: 'PATCH', url: () => `/jurisdictions/${f.station}`, audit: 'jurisdictions.updated',
    required: [],
    fields: () => ({ name: maybe(fc.string({ minLength: 1, maxLength: 40 })), boundary: boundaryArb }),
  },
  {
    name: 'POST /auth/login', method: 'POST', url: () => '/auth/login', audit: 'auth.logged_in', cookie: false,
    auditedRefusals: ['auth.login_failed'],
    required: ['username', 'password'],
    fields: () => ({ username: fc.oneof(fc.constant(f.loginUser.username), anyString), password: fc.oneof(fc.constant(f.loginUser.password), anyString) }),
  },
  {
    name: 'POST /auth/tokens', method: 'POST', url: () => '/auth/tokens', audit: 'auth.token_created',
    required: ['name'],
    fields: () => ({ name: maybe(fc.string({ minLength: 1, maxLength: 40 })), expiresInDays: maybe(fc.integer({ min: 1, max: 3650 })) }),
  },
  {
    name: 'POST /places', method: 'POST', url: () => '/places', audit: 'places.created', touches: ['places'],
    required: ['name', 'category', 'geometry'],
    fields: () => ({ name: text(), category: categoryArb, geometry: placeGeometryArb, jurisdictionId: fc.option(idArb(), { nil: undefined }), operator: optionalText, contact: optionalText, responsiblePost: optionalText }),
  },
  {
    name: 'PATCH /places/:id', method: 'PATCH', url: () => `/places/${f.place}`, audit: 'places.updated', touches: ['places'],
    required: ['version'],
    fields: () => ({ version: maybe(fc.integer({ min: 1, max: 3 })), name: text(), category: categoryArb, geometry: placeGeometryArb, operator: optionalText, contact: optionalText, responsiblePost: optionalText }),
  },
  {
    name: 'POST /checklists', method: 'POST', url: () => '/checklists', audit: 'checklists.published', touches: ['checklist_templates'],
    required: ['key', 'title', 'categories', 'source', 'sections'],
    fields: () => ({
      key: maybe(fc.stringMatching(/^[a-z0-9_]{1,12}$/)), title: text(), categories: maybe(fc.array(fc.constantFrom(...PLACE_CATEGORIES), { minLength: 1, maxLength: 3 })), source: text(),
      sections: fc.oneof({ weight: 2, arbitrary: fc.constant([{ key: 'exits', title: 'Exits', items: [{ key: 'exit_clear', text: 'Exit clear?', answerType: 'yes_no' }] }]) }, fc.array(fc.record({ key: maybe(fc.stringMatching(/^[a-z0-9_]{1,12}$/)), title: text(), items: maybe(fc.array(checklistItemArb, { minLength: 1, maxLength: 3 })) }), { minLength: 1, maxLength: 2 }), anyValue),
    }),
  },
  {
    name: 'POST /inspections', method: 'POST', url: () => '/inspections', audit: 'inspections.recorded', touches: INSPECTION_TABLES,
    required: ['placeId', 'templateId', 'answers'],
    fields: () => ({
      placeId: fc.oneof({ weight: 6, arbitrary: fc.constant(f.place) }, fc.uuid(), anyString), templateId: fc.oneof({ weight: 6, arbitrary: fc.constant(f.templateId) }, fc.uuid(), anyString),
      answers: fc.oneof({ weight: 2, arbitrary: fc.constant(f.passing) }, maybe(fc.array(answerArb(), { maxLength: 6 })), fc.tuple(fc.nat(), answerArb()).map(([i, a]) => f.passing.map((p, j): unknown => (j === i % f.passing.length ? a : p)))),
      note: text(),
      position: rarely(fc.record({ lon: maybe(fc.double({ min: 9.4, max: 9.7, noNaN: true })), lat: maybe(fc.double({ min: 47, max: 47.3, noNaN: true })), accuracyM: maybe(fc.double({ min: 0, max: 100 })) }, { requiredKeys: ['lon', 'lat'] })),
      verifies: rarely(fc.array(fc.oneof(fc.constantFrom(f.hazard, f.majorHazard), fc.uuid()), { maxLength: 2 })),
    }),
  },
  {
    name: 'POST /inspections/:id/attachments', method: 'POST', url: () => `/inspections/${f.inspection}/attachments`, audit: 'inspections.file_attached', touches: INSPECTION_TABLES,
    required: ['filename', 'mediaType', 'contentBase64'],
    fields: () => ({ ...fileArb(), itemKey: maybe(fc.constantFrom(...f.itemKeys, 'no_such_item')) }),
  },
  {
    name: 'POST /hazards', method: 'POST', url: () => '/hazards', audit: 'hazards.raised', touches: HAZARD_TABLES,
    required: ['placeId', 'grade', 'title'],
    fields: () => ({ placeId: fc.oneof({ weight: 6, arbitrary: fc.constant(f.place) }, fc.uuid(), anyString), grade: maybe(fc.constantFrom(...HAZARD_GRADES)), title: text(), description: text(200) }),
  },
  {
    name: 'POST /hazards/:id/actions', method: 'POST', url: () => `/hazards/${f.hazard}/actions`, audit: 'hazards.', touches: HAZARD_TABLES,
    required: ['action'],
    plausible: () => fc.oneof(
      fc.record({ action: fc.constant('start'), rectificationPlan: text(), interimControls: text(), stopUse: maybe(fc.boolean()) }, { requiredKeys: ['action'] }),
      fc.record({ action: fc.constant('submit'), fixNote: text() }),
      fc.record({ action: fc.constant('reject'), reason: text() }),
      fc.record({ action: fc.constant('verify'), note: text() }),
      fc.constant({ action: 'close' }),
    ),
    fields: () => ({
      action: maybe(fc.constantFrom('start', 'submit', 'reject', 'verify', 'close')), rectificationPlan: text(), interimControls: text(), stopUse: maybe(fc.boolean()),
      fixNote: text(), reason: text(), note: text(),
    }),
  },
  {
    name: 'POST /hazards/:id/extensions', method: 'POST', url: () => `/hazards/${f.majorHazard}/extensions`, audit: 'hazards.extension_requested', touches: HAZARD_TABLES,
    required: ['reason', 'requestedDueAt'],
    fields: () => ({ reason: text(), requestedDueAt: timestamp }),
  },
  {
    name: 'POST /hazards/:id/extensions/decision', method: 'POST', url: () => `/hazards/${f.majorHazard}/extensions/decision`, audit: 'hazards.extension_decided', touches: HAZARD_TABLES, as: () => f.verifier,
    required: ['approve'],
    fields: () => ({ approve: maybe(fc.boolean()), note: text() }),
  },
  {
    name: 'POST /hazards/:id/supervision', method: 'POST', url: () => `/hazards/${f.majorHazard}/supervision`, audit: 'hazards.supervision_listed', touches: HAZARD_TABLES,
    required: ['jurisdictionId'],
    fields: () => ({ jurisdictionId: idArb() }),
  },
  {
    name: 'POST /hazards/:id/evidence', method: 'POST', url: () => `/hazards/${f.hazard}/evidence`, audit: 'hazards.evidence_added', touches: HAZARD_TABLES,
    required: ['filename', 'mediaType', 'contentBase64'],
    fields: () => ({ ...fileArb(), caption: text() }),
  },
  {
    name: 'PUT /hazard-deadlines/:id', method: 'PUT', url: () => `/hazard-deadlines/${f.vaduz}`, audit: 'hazards.deadline_policy_set', touches: HAZARD_TABLES,
    required: ['generalDays', 'majorDays'],
    fields: () => ({ generalDays: maybe(fc.integer({ min: -5, max: 400 })), majorDays: maybe(fc.integer({ min: -5, max: 800 })) }),
  },
  {
    name: 'POST /campaigns', method: 'POST', url: () => '/campaigns', audit: 'campaigns.issued', touches: CAMPAIGN_TABLES,
    required: ['title', 'jurisdictionId', 'categories', 'startsAt', 'endsAt'],
    fields: () => ({
      title: text(), jurisdictionId: idArb(), categories: maybe(fc.array(fc.constantFrom(...PLACE_CATEGORIES), { minLength: 1, maxLength: 3 })),
      // Periods mostly in order, sometimes not.
      scopeJurisdictionIds: rarely(fc.array(idArb(), { minLength: 1, maxLength: 3 })),
      startsAt: fc.oneof({ weight: 3, arbitrary: dateIn(2020, 2030) }, timestamp), endsAt: fc.oneof({ weight: 3, arbitrary: dateIn(2030, 2040) }, timestamp),
      dueAt: rarely(timestamp), missedAt: rarely(dateIn(2040, 2100)),
    }),
  },
  {
    name: 'POST /units', method: 'POST', url: () => '/units', audit: 'units.registered', touches: UNIT_TABLES,
    required: ['callSign', 'kind', 'jurisdictionId', 'crewSize'],
    fields: () => ({
      callSign: text(), kind: maybe(fc.constantFrom(...UNIT_KINDS)), jurisdictionId: idArb(),
      homeStationId: rarely(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(f.fireStation, f.place) }, fc.uuid(), anyString)),
      homeLocation: fc.oneof({ weight: 3, arbitrary: lonLat }, fc.constant(undefined), anyValue), crewSize: maybe(fc.integer({ min: -2, max: 110 })),
      capabilities: maybe(fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9_]{1,12}$/), fc.string({ maxLength: 12 })), { maxLength: 4 })), onDuty: maybe(fc.boolean()),
    }),
  },
  {
    name: 'PATCH /units/:id', method: 'PATCH', url: () => `/units/${f.unit}`, audit: 'units.updated', touches: UNIT_TABLES,
    required: [],
    fields: () => ({ crewSize: maybe(fc.integer({ min: -2, max: 110 })), capabilities: maybe(fc.array(fc.stringMatching(/^[a-z0-9_]{1,12}$/), { maxLength: 4 })), homeLocation: maybe(lonLat) }),
  },
  {
    name: 'POST /units/:id/actions', method: 'POST', url: () => `/units/${f.unit}/actions`, audit: 'units.status_changed', touches: UNIT_TABLES,
    required: ['action'],
    fields: () => ({ action: maybe(fc.constantFrom('on_duty', 'off_duty', 'out_of_service', 'in_service', 'at_station')) }),
  },
  {
    name: 'POST /avl/positions (device token)', method: 'POST', url: () => '/avl/positions', audit: 'units.positions_reported', touches: UNIT_TABLES, token: () => f.deviceToken,
    required: ['fixes'],
    fields: () => ({ fixes: maybe(fc.array(fixArb(), { minLength: 1, maxLength: 3 })) }),
  },
  {
    name: 'POST /incidents', method: 'POST', url: () => '/incidents', audit: 'incidents.opened', touches: DISPATCH_TABLES,
    required: ['type', 'priority', 'location'],
    fields: () => ({
      type: maybe(fc.constantFrom(...INCIDENT_TYPES)), priority: maybe(fc.constantFrom(...PRIORITIES)),
      location: fc.oneof({ weight: 4, arbitrary: inLiechtenstein }, lonLat, fc.constant([8.54, 47.37]), anyValue), address: rarely(text(200)),
      callerNumber: rarely(maybe(fc.stringMatching(/^\+?[0-9 ()-]{3,30}$/))), narrative: rarely(text(200)), receivedAt: rarely(fc.oneof(recently(), timestamp)),
    }),
  },
  {
    name: 'POST /incidents/:id/purge-caller', method: 'POST', url: () => `/incidents/${f.incident}/purge-caller`, audit: 'incidents.caller_purged', touches: DISPATCH_TABLES,
    required: [],
    fields: () => ({}),
  },
  {
    name: 'POST /incidents/:id/assignments', method: 'POST', url: () => `/incidents/${f.incident}/assignments`, audit: 'dispatch.unit_assigned', touches: DISPATCH_TABLES,
    required: ['unitIds'],
    fields: () => ({ unitIds: maybe(fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...f.freeUnits, f.unit) }, fc.uuid(), anyString), { minLength: 1, maxLength: 3 })) }),
  },
  {
    name: 'POST /assignments/:id/actions', method: 'POST', url: () => `/assignments/${f.assignment}/actions`, audit: 'dispatch.assignment_changed', touches: DISPATCH_TABLES,
    required: ['action'],
    fields: () => ({ action: maybe(fc.constantFrom('acknowledge', 'en_route', 'on_scene', 'clear', 'cancel')) }),
  },
  {
    // Either another incident or another unit; a success ends the assignment, and later bodies meet a 409.
    name: 'POST /assignments/:id/reassign', method: 'POST', url: () => `/assignments/${f.reassignable}/reassign`, audit: 'dispatch.unit_reassigned', touches: DISPATCH_TABLES,
    required: [],
    fields: () => ({
      incidentId: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(f.incident, f.incident2, f.duplicate) }, fc.uuid(), anyString),
      unitId: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...f.freeUnits, f.unit) }, fc.uuid(), anyString),
    }),
    plausible: () => fc.oneof(
      fc.record({ incidentId: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(f.incident, f.duplicate) }, fc.uuid(), anyString) }),
      fc.record({ unitId: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...f.freeUnits, f.unit) }, fc.uuid(), anyString) }),
    ),
  },
  {
    name: 'PUT /incidents/:id/duplicate-of', method: 'PUT', url: () => `/incidents/${f.duplicate}/duplicate-of`, audit: 'incidents.duplicate_linked', touches: DISPATCH_TABLES,
    required: ['duplicateOf'],
    fields: () => ({ duplicateOf: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(f.incident, f.incident2, f.duplicate) }, fc.uuid(), anyString) }),
  },
  {
    name: 'DELETE /incidents/:id/duplicate-of', method: 'DELETE', url: () => `/incidents/${f.duplicate}/duplicate-of`, audit: 'incidents.duplicate_unlinked', touches: DISPATCH_TABLES,
    required: [],
    fields: () => ({}),
  },
  {
    // The first success closes it; later bodies meet a 409.
    name: 'POST /incidents/:id/close', method: 'POST', url: () => `/incidents/${f.toClose}/close`, audit: 'incidents.closed', touches: DISPATCH_TABLES,
    required: ['disposition'],
    fields: () => ({ disposition: maybe(fc.constantFrom(...INCIDENT_DISPOSITIONS)), note: rarely(text(200)) }),
  },
  {
    name: 'POST /mutual-aid-agreements', method: 'POST', url: () => '/mutual-aid-agreements', audit: 'mutual_aid.agreement_created', touches: ['mutual_aid_agreements'],
    required: ['providingJurisdictionId', 'requestingJurisdictionId', 'unitKinds'],
    fields: () => {
      const side = () => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(f.schaan, f.vaduz, f.oberland, f.station) }, fc.uuid(), anyString);
      return { providingJurisdictionId: side(), requestingJurisdictionId: side(), unitKinds: maybe(fc.array(fc.constantFrom(...UNIT_KINDS), { minLength: 1, maxLength: 4 })), mutual: maybe(fc.boolean()), note: text(200) };
    },
  },
  {
    name: 'POST /mutual-aid-agreements/:id/revoke', method: 'POST', url: () => `/mutual-aid-agreements/${f.agreement}/revoke`, audit: 'mutual_aid.agreement_revoked', touches: ['mutual_aid_agreements'],
    required: [],
    fields: () => ({}),
  },
  {
    name: 'POST /history/imports', method: 'POST', url: () => '/history/imports', audit: 'incidents.history_imported', touches: ['incidents'],
    required: ['jurisdictionId', 'mapping', 'csv'],
    fields: () => ({
      jurisdictionId: idArb(),
      mapping: fc.oneof({ weight: 4, arbitrary: fc.constant('sf-fire') }, text(), maybe(fc.constant(SF_FIRE_MAPPING))),
      source: text(),
      // A fresh call number per body: a re-import adds nothing and so writes no audit row.
      csv: fc.oneof({ weight: 3, arbitrary: fc.constant(null).map(() => sfFireCsv(`fuzz-${++fuzzCalls}`)) }, text(500)),
    }),
  },
  {
    name: 'PUT /response-plans', method: 'PUT', url: () => '/response-plans', audit: 'dispatch.response_plan_set', touches: ['response_plans'],
    required: ['jurisdictionId', 'incidentType', 'priority', 'tiers'],
    fields: () => ({
      jurisdictionId: idArb(), incidentType: maybe(fc.constantFrom(...INCIDENT_TYPES)), priority: maybe(fc.constantFrom(...PRIORITIES)),
      tiers: maybe(fc.array(fc.record({
        tier: maybe(fc.integer({ min: 0, max: 11 })),
        slots: maybe(fc.array(fc.record({ kind: maybe(fc.constantFrom(...UNIT_KINDS)), units: maybe(fc.integer({ min: 0, max: 51 })) }), { minLength: 1, maxLength: 3 })),
      }), { minLength: 1, maxLength: 3 })),
    }),
  },
  {
    name: 'POST /posts', method: 'POST', url: () => '/posts', audit: 'posts.created', touches: POST_TABLES,
    required: ['jurisdictionId', 'kind', 'title'],
    fields: () => ({ jurisdictionId: idArb(), kind: maybe(fc.constantFrom(...POST_KINDS)), title: text() }),
  },
  {
    name: 'POST /posts/:id/handovers', method: 'POST', url: () => `/posts/${f.post}/handovers`, audit: 'posts.handed_over', touches: POST_TABLES,
    required: ['userId'],
    fields: () => ({ userId: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(f.loginUser.id, f.auditor.id, f.device, null) }, fc.uuid(), anyString) }),
  },
  {
    name: 'POST /directives', method: 'POST', url: () => '/directives', audit: 'directives.issued', touches: DIRECTIVE_TABLES,
    required: ['issuerJurisdictionId', 'title', 'content', 'requiredActions', 'targetJurisdictionIds', 'acknowledgeBy', 'reportBy'],
    fields: () => ({
      issuerJurisdictionId: idArb(), title: text(), content: text(200), requiredActions: maybe(fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 3 })),
      targetJurisdictionIds: maybe(fc.array(idArb(), { minLength: 1, maxLength: 3 })),
      // Deadlines mostly ahead and in order, sometimes not.
      acknowledgeBy: fc.oneof({ weight: 3, arbitrary: dateIn(2030, 2035) }, timestamp), reportBy: fc.oneof({ weight: 3, arbitrary: dateIn(2035, 2040) }, timestamp),
    }),
  },
  {
    name: 'POST /directives/:id/targets/:jurisdictionId/acknowledgement', method: 'POST', url: () => `/directives/${f.ackDirective}/targets/${f.vaduz}/acknowledgement`, audit: 'directives.acknowledged', touches: DIRECTIVE_TABLES,
    required: [],
    fields: () => ({ note: text(200) }),
  },
  {
    name: 'POST /directives/:id/targets/:jurisdictionId/report', method: 'POST', url: () => `/directives/${f.reportDirective}/targets/${f.vaduz}/report`, audit: 'directives.reported', touches: DIRECTIVE_TABLES,
    required: ['report'],
    fields: () => ({ report: text(200) }),
  },
  {
    // Before POST /tasks, which may give the task subtasks (and then it takes no reports).
    name: 'POST /tasks/:id/reports', method: 'POST', url: () => `/tasks/${f.task}/reports`, audit: 'tasks.progress_reported', touches: DIRECTIVE_TABLES,
    required: ['percent', 'note'],
    fields: () => ({ percent: maybe(fc.integer({ min: -5, max: 105 })), note: text(), evidence: rarely(maybe(fc.array(fc.record(fileArb(), { requiredKeys: ['filename', 'mediaType', 'contentBase64'] }), { maxLength: 5 }))) }),
  },
  {
    name: 'POST /tasks/:id/reassignment', method: 'POST', url: () => `/tasks/${f.task}/reassignment`, audit: 'tasks.reassigned', touches: DIRECTIVE_TABLES,
    required: ['ownerPostId', 'reason'],
    fields: () => ({ ownerPostId: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(f.post, f.otherPost) }, fc.uuid(), anyString), reason: text() }),
  },
  {
    name: 'POST /tasks/:id/redecomposition', method: 'POST', url: () => `/tasks/${f.task}/redecomposition`, audit: 'tasks.redecomposed', touches: DIRECTIVE_TABLES,
    required: ['reason'],
    fields: () => ({
      parentTaskId: rarely(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(f.parentTask, f.task, null) }, fc.uuid(), anyString)),
      weight: rarely(maybe(fc.integer({ min: -1, max: 1001 }))), dueAt: rarely(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(inDays(2), inDays(4)) }, timestamp)), reason: text(),
    }),
  },
  {
    name: 'POST /supervision/visits', method: 'POST', url: () => '/supervision/visits', audit: 'supervision.visit_recorded', touches: SUPERVISION_TABLES,
    required: ['subjectType', 'subjectId', 'summary'],
    fields: () => ({
      subjectType: maybe(fc.constantFrom('task', 'unit', 'place')),
      subjectId: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(f.place, f.task, f.unit) }, fc.uuid(), anyString),
      visitedAt: rarely(fc.oneof(recently(), timestamp)), summary: text(200),
      findings: rarely(maybe(fc.array(fc.record({
        description: text(), correction: rarely(maybe(fc.record({ grade: maybe(fc.constantFrom(...HAZARD_GRADES)), title: text(), description: rarely(text()) }, { requiredKeys: ['grade', 'title'] }))),
      }, { requiredKeys: ['description'] }), { maxLength: 3 }))),
      verifies: rarely(maybe(fc.array(fc.oneof(fc.constantFrom(f.hazard, f.majorHazard), fc.uuid(), anyString), { maxLength: 2 }))),
    }),
  },
  {
    name: 'POST /standing-duties', method: 'POST', url: () => '/standing-duties', audit: 'standing_duties.created', touches: DIRECTIVE_TABLES,
    required: ['ownerPostId', 'title', 'everyDays', 'startsAt'],
    fields: () => ({
      ownerPostId: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(f.post, f.otherPost) }, fc.uuid(), anyString), title: text(), category: rarely(maybe(fc.constantFrom('school', 'hospital'))),
      everyDays: maybe(fc.integer({ min: -1, max: 400 })), startsAt: fc.oneof({ weight: 3, arbitrary: fc.constant(inDays(1)) }, timestamp), endsAt: rarely(fc.oneof(fc.constantFrom(inDays(0), inDays(60)), timestamp)),
    }),
  },
  {
    name: 'POST /tasks', method: 'POST', url: () => '/tasks', audit: 'tasks.created', touches: DIRECTIVE_TABLES,
    required: ['directiveId', 'ownerPostId', 'title', 'dueAt'],
    fields: () => ({
      directiveId: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(f.ackDirective, f.reportDirective) }, fc.uuid(), anyString), parentTaskId: rarely(fc.oneof(fc.constant(f.task), fc.uuid(), anyString)),
      campaignId: rarely(fc.oneof(fc.constant(f.campaign), fc.uuid(), anyString)),
      ownerPostId: fc.oneof({ weight: 6, arbitrary: fc.constant(f.post) }, fc.uuid(), anyString), title: text(), dueAt: fc.oneof({ weight: 3, arbitrary: fc.constant(inDays(3)) }, timestamp),
      weight: rarely(maybe(fc.integer({ min: -1, max: 1001 }))),
    }),
  },
  {
    name: 'PUT /coverage/settings/:id', method: 'PUT', url: () => `/coverage/settings/${f.vaduz}`, audit: 'coverage.settings_set', touches: ['coverage_settings'],
    required: ['moveUpThreshold', 'moveUpMinutes'],
    fields: () => ({
      moveUpThreshold: maybe(fc.double({ min: -0.5, max: 1.5, noNaN: true })), moveUpMinutes: maybe(fc.constantFrom(1, 3, 5, 4)),
      categoryHours: rarely(maybe(fc.record({ school: fc.oneof(fc.constantFrom('Mo-Fr 07:30-16:30', 'Mo-Fr 25:00-26:00', 'sunrise-sunset'), fc.string({ maxLength: 30 })) }))),
      expectedVersion: rarely(maybe(fc.integer({ min: 0, max: 5 }))),
    }),
  },
  {
    name: 'PUT /coverage/closed-days/:jurisdictionId', method: 'PUT', url: () => `/coverage/closed-days/${f.vaduz}`, audit: 'coverage.closed_days', touches: ['closed_days', 'closed_day_lists'],
    required: ['year', 'days'],
    fields: () => {
      const date = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)) }, fc.constantFrom('2026-02-30', '2026-13-01', ''), anyString);
      return {
        year: maybe(fc.constantFrom(2026, 2027, 1999, 2026.5)),
        days: maybe(fc.array(fc.record({
          from: maybe(date), to: maybe(date), kind: maybe(fc.constantFrom('public_holiday', 'school_holiday', 'strike')), name: maybe(text()),
          categories: rarely(maybe(fc.array(fc.constantFrom('school', 'kindergarten', 'castle'), { maxLength: 3 }))),
        }, { requiredKeys: [] }), { maxLength: 3 })),
        expectedVersion: rarely(maybe(fc.integer({ min: 0, max: 5 }))),
      };
    },
  },
  {
    name: 'POST /coverage/move-ups', method: 'POST', url: () => '/coverage/move-ups', audit: 'coverage.move_up_ordered', touches: ['coverage_moves'],
    required: ['jurisdictionId', 'moves'],
    fields: () => ({
      jurisdictionId: idArb(),
      moves: maybe(fc.array(fc.record({ unitId: fc.oneof({ weight: 4, arbitrary: fc.constant(f.moveUnit) }, fc.constantFrom(f.unit, f.incident), fc.uuid(), anyString), to: maybe(inLiechtenstein), etaSeconds: rarely(maybe(fc.double({ min: -5, max: 900, noNaN: true }))) }, { requiredKeys: ['unitId', 'to'] }), { minLength: 0, maxLength: 3 })),
      shareBefore: rarely(maybe(fc.double({ min: -0.5, max: 1.5, noNaN: true }))),
    }),
  },
  {
    name: 'POST /coverage/moves/:id/end', method: 'POST', url: () => `/coverage/moves/${f.move}/end`, audit: 'coverage.move_up_ended', touches: ['coverage_moves'],
    required: ['outcome'],
    fields: () => ({ outcome: maybe(fc.constantFrom('cancelled', 'completed')), reason: rarely(optionalText) }),
  },
  {
    name: 'POST /coverage/patrol-plans', method: 'POST', url: () => '/coverage/patrol-plans', audit: 'coverage.patrol_plan_created', touches: ['patrol_plans', 'patrol_posts'],
    required: ['jurisdictionId', 'title', 'shiftStart', 'shiftEnd', 'posts'],
    fields: () => {
      const hour = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 5, max: 15 }).map(day) }, timestamp);
      return {
        jurisdictionId: idArb(), title: text(), shiftStart: hour, shiftEnd: hour, radiusMetres: rarely(maybe(fc.integer({ min: 0, max: 2_000 }))),
        posts: maybe(fc.array(fc.record({
          name: text(), location: maybe(inLiechtenstein), windows: maybe(fc.array(fc.record({ start: hour, end: hour }), { minLength: 0, maxLength: 3 })),
          unitId: rarely(fc.oneof(fc.constantFrom(f.moveUnit, f.unit, f.incident), fc.uuid(), fc.constant(null), anyString)),
        }, { requiredKeys: ['name', 'location', 'windows'] }), { minLength: 0, maxLength: 3 })),
      };
    },
  },
  {
    name: 'PUT /coverage/patrol-plans/:id/assignments', method: 'PUT', url: () => `/coverage/patrol-plans/${f.plan}/assignments`, audit: 'coverage.patrol_units_assigned', touches: ['patrol_plans', 'patrol_posts'],
    required: ['assignments'],
    fields: () => ({
      assignments: maybe(fc.array(fc.record({
        postId: fc.oneof({ weight: 4, arbitrary: fc.constant(f.planPost) }, fc.uuid(), anyString),
        unitId: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(f.moveUnit, f.unit) }, fc.constant(null), fc.constant(f.incident), fc.uuid(), anyString),
      }), { minLength: 0, maxLength: 3 })),
    }),
  },
  {
    name: 'PATCH /coverage/patrol-plans/:id', method: 'PATCH', url: () => `/coverage/patrol-plans/${f.editPlan}`, audit: 'coverage.patrol_plan_edited', touches: ['patrol_plans', 'patrol_posts'],
    required: ['expectedVersion'],
    fields: () => {
      const hour = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 5, max: 15 }).map(day) }, timestamp);
      return {
        expectedVersion: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }) }, fc.integer(), anyString), title: rarely(text()), shiftStart: rarely(hour), shiftEnd: rarely(hour),
        posts: maybe(fc.array(fc.record({
          id: rarely(fc.oneof(fc.uuid(), anyString)), name: text(), location: maybe(inLiechtenstein), windows: maybe(fc.array(fc.record({ start: hour, end: hour }), { minLength: 0, maxLength: 3 })),
        }, { requiredKeys: ['name', 'location', 'windows'] }), { minLength: 0, maxLength: 3 })),
      };
    },
  },
  {
    name: 'POST /coverage/patrol-plans/:id/cancel', method: 'POST', url: () => `/coverage/patrol-plans/${f.cancelPlan}/cancel`, audit: 'coverage.patrol_plan_cancelled', touches: ['patrol_plans', 'patrol_posts'],
    required: ['reason'],
    fields: () => ({ reason: text(500) }),
  },
];

type Body = { json: unknown } | { raw: string };

/** A valid-looking body with one field dropped, replaced or added. */
function mutated(plausible: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> {
  return fc.tuple(plausible, fc.oneof(fc.string(), fc.constantFrom('username', 'name', 'password', 'jurisdictionId', 'role', 'placeId', 'geometry', 'action', 'answers')), fc.constantFrom('drop', 'set'), anyValue).map(([body, key, op, value]) => {
    const copy = { ...body };
    if (op === 'drop') delete copy[key];
    else copy[key] = value;
    return { json: copy };
  });
}

function bodies(e: WriteEndpoint): fc.Arbitrary<Body> {
  const plausible = e.plausible?.() ?? fc.record(e.fields(), { requiredKeys: e.required });
  return fc.oneof(
    fc.anything().map((json) => ({ json })),
    fc.object().map((json) => ({ json })),
    fc.string().map((raw) => ({ raw })),
    fc.record(e.fields(), { requiredKeys: [] }).map((json) => ({ json })),
    { weight: 3, arbitrary: plausible.map((json) => ({ json })) },
    { weight: 3, arbitrary: mutated(plausible) },
  );
}

function credentialsOf(e: WriteEndpoint): Record<string, string> {
  if (e.cookie === false) return {};
  return e.token ? { authorization: `Bearer ${e.token()}` } : { cookie: e.as?.().cookie ?? cookie };
}

async function fireAndCheck(e: WriteEndpoint, body: Body): Promise<void> {
  const payload = 'raw' in body ? body.raw : JSON.stringify(body.json);
  const before = await snapshot(e.touches);
  const res = await t.app.inject({
    method: e.method,
    url: api(e.url()),
    headers: { ...credentialsOf(e), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload }),
  });
  expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeLessThan(500);
  const added = await auditActionsAfter(before.audit_seq);
  if (res.statusCode < 300) {
    expect(added.some((a) => a.startsWith(e.audit)), `a successful write has its audit row ${e.audit}: ${added.join(', ')}`).toBe(true);
    return;
  }
  expectProblem(res);
  const after = await snapshot(e.touches);
  if (added.length === 0) {
    expect(after).toEqual(before);
  } else {
    // A refused login is recorded on purpose (audit row, event, failure count); nothing else moves.
    expect(added.every((a) => e.auditedRefusals?.includes(a)), `refusal recorded ${added.join(', ')}`).toBe(true);
    const untouched = ({ audit_seq: _seq, outbox: _outbox, users: _users, ...rest }: Record<string, unknown>) => rest;
    expect(untouched(after)).toEqual(untouched(before));
  }
}

describe('generated bodies at every write endpoint: never a 5xx, always problem+json, never a partial write', () => {
  it.each(WRITES)('$name', async (e) => {
    await fc.assert(fc.asyncProperty(bodies(e), (body) => fireAndCheck(e, body)), { numRuns: 80 });
  }, 60_000);

  it('leaves an intact audit chain', async () => {
    const result = await verifyAuditChain(t.app.platform.db, t.app.platform.auditKeys.macKey);
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });
});
