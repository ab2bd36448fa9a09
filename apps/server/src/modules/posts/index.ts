export { postRoutes } from './posts.routes.js';
export { dutyPostsOf, findPost, holderAt, type DutyPost } from './posts.queries.js';
export { postHoldings, posts } from './posts.tables.js';
export { ensureDemoPosts } from './demo-posts.js';
export { createPost } from './create-post.js';
