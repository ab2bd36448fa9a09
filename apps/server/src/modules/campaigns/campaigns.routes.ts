import { AssignmentListQuery, AssignmentPage, Campaign, CampaignProgress, CampaignProgressQuery, CoverageExportQuery, CoverageQuery, CoverageTree, CreateCampaignBody, IdParams } from '@firebreak/contracts';
import type { CoverageNodeShape } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can, isWithin, scopeRoots, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { findJurisdiction, jurisdictionNamesOf } from '../jurisdictions/index.js';
import { coverageUnder, findCampaign, listAssignments, listCampaigns, progressBuckets, touches } from './campaigns.queries.js';
import { progressSeries } from './progress.js';
import { issueCampaign } from './issue-campaign.js';
import { coverageCsv } from './report-csv.js';
import { coverageHtml } from './report-html.js';
import { coverageReportSpeech } from './report-words.js';
import { sendCsv } from '../../platform/http/csv-download.js';

export async function campaignRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];

  /** A campaign is visible when issued in my scope, or when its scope reaches into mine. */
  const visibleCampaign = async (actor: Actor, id: string) => {
    const c = await findCampaign(platform.db, id);
    const roots = scopeRoots(actor, 'places:read');
    if (!c || !(can(actor, 'places:read', c.issuerPath) || touches(c, roots))) throw notFound('Campaign');
    return { campaign: c, roots };
  };
  /** The subtree to report on: the one asked for, else the issuer, else the part of my scope it reaches. */
  const subtreeOf = async (actor: Actor, campaign: Campaign, roots: string[], jurisdictionId: string | undefined) => {
    if (jurisdictionId) {
      const j = await findJurisdiction(platform.db, jurisdictionId);
      if (!j || !can(actor, 'places:read', j.path)) throw notFound('Jurisdiction');
      return j.path;
    }
    if (can(actor, 'places:read', campaign.issuerPath)) return campaign.issuerPath;
    return roots.find((root) => campaign.scopePaths.some((s) => isWithin(root, s) || isWithin(s, root)))!;
  };

  r.get('/campaigns', {
    schema: { operationId: 'listCampaigns', tags, summary: 'Campaigns issued in my scope or reaching into it', response: { 200: z.array(Campaign) } },
    config: { access: 'places:read' },
  }, async (request) => listCampaigns(platform.db, scopeRoots(actorOf(request), 'places:read')));

  r.post('/campaigns', {
    schema: { operationId: 'issueCampaign', tags, summary: 'Issue a campaign: assignments for every place in scope', body: CreateCampaignBody, response: { 201: Campaign } },
    config: { access: 'campaigns:manage' },
  }, async (request, reply) => reply.status(201).send(await issueCampaign(platform.command, commandContext(request), request.body)));

  r.get('/campaigns/:id', {
    schema: { operationId: 'getCampaign', tags, summary: 'One campaign', params: IdParams, response: { 200: Campaign } },
    config: { access: 'places:read' },
  }, async (request) => (await visibleCampaign(actorOf(request), request.params.id)).campaign);

  r.get('/campaigns/:id/coverage', {
    schema: { operationId: 'getCampaignCoverage', tags, summary: 'Live coverage (inspected / in scope), by jurisdiction and category, rolled up the tree', params: IdParams, querystring: CoverageQuery, response: { 200: CoverageTree } },
    config: { access: 'places:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const { campaign, roots } = await visibleCampaign(actor, request.params.id);
    return coverageUnder(platform.db, campaign.id, await subtreeOf(actor, campaign, roots, request.query.jurisdictionId), request.query.depth);
  });

  r.get('/campaigns/:id/progress', {
    schema: { operationId: 'getCampaignProgress', tags, summary: 'Progress per day (inspected, missed, hazards found and rectified), for a chart', params: IdParams, querystring: CampaignProgressQuery, response: { 200: CampaignProgress } },
    config: { access: 'places:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const { campaign, roots } = await visibleCampaign(actor, request.params.id);
    const path = await subtreeOf(actor, campaign, roots, request.query.jurisdictionId);
    const { total, buckets } = await progressBuckets(platform.db, campaign.id, path);
    // Up to today, or to the day the assignments still pending were missed: nothing moves after that but hazards.
    const now = platform.clock();
    const until = new Date(Math.min(now.getTime(), Date.parse(campaign.missedAt)));
    const { timeZone } = request.query;
    return { campaignId: campaign.id, path, timeZone, total, days: progressSeries(buckets, { startsAt: new Date(campaign.startsAt), until, timeZone }) };
  });

  /** The export's tree, and its words: the reader's language and zone, every jurisdiction it shows (and the issuer) by name. */
  const exportOf = async (actor: Actor, id: string, q: CoverageExportQuery) => {
    const { campaign, roots } = await visibleCampaign(actor, id);
    const tree = await coverageUnder(platform.db, campaign.id, await subtreeOf(actor, campaign, roots, q.jurisdictionId), q.depth);
    const paths = [campaign.issuerPath];
    const collect = (n: CoverageNodeShape) => { paths.push(n.path); n.children.forEach(collect); };
    collect(tree);
    return { campaign, tree, speech: coverageReportSpeech(q.lang, q.timeZone, await jurisdictionNamesOf(platform.db, paths)) };
  };

  r.get('/campaigns/:id/report.csv', {
    schema: { operationId: 'getCampaignReportCsv', tags, summary: 'Coverage report as CSV (one line per jurisdiction and category), in the language asked for', params: IdParams, querystring: CoverageExportQuery },
    config: { access: 'places:read' },
  }, async (request, reply) => {
    const { campaign, tree, speech } = await exportOf(actorOf(request), request.params.id, request.query);
    return sendCsv(reply, `campaign-${campaign.id}-coverage.csv`, coverageCsv(tree, speech));
  });

  r.get('/campaigns/:id/report.html', {
    schema: { operationId: 'getCampaignReportHtml', tags, summary: 'Printable coverage report, in the language and time zone asked for', params: IdParams, querystring: CoverageExportQuery },
    config: { access: 'places:read' },
  }, async (request, reply) => {
    const { campaign, tree, speech } = await exportOf(actorOf(request), request.params.id, request.query);
    // Its Content-Security-Policy is the one every HTML page gets (platform/http/html.ts).
    return reply.type('text/html; charset=utf-8').send(coverageHtml(campaign, tree, platform.clock(), speech));
  });

  r.get('/campaigns/:id/assignments', {
    schema: { operationId: 'listCampaignAssignments', tags, summary: 'Assignments of a campaign in my scope', params: IdParams, querystring: AssignmentListQuery, response: { 200: AssignmentPage } },
    config: { access: 'places:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const { campaign, roots } = await visibleCampaign(actor, request.params.id);
    const { jurisdictionId, ...f } = request.query;
    const underPath = jurisdictionId ? await subtreeOf(actor, campaign, roots, jurisdictionId) : undefined;
    return listAssignments(platform.db, campaign.id, { ...f, roots, underPath });
  });
}
