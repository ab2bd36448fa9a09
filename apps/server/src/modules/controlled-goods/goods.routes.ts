import { CreateGoodsSiteBody, DiscrepancyReportQuery, DiscrepancyReportRow, GoodsDiscrepancy, GoodsSite, GoodsSiteListQuery, GoodsTransfer, HAZARD_CLASSES, IdParams, RecordedTransfers, RecordTransferBody, RecordTransfersBody, Reconciliation, ReconcileBody, RenewLicenceBody, ReverseTransferBody, TransferListQuery } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can, scopeRoots, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { subtreeFilter } from '../jurisdictions/index.js';
import { discrepanciesOf, findSite, findTransfer, listSites, transfersOfSite } from './goods.queries.js';
import { discrepancyReport } from './discrepancy-report.js';
import { licenseSite, renewLicence } from './license-site.js';
import { reconcileStock } from './reconcile-stock.js';
import { recordTransfer, recordTransfers } from './record-transfer.js';
import { reverseTransfer } from './reverse-transfer.js';
import { transportRoutes } from './transport.routes.js';

const mayRead = (actor: Actor, s: GoodsSite): boolean => can(actor, 'places:read', s.place.jurisdictionPath) || can(actor, 'places:read', s.supervisingPath);

/** Licensed sites, their exact ledger and reconciliations (see CONTEXT.md). */
export async function goodsRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['controlled-goods'];
  const now = () => platform.command.clock();
  const visibleSite = async (actor: Actor, id: string): Promise<GoodsSite> => {
    const site = await findSite(platform.db, id, now());
    if (!site || !mayRead(actor, site)) throw notFound('Site');
    return site;
  };

  r.get('/goods/hazard-classes', {
    schema: { operationId: 'listHazardClasses', tags, summary: 'The UN hazard classes and divisions a licensed chemical is given (UN Model Regulations, Part 2)', response: { 200: z.array(z.string()) } },
    config: { access: 'places:read' },
  }, async () => [...HAZARD_CLASSES]);

  r.get('/goods/sites', {
    schema: { operationId: 'listGoodsSites', tags, summary: 'Licensed sites in my scope with their licence state and stock (nearest first with `near`)', querystring: GoodsSiteListQuery, response: { 200: z.array(GoodsSite) } },
    config: { access: 'places:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const { jurisdictionId, near, radiusMeters, state, placeId } = request.query;
    const underPath = await subtreeFilter(platform.db, actor, 'places:read', jurisdictionId);
    const [lon, lat] = near ? near.split(',').map(Number) : [];
    return listSites(platform.db, { roots: scopeRoots(actor, 'places:read'), underPath, state, near: near ? { lon: lon!, lat: lat!, radiusMeters } : undefined, placeId }, now());
  });

  r.post('/goods/sites', {
    schema: { operationId: 'licenseGoodsSite', errors: ['GOODS_SITE_EXISTS', 'GOODS_ITEM_CONFLICT'], tags, summary: 'License a key place to hold dangerous goods or controlled items', body: CreateGoodsSiteBody, response: { 201: GoodsSite } },
    config: { access: 'goods:license' },
  }, async (request, reply) => reply.status(201).send(await licenseSite(platform.command, commandContext(request), request.body)));

  r.get('/goods/sites/:id', {
    schema: { operationId: 'getGoodsSite', tags, summary: 'One licensed site: licence, state and stock per item', params: IdParams, response: { 200: GoodsSite } },
    config: { access: 'places:read' },
  }, async (request) => visibleSite(actorOf(request), request.params.id));

  r.put('/goods/sites/:id/licence', {
    schema: { operationId: 'renewGoodsLicence', errors: ['CONFLICT', 'GOODS_LICENCE_BELOW_STOCK', 'GOODS_ITEM_CONFLICT'], tags, summary: "Renew or change a site's licence (validity, items, maxima)", params: IdParams, body: RenewLicenceBody, response: { 200: GoodsSite } },
    config: { access: 'goods:license' },
  }, async (request) => renewLicence(platform.command, commandContext(request), request.params.id, request.body));

  r.get('/goods/sites/:id/transfers', {
    schema: { operationId: 'listGoodsSiteTransfers', tags, summary: "A site's ledger: its movements, newest first", params: IdParams, querystring: TransferListQuery, response: { 200: z.array(GoodsTransfer) } },
    config: { access: 'places:read' },
  }, async (request) => {
    const site = await visibleSite(actorOf(request), request.params.id);
    return transfersOfSite(platform.db, site.id, request.query);
  });

  r.post('/goods/transfers', {
    schema: { operationId: 'recordGoodsTransfer', errors: ['GOODS_NOT_LICENSED', 'GOODS_LICENCE_NOT_VALID', 'GOODS_INSUFFICIENT_BALANCE', 'GOODS_LICENCE_MAXIMUM_EXCEEDED', 'GOODS_TRANSFER_EXISTS'], tags, summary: 'Record a movement (receipt, issue, transfer, consumption, destruction, loss); the same id again is answered, never applied twice', body: RecordTransferBody, response: { 200: GoodsTransfer, 201: GoodsTransfer } },
    config: { access: 'goods:record' },
  }, async (request, reply) => {
    const { transfer, replayed } = await recordTransfer(platform.command, commandContext(request), request.body);
    return reply.status(replayed ? 200 : 201).send(transfer);
  });

  r.post('/goods/transfers/batch', {
    schema: { operationId: 'recordGoodsTransferBatch', errors: ['GOODS_NOT_LICENSED', 'GOODS_LICENCE_NOT_VALID', 'GOODS_INSUFFICIENT_BALANCE', 'GOODS_LICENCE_MAXIMUM_EXCEEDED', 'GOODS_TRANSFER_EXISTS'], tags, summary: 'Record up to 1,000 movements in order, all or none (errors name the movement: body.transfers.N)', body: RecordTransfersBody, response: { 200: RecordedTransfers, 201: RecordedTransfers } },
    config: { access: 'goods:record' },
  }, async (request, reply) => {
    const out = await recordTransfers(platform.command, commandContext(request), request.body.transfers, (i) => `body.transfers.${i}`);
    return reply.status(out.replayed.every(Boolean) ? 200 : 201).send(out);
  });

  r.get('/goods/transfers/:id', {
    schema: { operationId: 'getGoodsTransfer', tags, summary: 'One movement', params: IdParams, response: { 200: GoodsTransfer } },
    config: { access: 'places:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const t = await findTransfer(platform.db, request.params.id);
    if (!t) throw notFound('Movement');
    for (const siteId of new Set([t.debit.siteId, t.credit.siteId])) {
      const s = await findSite(platform.db, siteId, now());
      if (s && mayRead(actor, s)) return t;
    }
    throw notFound('Movement');
  });

  r.post('/goods/transfers/:id/reverse', {
    schema: { operationId: 'reverseGoodsTransfer', errors: ['GOODS_TRANSFER_REVERSED', 'GOODS_TRANSFER_EXISTS', 'GOODS_INSUFFICIENT_BALANCE', 'GOODS_LICENCE_MAXIMUM_EXCEEDED'], tags, summary: 'Undo a movement by its mirror transfer (movements are never edited)', params: IdParams, body: ReverseTransferBody, response: { 200: GoodsTransfer, 201: GoodsTransfer } },
    config: { access: 'goods:record' },
  }, async (request, reply) => {
    const { transfer, replayed } = await reverseTransfer(platform.command, commandContext(request), request.params.id, request.body);
    return reply.status(replayed ? 200 : 201).send(transfer);
  });

  r.post('/goods/sites/:id/reconciliations', {
    schema: { operationId: 'reconcileGoodsStock', tags, summary: 'Counted stock against the ledger: discrepancies, and a graded hazard for each above tolerance', params: IdParams, body: ReconcileBody, response: { 201: Reconciliation } },
    config: { access: 'inspections:record' },
  }, async (request, reply) => reply.status(201).send(await reconcileStock(platform.command, commandContext(request), request.params.id, request.body)));

  r.get('/goods/sites/:id/discrepancies', {
    schema: { operationId: 'listGoodsSiteDiscrepancies', tags, summary: "A site's counted-against-ledger differences, newest first", params: IdParams, response: { 200: z.array(GoodsDiscrepancy) } },
    config: { access: 'places:read' },
  }, async (request) => {
    const site = await visibleSite(actorOf(request), request.params.id);
    return discrepanciesOf(platform.db, sql`d.site_id = ${site.id}`);
  });

  r.get('/goods/discrepancies/report', {
    schema: { operationId: 'reportGoodsDiscrepancies', tags, summary: 'Discrepancies by jurisdiction and site', querystring: DiscrepancyReportQuery, response: { 200: z.array(DiscrepancyReportRow) } },
    config: { access: 'places:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const underPath = await subtreeFilter(platform.db, actor, 'places:read', request.query.jurisdictionId);
    const scope = withinRoots(sql`d.jurisdiction_path`, scopeRoots(actor, 'places:read'));
    return discrepancyReport(platform.db, { scope, underPath, since: request.query.since ? new Date(request.query.since) : undefined });
  });

  await transportRoutes(app, { platform });
}
