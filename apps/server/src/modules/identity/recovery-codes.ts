import type { RecoveryCodes } from '@firebreak/contracts';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import type { MfaPolicy } from './mfa-factor.js';
import { reauthenticate } from './mfa-reauth.js';
import { mfaRecoveryCodes } from './mfa.tables.js';
import { newRecoveryCode, normaliseCode, RECOVERY_CODE_COUNT } from './mfa-rules.js';
import { hashSecret } from './secrets.js';
import { findStaff } from './staff.queries.js';

/** Replaces the account's recovery codes with fresh ones (inside the caller's transaction); returns them, to be shown once. */
export async function storeRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.insert(mfaRecoveryCodes).values(codes.map((c) => ({ id: uuidv7(), userId, codeHash: hashSecret(normaliseCode(c)) })));
  return codes;
}

/** New recovery codes for myself, after re-authentication (password and a current code); the old ones stop working. */
export async function regenerateRecoveryCodes(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  policy: MfaPolicy,
  input: { password: string; code: string },
): Promise<RecoveryCodes> {
  await reauthenticate(deps, ctx, policy, input);
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const recoveryCodes = await storeRecoveryCodes(tx, ctx.actor.id);
    const member = await findStaff(tx, ctx.actor.id);
    const path = member?.jurisdictionPath ?? null;
    const data = { userId: ctx.actor.id, username: ctx.actor.username, count: recoveryCodes.length };
    record.audit({ action: 'mfa.recovery_codes_regenerated', entityType: 'user', entityId: ctx.actor.id, jurisdictionPath: path, after: data });
    record.emit({ type: 'mfa.recovery_codes_regenerated', jurisdictionPath: path, data });
    return { recoveryCodes };
  });
  return result;
}
