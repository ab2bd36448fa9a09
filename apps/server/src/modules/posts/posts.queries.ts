import type { Post, PostHolding } from '@firebreak/contracts';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Queryable } from '../../platform/db/client.js';
import { findStaff } from '../identity/index.js';
import { holderAt as holdingAt } from './model.js';
import { postHoldings, posts } from './posts.tables.js';

const postColumns = {
  id: posts.id,
  jurisdictionId: posts.jurisdictionId,
  jurisdictionPath: sql<string>`${posts.jurisdictionPath}::text`,
  kind: posts.kind,
  title: posts.title,
  createdAt: posts.createdAt,
};

interface HoldingRow { userId: string; displayName: string; from: Date; to: Date | null }
const presentHolding = (h: HoldingRow): PostHolding => ({ userId: h.userId, displayName: h.displayName, from: h.from.toISOString(), to: h.to?.toISOString() ?? null });

/** A post's holdings, oldest first, with the holders' names (a post has few holders). */
async function holdingRows(q: Queryable, postId: string): Promise<HoldingRow[]> {
  const list = await q.select({ userId: postHoldings.userId, from: postHoldings.fromAt, to: postHoldings.toAt }).from(postHoldings)
    .where(eq(postHoldings.postId, postId)).orderBy(asc(postHoldings.fromAt));
  const names = new Map<string, string>();
  for (const userId of new Set(list.map((h) => h.userId))) names.set(userId, (await findStaff(q, userId))?.displayName ?? '');
  return list.map((h) => ({ ...h, displayName: names.get(h.userId)! }));
}

/** The holding of a post at an instant, by the rule in model.ts. */
export async function holderAt(q: Queryable, postId: string, at: Date): Promise<PostHolding | null> {
  const h = holdingAt(await holdingRows(q, postId), at);
  return h ? presentHolding(h) : null;
}

export async function holdingsOf(q: Queryable, postId: string): Promise<PostHolding[]> {
  return (await holdingRows(q, postId)).map(presentHolding);
}

export async function findPost(q: Queryable, id: string, now: Date): Promise<Post | undefined> {
  const [row] = await q.select(postColumns).from(posts).where(eq(posts.id, id));
  return row ? { ...row, createdAt: row.createdAt.toISOString(), holder: await holderAt(q, id, now) } : undefined;
}

/** The posts of one jurisdiction (not its subtree) with their current holders. */
export async function postsOf(q: Queryable, jurisdictionId: string, now: Date): Promise<Post[]> {
  const list = await q.select(postColumns).from(posts).where(eq(posts.jurisdictionId, jurisdictionId)).orderBy(asc(posts.id));
  return Promise.all(list.map(async (p) => ({ ...p, createdAt: p.createdAt.toISOString(), holder: await holderAt(q, p.id, now) })));
}

/**
 * The posts at and under a jurisdiction with their current holders, in path order: one query for
 * the posts, one for their open holdings, one name lookup per distinct holder.
 */
export async function postsUnder(q: Queryable, path: string, now: Date): Promise<Post[]> {
  const list = await q.select(postColumns).from(posts).where(sql`${posts.jurisdictionPath} <@ ${path}::ltree`).orderBy(asc(posts.jurisdictionPath), asc(posts.id));
  if (list.length === 0) return [];
  const open = await q.select({ postId: postHoldings.postId, userId: postHoldings.userId, from: postHoldings.fromAt, to: postHoldings.toAt }).from(postHoldings)
    .where(and(inArray(postHoldings.postId, list.map((p) => p.id)), isNull(postHoldings.toAt)));
  const names = new Map<string, string>();
  for (const userId of new Set(open.map((h) => h.userId))) names.set(userId, (await findStaff(q, userId))?.displayName ?? '');
  const byPost = new Map(open.filter((h) => h.from <= now).map((h) => [h.postId, presentHolding({ ...h, displayName: names.get(h.userId)! })]));
  return list.map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), holder: byPost.get(p.id) ?? null }));
}

export interface DutyPost {
  postId: string;
  jurisdictionId: string;
  title: string;
  holderId: string | null;
}

/** The duty posts of the given jurisdictions with their present holders, in one query (dispatch, overdue tasks). */
export async function dutyPostsOf(q: Queryable, jurisdictionIds: string[]): Promise<DutyPost[]> {
  if (jurisdictionIds.length === 0) return [];
  return q.select({ postId: posts.id, jurisdictionId: posts.jurisdictionId, title: posts.title, holderId: postHoldings.userId })
    .from(posts)
    .leftJoin(postHoldings, and(eq(postHoldings.postId, posts.id), isNull(postHoldings.toAt)))
    .where(and(eq(posts.kind, 'duty_post'), inArray(posts.jurisdictionId, jurisdictionIds)))
    .orderBy(asc(posts.id));
}
