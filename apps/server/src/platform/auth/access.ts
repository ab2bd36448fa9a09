import { ROLE_PERMISSIONS, type Permission, type Role } from '@firebreak/contracts';

/**
 * The one place where authorization is decided. A grant of a role on a jurisdiction gives the
 * role's permissions on that jurisdiction and its whole subtree, and nowhere else.
 */
export interface ActorGrant {
  id: string;
  role: Role;
  jurisdictionId: string;
  path: string;
  jurisdictionName: string;
}

/**
 * What a mutual aid agreement lends the actor: the units of kinds `unitKinds` in the providing
 * jurisdiction's subtree, which the actor (a dispatcher of the requesting jurisdiction) may see
 * and send. Loaded with the actor (kept per node until any agreement changes: identity/actor-cache.ts), so a revoked agreement stops at once.
 */
export interface AidGrant {
  agreementId: string;
  requestingPath: string;
  providingPath: string;
  unitKinds: readonly string[];
}

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'device';
  grants: ActorGrant[];
  /** Units lent by mutual aid agreements (absent: none). */
  aid?: AidGrant[];
  via: { kind: 'session'; sessionId: string } | { kind: 'token'; tokenId: string } | { kind: 'system' };
}

/** ltree semantics of `ancestor @> path`: equal, or a descendant. */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** May the actor exercise `permission` on the jurisdiction at `path`? */
export function can(actor: Actor, permission: Permission, path: string | null): boolean {
  return actor.grants.some(
    (g) => roleHas(g.role, permission) && (path === null ? isRootPath(g.path) : isWithin(path, g.path)),
  );
}

/**
 * May the actor manage this account: rename, disable or enable it, reset its password, change its
 * grants, see or mint its API tokens? Only when the whole account lies where the actor administers
 * (holds `staff:manage`): its home and every jurisdiction it holds a role on. The home alone is not
 * enough: a national administrator homed in a town would otherwise be taken over by the town's
 * administrator (a new password or token is the national role). Several disjoint subtrees may
 * together cover an account; each of its jurisdictions must lie in one of them.
 */
export function mayManageAccount(actor: Actor, account: { homePath: string; grantPaths: readonly string[] }): boolean {
  return outOfReach(actor, account) === null;
}

/** The first of an account's jurisdictions (home first, then grants) the actor does not administer; null if none. */
export function outOfReach(actor: Actor, account: { homePath: string; grantPaths: readonly string[] }): string | null {
  return [account.homePath, ...account.grantPaths].find((path) => !can(actor, 'staff:manage', path)) ?? null;
}

/**
 * May the actor administer accounts at all (create them, change passwords, grants or their
 * disabled state, mint API tokens, its own included)? Only a person signed in with a session, or
 * the server itself. An API token is a long-lived secret kept on a device or in an integration,
 * with no second factor: a stolen one must not mint more tokens (which would outlive its own
 * revocation), nor hand its account's powers on. It may still list and revoke its own tokens.
 */
export function mayAdministerAccounts(actor: Actor): boolean {
  return actor.via.kind === 'session' || actor.via.kind === 'system';
}

/**
 * May the actor change the grants of this account (add or revoke a role)? Not its own, whatever the
 * role: another administrator must. An administrator granting itself the auditor role would read
 * (and judge) the trail of its own acts; one revoking its own roles before an inquiry, or adding
 * one, would leave no second person who agreed. The server itself (bootstrap, a CLI) may.
 */
export function mayChangeGrantsOf(actor: Actor, accountId: string): boolean {
  return actor.via.kind === 'system' || actor.id !== accountId;
}

/**
 * Roles one account never holds over overlapping jurisdictions (one path within the other):
 * who administers accounts and grants must not also be who reads the evidence of it. An
 * administrator of Vaduz may audit Unterland, not Vaduz, Oberland or the country.
 */
export const SEPARATED_DUTIES: readonly (readonly [Role, Role])[] = [['administrator', 'auditor']];

/**
 * The grant among `held` that `added` would clash with under `SEPARATED_DUTIES`; null if none.
 * Checked wherever grants are added (POST /staff, POST /staff/{id}/grants, onboarding), so the two
 * duties cannot be put together one step at a time.
 */
export function dutiesClash<G extends { role: Role; path: string }>(held: readonly G[], added: { role: Role; path: string }): G | null {
  const apart = (a: Role, b: Role) => SEPARATED_DUTIES.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  return held.find((g) => apart(g.role, added.role) && (isWithin(g.path, added.path) || isWithin(added.path, g.path))) ?? null;
}

/**
 * May an account of this kind hold this role? A device account never holds `auditor`: its token is
 * minted by an administrator (`mayMintTokenFor`), who would then read the trail of its own acts
 * through it — a second account, with no password or second factor in the way. Reading the trail
 * is a person's job; a witness takes signed checkpoints (`audit.checkpoint`) instead.
 */
export function mayHoldRole(kind: 'staff' | 'device', role: Role): boolean {
  return !(kind === 'device' && role === 'auditor');
}

/**
 * For whom may the actor mint an API token, once the account is within reach? Itself, or a device
 * account. A token for another person would let whoever minted it act under that person's name,
 * silently (a password reset at least shows: the person's own password stops working).
 */
export function mayMintTokenFor(actor: Actor, account: { id: string; kind: 'staff' | 'device' }): boolean {
  return account.id === actor.id || account.kind === 'device';
}

/**
 * May the actor redraw the boundary of the jurisdiction at `path`? Only from above: whoever
 * administers its parent (a root: the root itself). The boundary is the extent of every grant on
 * the jurisdiction, so an administrator granted on Vaduz redrawing Vaduz would widen their own reach
 * (into the region's land outside every municipality): that is the region's call. Renaming is not.
 */
export function mayRedrawBoundary(actor: Actor, path: string): boolean {
  const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : path;
  return can(actor, 'jurisdictions:manage', parent);
}

/**
 * May the actor report the fixes of a dangerous-goods transport permit (over HTTP)? A permit bound
 * to its vehicle's terminal (`terminalId`, a device account) takes them from that account only, and
 * only while it still holds `avl:report` where the permit is supervised or one of its sites lies.
 * Any other reporter there (a fire engine's terminal, a crew member) could otherwise write the
 * trail of an explosives lorry: fixes dated ahead of the real ones, which are then ignored as old,
 * hide a detour from the geofence. An unbound permit (issued before 0048, or without a terminal)
 * keeps the wider rule: anyone holding `avl:report` at one of `paths`.
 */
export function mayReportTransport(actor: Actor, permit: { terminalId: string | null; paths: readonly string[] }): boolean {
  if (permit.terminalId !== null && actor.id !== permit.terminalId) return false;
  return permit.paths.some((path) => can(actor, 'avl:report', path));
}

/**
 * May this account be bound as a permit's terminal? A device account (a person's account would let
 * them be "the lorry"), enabled, that holds `avl:report` where the permit is supervised or a site lies.
 */
export function mayBeTerminal(account: { kind: 'staff' | 'device'; disabled: boolean; grants: readonly { role: Role; jurisdictionPath: string }[] }, paths: readonly string[]): boolean {
  return account.kind === 'device' && !account.disabled
    && account.grants.some((g) => roleHas(g.role, 'avl:report') && paths.some((path) => isWithin(path, g.jurisdictionPath)));
}

/**
 * May the actor report the AVL fixes of this unit (over HTTP)? It must hold `avl:report` on the
 * unit's jurisdiction; a unit bound to its terminal (`terminalId`, a device account: the vehicle's
 * terminal or the AVL gateway that reports it) takes fixes from that account only; and an account
 * bound to any unit (`actorIsTerminal`) reports for its own units only. So a compromised or buggy
 * terminal cannot move another unit on the dispatcher's map (and have the wrong one sent), nor
 * can anyone else move a bound unit. A unit and an account both unbound keep the wider rule (a
 * gateway or the simulator reporting for every unit where it holds `avl:report`).
 */
export function mayReportUnit(actor: Actor, unit: { terminalId: string | null; jurisdictionPath: string }, actorIsTerminal: boolean): boolean {
  if (unit.terminalId !== null ? unit.terminalId !== actor.id : actorIsTerminal) return false;
  return can(actor, 'avl:report', unit.jurisdictionPath);
}

/** Has the actor `permission` anywhere at all? (Gate before a scoped query.) */
export function canAnywhere(actor: Actor, permission: Permission): boolean {
  return actor.grants.some((g) => roleHas(g.role, permission));
}

/**
 * The roots of the subtrees where the actor holds `permission`, with nested roots removed:
 * `['li.oberland', 'li.oberland.vaduz']` becomes `['li.oberland']`.
 */
export function scopeRoots(actor: Actor, permission: Permission): string[] {
  const paths = [...new Set(actor.grants.filter((g) => roleHas(g.role, permission)).map((g) => g.path))];
  return paths.filter((p) => !paths.some((q) => q !== p && isWithin(p, q))).sort();
}

/** The permissions an agreement lends over the providing side's units: seeing them (and where they are) and sending them. */
export const LENT_PERMISSIONS: readonly Permission[] = ['units:read', 'dispatch:assign'];

/** Who takes lent units: whoever may dispatch for the requesting jurisdiction as a whole. */
export const AID_HOLDER_PERMISSION: Permission = 'dispatch:assign';

interface UnitRef {
  jurisdictionPath: string;
  kind: string;
}

/**
 * The agreement under which the actor may exercise `permission` on a unit it holds no grant for;
 * null when none does (or when its own grants already cover the unit).
 */
export function lentBy(actor: Actor, permission: Permission, unit: UnitRef): AidGrant | null {
  if (!LENT_PERMISSIONS.includes(permission) || can(actor, permission, unit.jurisdictionPath)) return null;
  return actor.aid?.find((a) => isWithin(unit.jurisdictionPath, a.providingPath) && a.unitKinds.includes(unit.kind)) ?? null;
}

/** May the actor exercise `permission` on this unit: by its grants, or lent by an agreement? */
export function canOnUnit(actor: Actor, permission: Permission, unit: UnitRef): boolean {
  return can(actor, permission, unit.jurisdictionPath) || lentBy(actor, permission, unit) !== null;
}

/** The units the actor may exercise `permission` on: its own subtrees, plus each lent subtree's kinds. */
export interface UnitScope {
  roots: string[];
  lent: { path: string; kinds: readonly string[] }[];
}

export function unitScope(actor: Actor, permission: Permission): UnitScope {
  const roots = scopeRoots(actor, permission);
  const lent = LENT_PERMISSIONS.includes(permission)
    ? (actor.aid ?? []).filter((a) => !roots.some((r) => isWithin(a.providingPath, r))).map((a) => ({ path: a.providingPath, kinds: a.unitKinds }))
    : [];
  return { roots, lent };
}

/**
 * Of the agreements in force, the ones that lend to this actor: those whose requesting side
 * (either side, for a mutual one) lies where the actor holds `dispatch:assign`.
 */
export function aidLentTo(
  grants: readonly ActorGrant[],
  agreements: readonly { id: string; providingPath: string; requestingPath: string; unitKinds: readonly string[]; mutual: boolean }[],
): AidGrant[] {
  const holder = { grants } as Pick<Actor, 'grants'> as Actor;
  const out: AidGrant[] = [];
  for (const a of agreements) {
    if (can(holder, AID_HOLDER_PERMISSION, a.requestingPath)) out.push({ agreementId: a.id, requestingPath: a.requestingPath, providingPath: a.providingPath, unitKinds: a.unitKinds });
    if (a.mutual && can(holder, AID_HOLDER_PERMISSION, a.providingPath)) out.push({ agreementId: a.id, requestingPath: a.providingPath, providingPath: a.requestingPath, unitKinds: a.unitKinds });
  }
  return out;
}

/** Every permission the actor holds somewhere (for the client to shape its screens). */
export function permissionsOf(actor: Actor): Permission[] {
  return [...new Set(actor.grants.flatMap((g) => ROLE_PERMISSIONS[g.role]))].sort();
}

/** A top-level jurisdiction path (the country): events without a place need national scope. */
function isRootPath(path: string): boolean {
  return !path.includes('.');
}
