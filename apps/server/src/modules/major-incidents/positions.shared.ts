import { eq } from 'drizzle-orm';
import { invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import type { Tx } from '../../platform/db/client.js';
import { posts } from '../posts/index.js';

/** A post the actor may put into the command structure: any post it can see (reinforcing jurisdictions' posts included). */
export async function visiblePost(tx: Tx, actor: Actor, postId: string, field: string): Promise<{ id: string; title: string; path: string }> {
  const [p] = await tx.select({ id: posts.id, title: posts.title, path: posts.jurisdictionPath }).from(posts).where(eq(posts.id, postId));
  if (!p || !can(actor, 'jurisdictions:read', p.path)) throw invalidField(field, 'no such post in your scope');
  return p;
}
