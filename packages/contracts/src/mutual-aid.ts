import { z } from 'zod';
import { Id, JurisdictionPath, Timestamp } from './common.js';
import { UnitKind } from './units.js';

/**
 * A cross-border (mutual aid) agreement: the providing jurisdiction lets the dispatchers of the
 * requesting jurisdiction see the positions of, and send, its units of the listed kinds (its
 * whole subtree's). `mutual` makes it hold both ways. Revoked agreements are kept for the record.
 */
export const MutualAidAgreement = z.object({
  id: Id,
  providingJurisdictionId: Id,
  providingJurisdictionPath: JurisdictionPath,
  requestingJurisdictionId: Id,
  requestingJurisdictionPath: JurisdictionPath,
  unitKinds: z.array(UnitKind),
  mutual: z.boolean(),
  note: z.string().nullable(),
  createdBy: Id.nullable(),
  createdAt: Timestamp,
  revokedAt: Timestamp.nullable(),
  version: z.number().int(),
});
export type MutualAidAgreement = z.infer<typeof MutualAidAgreement>;

export const CreateMutualAidBody = z.strictObject({
  providingJurisdictionId: Id,
  requestingJurisdictionId: Id,
  unitKinds: z.array(UnitKind).min(1).max(20).refine((kinds) => new Set(kinds).size === kinds.length, 'each unit kind at most once'),
  mutual: z.boolean().default(false),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type CreateMutualAidBody = z.infer<typeof CreateMutualAidBody>;

export const MutualAidListQuery = z.strictObject({
  /** Agreements this jurisdiction provides or requests under (either side). */
  jurisdictionId: Id.optional(),
  state: z.enum(['active', 'revoked', 'all']).default('active'),
});
export type MutualAidListQuery = z.infer<typeof MutualAidListQuery>;

/** Set on a recommended unit that the caller may send only under an agreement. */
export const MutualAidMark = z.object({ agreementId: Id, providingJurisdictionPath: JurisdictionPath });
export type MutualAidMark = z.infer<typeof MutualAidMark>;
