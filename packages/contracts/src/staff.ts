import { z } from 'zod';
import { Id, Timestamp } from './common.js';
import { Grant, Role } from './auth.js';

const Username = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, underscore and hyphen');

/** Passwords: length is what matters (NIST SP 800-63B); no composition rules. */
export const Password = z.string().min(12).max(256);

export const StaffMember = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(['staff', 'device']),
  jurisdictionId: Id,
  jurisdictionPath: z.string(),
  disabled: z.boolean(),
  /** A confirmed second factor (TOTP): an enrolment begun and not confirmed does not count. */
  mfaEnrolled: z.boolean(),
  createdAt: Timestamp,
  grants: z.array(Grant),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const CreateStaffBody = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1).max(200),
  kind: z.enum(['staff', 'device']).default('staff'),
  /** Home jurisdiction: decides who may see and manage the account. */
  jurisdictionId: Id,
  password: Password.optional(),
  grants: z
    .array(z.strictObject({ role: Role, jurisdictionId: Id }))
    .max(50)
    .default([]),
});
export type CreateStaffBody = z.infer<typeof CreateStaffBody>;

export const UpdateStaffBody = z
  .strictObject({
    displayName: z.string().trim().min(1).max(200).optional(),
    disabled: z.boolean().optional(),
    password: Password.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'at least one field is required');

export const AddGrantBody = z.strictObject({ role: Role, jurisdictionId: Id });

export const StaffListQuery = z.strictObject({
  jurisdictionId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
