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

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'device';
  grants: ActorGrant[];
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

/** Every permission the actor holds somewhere (for the client to shape its screens). */
export function permissionsOf(actor: Actor): Permission[] {
  return [...new Set(actor.grants.flatMap((g) => ROLE_PERMISSIONS[g.role]))].sort();
}

/** A top-level jurisdiction path (the country): events without a place need national scope. */
function isRootPath(path: string): boolean {
  return !path.includes('.');
}
