import type { StaffMember } from '@firebreak/contracts';
import { ApiError } from '../../api/http';

/**
 * Who sees the Staff screen and who may change accounts on it, from `/auth/me`'s permissions.
 * The server checks every request by jurisdiction (and refuses higher roles, the last way back in);
 * this only decides what is shown.
 */
export function staffAccess(permissions: readonly string[]): { read: boolean; manage: boolean } {
  const manage = permissions.includes('staff:manage');
  return { read: manage || permissions.includes('staff:read'), manage };
}

/**
 * The accounts whose username, display name, role, home jurisdiction or kind (as the screen words them:
 * `roleName`, `placeName`, `deviceName` for a device account) contain every word of the filter, case-insensitively; staff before
 * devices, then by username, so a list does not reorder when one account changes.
 */
export function filterStaff(
  members: readonly StaffMember[],
  filter: string,
  roleName: (role: string) => string,
  placeName: (path: string) => string,
  deviceName = 'device',
): StaffMember[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const text = (m: StaffMember) =>
    [m.username, m.displayName, placeName(m.jurisdictionPath), ...(m.kind === 'device' ? [deviceName] : []), ...m.grants.flatMap((g) => [roleName(g.role), g.role])].join(' ').toLowerCase();
  return members
    .filter((m) => words.every((w) => text(m).includes(w)))
    .sort((a, b) => (a.kind === b.kind ? a.username.localeCompare(b.username) : a.kind === 'staff' ? -1 : 1));
}

/**
 * A one-time password for a new account or a reset: the API takes the password from the
 * administrator (it returns none), so the browser draws it — 18 random bytes as base64url, as the
 * server's own `generatePassword` (bootstrap, onboarding) does, 24 characters: past the 12 the
 * contract asks. Shown once; the account holder changes it.
 */
export function oneTimePassword(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(18));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The server's own words for a refusal, beyond the worded code: its field messages (`body.disabled:
 * cannot disable yourself`) else its detail ("it holds a role on li.oberland, outside where you
 * administer"). A FORBIDDEN is worded "Your role does not allow this here" in every language, which
 * does not say *why* an account is out of reach; this does. Null when the server said nothing more.
 */
export function refusalDetail(err: unknown): string | null {
  if (!(err instanceof ApiError) || !err.problem) return null;
  const fields = (err.problem.errors ?? []).map((e) => `${e.path.replace(/^\/?body[./]?/, '')}: ${e.message}`);
  return fields.length > 0 ? fields.join('; ') : (err.problem.detail ?? null);
}
