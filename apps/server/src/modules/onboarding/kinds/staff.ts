import { CreateStaffBody } from '@firebreak/contracts';
import { can } from '../../../platform/auth/access.js';
import { createStaffIn, findStaff, findUserByUsername, generatePassword, hashPassword } from '../../identity/index.js';
import { RowRejected, listCell, parseBody, type OnboardKindRules } from '../rows.js';

export const STAFF_COLUMNS: Record<string, string> = {
  username: 'username', displayName: 'display_name', kind: 'kind', jurisdictionId: 'jurisdiction', password: 'password', grants: 'grants',
};

/**
 * Staff: one row per account, with its home jurisdiction and its grants as `role@jurisdiction`
 * separated by `;`. A row without a password gets a generated one, handed back once (printed by
 * the CLI, answered by the API) and stored only as its hash; a password in the file is taken but
 * never echoed. Known by the username.
 */
export const staffRules: OnboardKindRules<CreateStaffBody> = {
  entityType: 'user',
  columns: { required: ['username', 'display_name', 'jurisdiction'], optional: ['grants', 'kind', 'password'], geojson: false },

  async prepare(_q, env, { values: v }) {
    const home = env.jurisdictions.resolve(v.jurisdiction!, 'jurisdiction');
    const grants = listCell(v.grants).map((g) => {
      const at = g.lastIndexOf('@');
      if (at <= 0) throw new RowRejected('grants', `${g} is not role@jurisdiction (e.g. dispatcher@li.oberland)`);
      return { role: g.slice(0, at).trim(), jurisdictionId: env.jurisdictions.resolve(g.slice(at + 1), 'grants').id };
    });
    const body = parseBody(CreateStaffBody, { username: v.username, displayName: v.display_name, kind: v.kind, jurisdictionId: home.id, password: v.password, grants }, STAFF_COLUMNS);
    return { key: body.username.toLowerCase(), body };
  },

  async existing(q, env, body) {
    const user = await findUserByUsername(q, body.username);
    if (!user) return null;
    const member = (await findStaff(q, user.id))!;
    // Someone else's account says nothing about itself, nor that it lies outside the actor's scope
    // (an existence oracle for where accounts are): the words of POST /staff's conflict.
    if (!can(env.actor, 'staff:read', member.jurisdictionPath)) return { id: user.id, difference: null, taken: 'the username is already taken' };
    const has = (g: { role: string; jurisdictionId: string }) => `${g.role}@${env.jurisdictions.byId(g.jurisdictionId)?.path ?? g.jurisdictionId}`;
    const held = new Set(member.grants.map(has));
    const wanted = new Set(body.grants.map(has));
    const differences = [
      member.displayName !== body.displayName && `display name is ${member.displayName}, the file says ${body.displayName}`,
      member.jurisdictionId !== body.jurisdictionId && `home is ${member.jurisdictionPath}`,
      (held.size !== wanted.size || [...wanted].some((g) => !held.has(g))) && `grants are ${[...held].sort().join(';') || '(none)'}, the file says ${[...wanted].sort().join(';') || '(none)'}`,
    ].filter((d): d is string => typeof d === 'string');
    return { id: user.id, difference: differences[0] ?? null };
  },

  async create(tx, record, env, body) {
    // A dry run rolls back: no password is generated or hashed (hashing is slow on purpose).
    const generated = body.kind === 'staff' && !body.password && !env.dryRun ? generatePassword() : undefined;
    const password = body.password ?? generated;
    const hash = env.dryRun || password === undefined ? null : await hashPassword(password);
    const member = await createStaffIn(tx, record, { actor: env.actor }, body, hash);
    return { id: member.id, path: member.jurisdictionPath, ...(generated ? { secret: { username: member.username, password: generated } } : {}) };
  },
};
