/**
 * Which settings screens a user may open, from `/auth/me`'s permissions (the server checks each
 * request by jurisdiction; this only decides what is shown). Run cards are readable by whoever
 * reads the units and set with `units:manage`; agreements need `mutual_aid:manage`.
 */
export function settingsAccess(permissions: readonly string[]): { responsePlans: boolean; setPlans: boolean; mutualAid: boolean; any: boolean } {
  const responsePlans = permissions.includes('units:read');
  const mutualAid = permissions.includes('mutual_aid:manage');
  return { responsePlans, setPlans: responsePlans && permissions.includes('units:manage'), mutualAid, any: responsePlans || mutualAid };
}
