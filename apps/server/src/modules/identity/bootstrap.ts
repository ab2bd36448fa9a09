import type { Role } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { demoPersonName } from './demo-names.js';
import { generatePassword, hashPassword } from './secrets.js';
import { grants, users } from './staff.tables.js';

export interface CreatedAccount {
  username: string;
  password: string;
  role: Role;
  jurisdictionPath: string;
  generated: boolean;
}

interface JurisdictionRow {
  id: string;
  path: string;
  name: string;
  level: string;
}

/**
 * On first start: the administrator `admin` with national scope, and, for the demo world, a few
 * staff per region and municipality. Passwords are generated (or taken from
 * FIREBREAK_ADMIN_PASSWORD for admin) and returned once, to be printed; only hashes are kept.
 */
export async function bootstrapAccounts(
  deps: CommandDeps,
  opts: { adminPassword?: string | undefined; demoStaff: boolean },
): Promise<CreatedAccount[]> {
  const [count] = await rows<{ n: string | number }>(deps.db, sql`select count(*) as n from users`);
  if (Number(count?.n ?? 0) > 0) return [];
  const tree = await rows<JurisdictionRow>(deps.db, sql`select id, path::text as path, name, level from jurisdictions order by nlevel(path), name`);
  const root = tree[0];
  if (!root) throw new Error('bootstrap needs a jurisdiction tree: import one first');
  const plan: { username: string; displayName: string; role: Role; j: JurisdictionRow; password?: string | undefined }[] = [
    { username: 'admin', displayName: 'Administrator', role: 'administrator', j: root, password: opts.adminPassword },
  ];
  if (opts.demoStaff) plan.push(...demoStaffPlan(tree));
  const accounts = await Promise.all(
    plan.map(async (p) => {
      const password = p.password ?? generatePassword();
      return { ...p, password, generated: !p.password, hash: await hashPassword(password) };
    }),
  );
  await runCommand(deps, { actor: null, actorName: 'system', requestId: null }, async (tx, record) => {
    for (const a of accounts) {
      const id = uuidv7();
      await tx.insert(users).values({ id, username: a.username, displayName: a.displayName, jurisdictionId: a.j.id, passwordHash: a.hash });
      await tx.insert(grants).values({ id: uuidv7(), userId: id, role: a.role, jurisdictionId: a.j.id });
      record.audit({ action: 'staff.created', entityType: 'user', entityId: id, jurisdictionPath: a.j.path, after: { username: a.username, role: a.role, bootstrap: true } });
      record.emit({ type: 'staff.created', jurisdictionPath: a.j.path, data: { id, username: a.username, displayName: a.displayName, kind: 'staff' } });
    }
  });
  return accounts.map((a) => ({ username: a.username, password: a.password, role: a.role, jurisdictionPath: a.j.path, generated: a.generated }));
}

/**
 * Demo world: a commander and an auditor nationally; a duty officer per region; a duty officer, a
 * dispatcher and an inspector per municipality. The municipal duty officer is who acknowledges and
 * reports back on the region's directives (docs/decisions/0008): without one only the region could
 * answer for its municipalities. By depth, not level name: the demo country's regions and
 * municipalities land on whatever the 2nd and 3rd configured levels are called.
 */
function demoStaffPlan(tree: JurisdictionRow[]) {
  const label = (j: JurisdictionRow) => j.path.split('.').pop()!;
  const depth = (j: JurisdictionRow) => j.path.split('.').length;
  const root = tree[0]!;
  const plan: { username: string; role: Role; j: JurisdictionRow }[] = [
    { username: 'commander', role: 'commander', j: root },
    { username: 'auditor', role: 'auditor', j: root },
  ];
  for (const j of tree.filter((t) => depth(t) === 2)) {
    plan.push({ username: `duty.${label(j)}`, role: 'duty_officer', j });
  }
  for (const j of tree.filter((t) => depth(t) === 3)) {
    plan.push({ username: `duty.${label(j)}`, role: 'duty_officer', j });
    plan.push({ username: `dispatch.${label(j)}`, role: 'dispatcher', j });
    plan.push({ username: `inspect.${label(j)}`, role: 'inspector', j });
  }
  // People, not roles: the post (and the username) says the role.
  return plan.map((p, i) => ({ ...p, displayName: demoPersonName(i) }));
}
