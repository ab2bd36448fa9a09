export { directiveRoutes } from './directives.routes.js';
export { escalateDirectives } from './escalate-directives.js';
export { directiveRow, findDirective } from './directives.queries.js';
export { directives } from './directives.tables.js';
export { canSeeDirective } from './directives.access.js';
export { ensureDemoDirectives, DEMO_DIRECTIVE_TITLE } from './demo-directives.js';
