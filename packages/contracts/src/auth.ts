import { z } from 'zod';
import { Id, JurisdictionPath, Timestamp } from './common.js';

export const ROLES = [
  'administrator',
  'commander',
  'duty_officer',
  'dispatcher',
  'inspector',
  'unit_member',
  'auditor',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LoginBody = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Grant = z.object({
  id: Id,
  role: Role,
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  jurisdictionName: z.string(),
});
export type Grant = z.infer<typeof Grant>;

export const Me = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(['staff', 'device']),
  grants: z.array(Grant),
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Lifetime in days; at most the server's API_TOKEN_MAX_DAYS (default 365), which is also what an omitted value means. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
});
export const CreatedApiToken = ApiToken.extend({
  /** Shown once; only its hash is stored. */
  token: z.string(),
});

export const PERMISSIONS = [
  'jurisdictions:read',
  'jurisdictions:manage',
  'staff:read',
  'staff:manage',
  'audit:read',
  'places:read',
  'places:manage',
  'hazards:read',
  'hazards:manage',
  'hazards:verify',
  'hazards:configure',
  'checklists:manage',
  'inspections:record',
  'campaigns:manage',
  'units:read',
  'units:manage',
  'avl:report',
  'incidents:read',
  'incidents:create',
  'dispatch:assign',
  'dispatch:respond',
  'mutual_aid:manage',
  'posts:manage',
  'directives:read',
  'directives:issue',
  'directives:respond',
  'tasks:manage',
  'tasks:report',
  'supervision:record',
  'accountability:read',
  'goods:license',
  'goods:record',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * What each role may do, within the subtree of the jurisdiction it is granted on. Commanders issue
 * directives and staff posts; duty officers issue directives to the jurisdictions below theirs
 * (a region's duty officer to its municipalities, docs/decisions/0008), answer the directives
 * addressed to them and break them into tasks; whoever
 * carries a task out reports its progress. Commanders and inspectors record supervision visits;
 * commanders and auditors read the accountability trace. Commanders license sites for dangerous
 * goods and controlled items; inspectors (and commanders) record their stock movements.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: ['jurisdictions:read', 'jurisdictions:manage', 'staff:read', 'staff:manage', 'places:read', 'places:manage', 'hazards:read', 'hazards:manage', 'hazards:verify', 'hazards:configure', 'checklists:manage', 'inspections:record', 'campaigns:manage', 'units:read', 'units:manage', 'incidents:read', 'incidents:create', 'dispatch:assign', 'mutual_aid:manage', 'posts:manage', 'directives:read', 'directives:issue', 'directives:respond', 'tasks:manage', 'tasks:report', 'supervision:record', 'accountability:read', 'goods:license', 'goods:record'],
  commander: ['jurisdictions:read', 'staff:read', 'places:read', 'places:manage', 'hazards:read', 'hazards:manage', 'hazards:verify', 'hazards:configure', 'checklists:manage', 'campaigns:manage', 'units:read', 'units:manage', 'incidents:read', 'incidents:create', 'dispatch:assign', 'mutual_aid:manage', 'posts:manage', 'directives:read', 'directives:issue', 'directives:respond', 'tasks:manage', 'tasks:report', 'supervision:record', 'accountability:read', 'goods:license', 'goods:record'],
  duty_officer: ['jurisdictions:read', 'places:read', 'hazards:read', 'units:read', 'units:manage', 'incidents:read', 'incidents:create', 'dispatch:assign', 'dispatch:respond', 'directives:read', 'directives:issue', 'directives:respond', 'tasks:manage', 'tasks:report'],
  // Dispatchers also record a unit's steps for a unit that reports by radio.
  dispatcher: ['jurisdictions:read', 'places:read', 'hazards:read', 'units:read', 'incidents:read', 'incidents:create', 'dispatch:assign', 'dispatch:respond', 'directives:read'],
  // Inspectors find hazards and verify fixes; the unit on site carries out the rectification.
  inspector: ['jurisdictions:read', 'places:read', 'hazards:read', 'hazards:manage', 'hazards:verify', 'inspections:record', 'directives:read', 'tasks:report', 'supervision:record', 'goods:record'],
  // A unit's crew and its AVL device: positions, status steps, the incidents they are sent to.
  unit_member: ['jurisdictions:read', 'places:read', 'hazards:read', 'hazards:manage', 'units:read', 'incidents:read', 'avl:report', 'dispatch:respond', 'directives:read', 'tasks:report'],
  auditor: ['jurisdictions:read', 'staff:read', 'audit:read', 'places:read', 'hazards:read', 'units:read', 'incidents:read', 'directives:read', 'accountability:read'],
};
