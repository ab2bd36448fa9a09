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
  expiresInDays: z.number().int().min(1).max(3650).default(365),
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do, within the subtree of the jurisdiction it is granted on. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: ['jurisdictions:read', 'jurisdictions:manage', 'staff:read', 'staff:manage'],
  commander: ['jurisdictions:read', 'staff:read'],
  duty_officer: ['jurisdictions:read'],
  dispatcher: ['jurisdictions:read'],
  inspector: ['jurisdictions:read'],
  unit_member: ['jurisdictions:read'],
  auditor: ['jurisdictions:read', 'staff:read', 'audit:read'],
};
