import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { rows } from '../../platform/db/client.js';
import { runCommand, type CommandDeps } from '../../platform/command.js';
import { findPost } from './posts.queries.js';
import { postHoldings, posts } from './posts.tables.js';

/** Demo accounts that take a post: the duty officer of each level, and each municipality's inspector. */
const DEMO_POSTS = [
  { prefix: 'duty.', kind: 'duty_post', title: 'Duty officer' },
  { prefix: 'inspect.', kind: 'other', title: 'Hazard inspector' },
] as const;

/**
 * Staffs the demo organisation: a duty post at every region and municipality held by its demo duty
 * officer, and an inspector's post at every municipality held by its demo inspector. Without posts
 * no task can be given to anyone, so the demo's task list stayed empty whatever was issued. Only
 * when the deployment has no post at all (a second start, or a deployment that made its own, is
 * left alone); one command, each post and holding audited and announced like `POST /posts` and a
 * handover.
 */
export async function ensureDemoPosts(deps: CommandDeps, usernames: readonly string[]): Promise<number> {
  const [any] = await rows<{ n: number }>(deps.db, sql`select count(*)::int as n from posts`);
  if (Number(any?.n ?? 0) > 0) return 0;
  const wanted = usernames.filter((u) => DEMO_POSTS.some((p) => u.startsWith(p.prefix)));
  if (wanted.length === 0) return 0;
  const staff = await rows<{ id: string; username: string; jurisdictionId: string; path: string; name: string }>(deps.db, sql`select u.id, u.username, j.id as "jurisdictionId", j.path::text as path, j.name
    from users u join jurisdictions j on j.id = u.jurisdiction_id
    where u.username in (${sql.join(wanted.map((u) => sql`${u}`), sql`, `)}) order by j.path, u.username`);
  if (staff.length === 0) return 0;
  const { result } = await runCommand(deps, { actor: null, actorName: 'system', requestId: null }, async (tx, record) => {
    const now = deps.clock();
    for (const s of staff) {
      const kind = DEMO_POSTS.find((p) => s.username.startsWith(p.prefix))!;
      const id = uuidv7();
      await tx.insert(posts).values({ id, jurisdictionId: s.jurisdictionId, jurisdictionPath: s.path, kind: kind.kind, title: `${kind.title}, ${s.name}`, createdAt: now });
      await tx.insert(postHoldings).values({ id: uuidv7(), postId: id, userId: s.id, fromAt: now });
      const post = (await findPost(tx, id, now))!;
      record.audit({ action: 'posts.created', entityType: 'post', entityId: id, jurisdictionPath: s.path, after: { ...post, demo: true } });
      record.emit({ type: 'posts.created', jurisdictionPath: s.path, data: post });
      record.audit({ action: 'posts.handed_over', entityType: 'post', entityId: id, jurisdictionPath: s.path, before: null, after: post.holder });
      record.emit({ type: 'posts.handed_over', jurisdictionPath: s.path, data: { postId: id, from: null, to: s.id, at: now.toISOString() } });
    }
    return staff.length;
  });
  return result;
}
