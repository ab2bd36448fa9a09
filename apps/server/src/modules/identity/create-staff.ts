import type { CreateStaffBody, StaffMember } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import type { Actor } from '../../platform/auth/access.js';
import { hashPassword } from './secrets.js';
import { findStaff, findUserByUsername } from './staff.queries.js';
import { assertDutiesSeparated, assertMayAdministerAccounts, manageableJurisdiction } from './staff.access.js';
import { grants, users } from './staff.tables.js';

/**
 * Creates a staff or device account with its initial role grants. Its home and every grant must
 * lie where the actor administers, so the new account is one the actor may manage; its grants keep
 * separated duties apart (`dutiesClash`), as added one by one they would have to.
 */
export async function createStaff(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  input: CreateStaffBody,
): Promise<StaffMember> {
  assertMayAdministerAccounts(ctx.actor);
  if (input.kind === 'staff' && !input.password) {
    throw new AppError('VALIDATION_FAILED', 'body.password: a staff account needs a password', {
      fields: [{ path: 'body.password', message: 'a staff account needs a password' }],
    });
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const { result } = await runCommand(deps, ctx, (tx, record) => createStaffIn(tx, record, ctx, input, passwordHash));
  return result;
}

/**
 * The same inside a transaction already open (bulk onboarding creates many accounts in one), with
 * the password already hashed (hashing is slow on purpose: done before the transaction).
 */
export async function createStaffIn(tx: Tx, record: CommandRecord, ctx: { actor: Actor }, input: CreateStaffBody, passwordHash: string | null): Promise<StaffMember> {
  assertMayAdministerAccounts(ctx.actor);
  const home = await manageableJurisdiction(tx, ctx.actor, input.jurisdictionId, 'body.jurisdictionId');
  const grantTargets = [];
  for (const [i, g] of input.grants.entries()) {
    const j = await manageableJurisdiction(tx, ctx.actor, g.jurisdictionId, `body.grants.${i}.jurisdictionId`);
    assertDutiesSeparated(input.kind, grantTargets.map((t) => ({ role: t.role, path: t.j.path })), { role: g.role, path: j.path }, `body.grants.${i}.role`);
    grantTargets.push({ ...g, j });
  }
  if (await findUserByUsername(tx, input.username)) {
    throw new AppError('CONFLICT', `The username ${input.username} is taken`, {
      fields: [{ path: 'body.username', message: 'already taken' }],
    });
  }
  const id = uuidv7();
  await tx.insert(users).values({ id, username: input.username, displayName: input.displayName, kind: input.kind, jurisdictionId: home.id, passwordHash });
  const unique = new Map(grantTargets.map((g) => [`${g.role}|${g.jurisdictionId}`, g]));
  for (const g of unique.values()) {
    await tx.insert(grants).values({ id: uuidv7(), userId: id, role: g.role, jurisdictionId: g.jurisdictionId, grantedBy: ctx.actor.id });
  }
  const member = (await findStaff(tx, id))!;
  record.audit({ action: 'staff.created', entityType: 'user', entityId: id, jurisdictionPath: home.path, after: member });
  record.emit({ type: 'staff.created', jurisdictionPath: home.path, data: { id, username: member.username, displayName: member.displayName, kind: member.kind } });
  for (const g of member.grants) {
    record.audit({ action: 'staff.grant_added', entityType: 'grant', entityId: g.id, jurisdictionPath: g.jurisdictionPath, after: { userId: id, role: g.role } });
    record.emit({ type: 'staff.grant_added', jurisdictionPath: g.jurisdictionPath, data: { userId: id, grantId: g.id, role: g.role } });
  }
  return member;
}
