import { z } from 'zod';
import { Id, JurisdictionPath, Timestamp } from './common.js';

export const POST_KINDS = ['leader', 'deputy', 'head_of_department', 'duty_post', 'other'] as const;
export const PostKind = z.enum(POST_KINDS);
export type PostKind = z.infer<typeof PostKind>;

export const PostHolding = z.object({
  userId: Id,
  displayName: z.string(),
  from: Timestamp,
  /** Null while the holding lasts. */
  to: Timestamp.nullable(),
});
export type PostHolding = z.infer<typeof PostHolding>;

export const Post = z.object({
  id: Id,
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  kind: PostKind,
  title: z.string(),
  holder: PostHolding.nullable(),
  createdAt: Timestamp,
});
export type Post = z.infer<typeof Post>;

export const CreatePostBody = z.strictObject({
  jurisdictionId: Id,
  kind: PostKind,
  title: z.string().trim().min(1).max(200),
});
export type CreatePostBody = z.infer<typeof CreatePostBody>;

/** Hands the post over to a staff account now, or leaves it vacant (null). */
export const HandoverBody = z.strictObject({ userId: Id.nullable() });
export type HandoverBody = z.infer<typeof HandoverBody>;

/** A jurisdiction's posts; with `subtree=true` also every post below it (path order). */
export const PostListQuery = z.strictObject({ jurisdictionId: Id, subtree: z.enum(['true', 'false']).transform((v) => v === 'true').optional() });
export const HolderQuery = z.strictObject({ at: Timestamp });
export const HolderAt = z.object({ postId: Id, at: Timestamp, holder: PostHolding.nullable() });
