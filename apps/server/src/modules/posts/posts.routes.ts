import { CreatePostBody, HandoverBody, HolderAt, HolderQuery, IdParams, Post, PostHolding, PostListQuery } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { createPost } from './create-post.js';
import { handOverPost } from './hand-over-post.js';
import { findPost, holderAt, holdingsOf, postsOf, postsUnder } from './posts.queries.js';

export async function postRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['posts'];
  const visiblePost = async (actor: Actor, id: string) => {
    const p = await findPost(platform.db, id, platform.clock());
    if (!p || !can(actor, 'jurisdictions:read', p.jurisdictionPath)) throw notFound('Post');
    return p;
  };

  r.get('/posts', {
    schema: { operationId: 'listPosts', tags, summary: "A jurisdiction's posts (with subtree=true, also every post below it) with their current holders", querystring: PostListQuery, response: { 200: z.array(Post) } },
    config: { access: 'jurisdictions:read' },
  }, async (request) => {
    const j = await findJurisdiction(platform.db, request.query.jurisdictionId);
    if (!j || !can(actorOf(request), 'jurisdictions:read', j.path)) throw notFound('Jurisdiction');
    return request.query.subtree ? postsUnder(platform.db, j.path, platform.clock()) : postsOf(platform.db, j.id, platform.clock());
  });

  r.get('/posts/:id', {
    schema: { operationId: 'getPost', tags, summary: 'One post with its current holder', params: IdParams, response: { 200: Post } },
    config: { access: 'jurisdictions:read' },
  }, async (request) => visiblePost(actorOf(request), request.params.id));

  r.get('/posts/:id/holder', {
    schema: { operationId: 'getPostHolderAt', tags, summary: 'Who held the post at a given time', params: IdParams, querystring: HolderQuery, response: { 200: HolderAt } },
    config: { access: 'jurisdictions:read' },
  }, async (request) => {
    await visiblePost(actorOf(request), request.params.id);
    const at = new Date(request.query.at);
    return { postId: request.params.id, at: at.toISOString(), holder: await holderAt(platform.db, request.params.id, at) };
  });

  r.get('/posts/:id/holdings', {
    schema: { operationId: 'listPostHoldings', tags, summary: 'Every holding of the post, oldest first', params: IdParams, response: { 200: z.array(PostHolding) } },
    config: { access: 'jurisdictions:read' },
  }, async (request) => {
    await visiblePost(actorOf(request), request.params.id);
    return holdingsOf(platform.db, request.params.id);
  });

  r.post('/posts', {
    schema: { operationId: 'createPost', errors: ['CONFLICT'], tags, summary: 'Create a vacant post in a jurisdiction', body: CreatePostBody, response: { 201: Post } },
    config: { access: 'posts:manage' },
  }, async (request, reply) => reply.status(201).send(await createPost(platform.command, commandContext(request), request.body)));

  r.post('/posts/:id/handovers', {
    schema: { operationId: 'handOverPost', errors: ['CONFLICT'], tags, summary: 'Hand the post over now (the previous holding ends at the same instant); null leaves it vacant', params: IdParams, body: HandoverBody, response: { 200: Post } },
    config: { access: 'posts:manage' },
  }, async (request) => handOverPost(platform.command, commandContext(request), request.params.id, request.body));
}
