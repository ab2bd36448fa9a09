import {
  AcknowledgeDirectiveBody, Directive, DirectiveListQuery, DirectiveRollup, DirectiveSummary, DirectiveTarget, DirectiveTargetPage, DirectiveTargetParams, DirectiveTargetsQuery, IdParams, IssueDirectiveBody,
  IssuedDirective, ReportBackBody, RollupQuery,
} from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can, isWithin, scopeRoots, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { acknowledgeDirective } from './acknowledge-directive.js';
import { canSeeDirective, targetsSeenBy } from './directives.access.js';
import { childRollup, directiveRow, findDirective, hasTargetWithin, listDirectives, presentTarget, targetPage, targetRow } from './directives.queries.js';
import { issueDirective } from './issue-directive.js';
import { reportBack } from './report-back.js';

const AnsweredTarget = DirectiveTarget.extend({ directiveId: z.uuid() });

export async function directiveRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['directives'];
  const visibleDirective = async (actor: Actor, id: string) => {
    const d = await findDirective(platform.db, id, platform.clock());
    if (!d || !canSeeDirective(actor, d)) throw notFound('Directive');
    return targetsSeenBy(actor, d) === 'all' ? d : { ...d, targets: d.targets.filter((t) => can(actor, 'directives:read', t.jurisdictionPath)) };
  };
  // The same rule as canSeeDirective, with the targets probed by index: a national directive has thousands.
  const visibleRow = async (actor: Actor, id: string) => {
    const d = await directiveRow(platform.db, id);
    if (!d || !(can(actor, 'directives:read', d.issuerPath) || await hasTargetWithin(platform.db, d.id, scopeRoots(actor, 'directives:read')))) throw notFound('Directive');
    return d;
  };

  r.get('/directives', {
    schema: { operationId: 'listDirectives', tags, summary: 'Directives issued in or sent to my scope, newest first', querystring: DirectiveListQuery, response: { 200: z.array(DirectiveSummary) } },
    config: { access: 'directives:read' },
  }, async (request) => listDirectives(platform.db, scopeRoots(actorOf(request), 'directives:read'), request.query.limit));

  r.get('/directives/:id', {
    schema: { operationId: 'getDirective', tags, summary: 'One directive with every target and its status', params: IdParams, response: { 200: Directive } },
    config: { access: 'directives:read' },
  }, async (request) => visibleDirective(actorOf(request), request.params.id));

  r.get('/directives/:id/targets', {
    schema: { operationId: 'listDirectiveTargets', tags, summary: 'A page of the directive’s targets and their status, in jurisdiction-path order', params: IdParams, querystring: DirectiveTargetsQuery, response: { 200: DirectiveTargetPage } },
    config: { access: 'directives:read' },
  }, async (request) => {
    // The targets the reader sees, as GET /directives/:id shows them: all from the issuer's level, else its own.
    const actor = actorOf(request);
    const d = await visibleRow(actor, request.params.id);
    const roots = targetsSeenBy(actor, d) === 'all' ? undefined : scopeRoots(actor, 'directives:read');
    return targetPage(platform.db, d, request.query.cursor, request.query.limit, platform.clock(), roots);
  });

  r.get('/directives/:id/rollup', {
    schema: { operationId: 'getDirectiveRollup', tags, summary: "A level's view: its own status and its children's subtrees at a glance (default: the issuer)", params: IdParams, querystring: RollupQuery, response: { 200: DirectiveRollup } },
    config: { access: 'directives:read' },
  }, async (request) => {
    // Reads the directive row and probes its targets by index: a national directive has thousands,
    // and the top of the tree asks for this often (the benchmark's roll-up p99).
    // Reads that do not depend on each other go together (on a busy database each round trip waits its turn);
    // nothing is answered before both the directive and the level are found visible.
    const actor = actorOf(request);
    const asked = request.query.jurisdictionId;
    const [d, level] = await Promise.all([visibleRow(actor, request.params.id), asked === undefined ? undefined : findJurisdiction(platform.db, asked)]);
    const node = asked === undefined ? await findJurisdiction(platform.db, d.issuerJurisdictionId) : level;
    if (!node || !can(actor, 'directives:read', node.path)) throw notFound('Jurisdiction');
    const now = platform.clock();
    const [own, children] = await Promise.all([targetRow(platform.db, d.id, node.id), childRollup(platform.db, d, node, now)]);
    const concerned = isWithin(node.path, d.issuerPath) || own !== undefined || await hasTargetWithin(platform.db, d.id, [node.path]);
    if (!concerned) throw notFound('Jurisdiction');
    const self = own ? presentTarget(d, own, now) : null;
    return { directiveId: d.id, jurisdictionPath: node.path, self, children };
  });

  r.post('/directives', {
    schema: { operationId: 'issueDirective', errors: ['DIRECTIVE_TARGET_OUTSIDE_SUBTREE'], tags, summary: 'Issue a directive to jurisdictions of the issuer’s subtree', body: IssueDirectiveBody, response: { 201: IssuedDirective } },
    config: { access: 'directives:issue' },
  }, async (request, reply) => reply.status(201).send(await issueDirective(platform.command, commandContext(request), request.body)));

  r.post('/directives/:id/targets/:jurisdictionId/acknowledgement', {
    schema: { operationId: 'acknowledgeDirective', errors: ['DIRECTIVE_TARGET_TRANSITION_NOT_ALLOWED'], tags, summary: 'Acknowledge the directive for a target jurisdiction', params: DirectiveTargetParams, body: AcknowledgeDirectiveBody, response: { 200: AnsweredTarget } },
    config: { access: 'directives:respond' },
  }, async (request) => acknowledgeDirective(platform.command, commandContext(request), request.params.id, request.params.jurisdictionId, request.body));

  r.post('/directives/:id/targets/:jurisdictionId/report', {
    schema: { operationId: 'reportOnDirective', errors: ['DIRECTIVE_TARGET_TRANSITION_NOT_ALLOWED'], tags, summary: 'Report back on the directive for a target jurisdiction', params: DirectiveTargetParams, body: ReportBackBody, response: { 200: AnsweredTarget } },
    config: { access: 'directives:respond' },
  }, async (request) => reportBack(platform.command, commandContext(request), request.params.id, request.params.jurisdictionId, request.body));
}
