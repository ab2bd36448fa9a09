/**
 * Where a signed-in user starts: the operations screen needs incidents:read, so an inspector
 * (places, hazards, directives only) starts at the work they can do instead of a screen of 403s.
 */
export function landingFor(permissions: readonly string[]): string {
  if (permissions.includes('incidents:read')) return '/';
  if (permissions.includes('places:read')) return '/campaigns';
  if (permissions.includes('hazards:read')) return '/hazards';
  if (permissions.includes('directives:read')) return '/directives';
  return '/reports';
}
