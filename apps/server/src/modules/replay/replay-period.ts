import { DEFAULT_WITHIN_SECONDS, REPLAY_MAX_CALLS, REPLAY_MAX_DAYS, type ReplayRequestBody, type ReplayResult } from '@firebreak/contracts';
import { AppError, invalidField } from '../../errors.js';
import type { Platform } from '../../platform/kernel.js';
import { deploymentRoadNetwork } from '../dispatch/index.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { countCalls, loadCalls, loadCards, loadFleet, type ReplayScope } from './replay-calls.js';
import { runReplay, type ReplayCall } from './run-replay.js';
import { sampleWeekCalls } from './sample-week.js';
import type { EtaEngine } from './travel.js';

/**
 * A what-if replay of a jurisdiction's calls of a period: read (scoped as the reports: the
 * jurisdiction must be one whose incidents the caller may read, `mayRead`, else the field names
 * no jurisdiction, as for every reference in a body), replay, answer. Writes nothing: the same
 * request gives the same answer, so it needs no Idempotency-Key.
 */
export async function replayPeriod(platform: Platform, body: ReplayRequestBody, opts: { mayRead: (path: string) => boolean; engine?: EtaEngine }): Promise<ReplayResult> {
  const req = parse(body);
  const j = await findJurisdiction(platform.db, req.jurisdictionId);
  if (!j || !opts.mayRead(j.path)) throw invalidField('body.jurisdictionId', 'no such jurisdiction in your scope');
  const scope: ReplayScope = { jurisdiction: { id: j.id, path: j.path, name: j.name }, from: req.from, to: req.to, origin: req.origin };
  const sample = req.sample ? await sampleOf(platform, j.path, req) : null;
  const count = sample ? sample.length : await countCalls(platform.db, scope);
  if (count > REPLAY_MAX_CALLS) throw new AppError('REPLAY_TOO_LARGE', `body.from: the period holds ${count} calls, at most ${REPLAY_MAX_CALLS}`, { fields: [{ path: 'body.from', message: `at most ${REPLAY_MAX_CALLS} calls` }] });
  const within = [...DEFAULT_WITHIN_SECONDS];
  const [calls, fleet, { byProfile }] = await Promise.all([sample ?? loadCalls(platform.db, scope, within), loadFleet(platform.db, j.path), deploymentRoadNetwork(platform.config)]);
  const cardOf = await loadCards(platform.db, calls);
  const figures = runReplay({
    graphs: byProfile, calls, fleet, seed: req.seed, deployment: req.deployment, compare: req.compare,
    tiers: platform.config.responseTiers, cardOf, within, ...(opts.engine ? { engine: opts.engine } : {}),
  });
  return { jurisdictionId: j.id, jurisdictionPath: j.path, from: req.from.toISOString(), to: req.to.toISOString(), origin: req.origin, ...figures };
}

/** The bundled sample's calls of the period, placed into the jurisdiction. */
async function sampleOf(platform: Platform, path: string, req: { from: Date; to: Date; seed: number }): Promise<ReplayCall[]> {
  const calls = await sampleWeekCalls(platform.db, platform.config, path, req.seed);
  if (!calls) throw invalidField('body.sample', `${path} has no boundary with buildings or key places of the map inside it to place the sample's calls at`);
  return calls.filter((c) => c.recorded.receivedAt >= req.from.getTime() && c.recorded.receivedAt < req.to.getTime());
}

/** The period checked: forward, at most REPLAY_MAX_DAYS. */
function parse(body: ReplayRequestBody) {
  const [from, to] = [new Date(body.from), new Date(body.to)];
  if (from >= to) throw invalidField('body.to', 'must be after from');
  if (to.getTime() - from.getTime() > REPLAY_MAX_DAYS * 86_400_000) {
    throw new AppError('REPLAY_TOO_LARGE', `body.to: at most ${REPLAY_MAX_DAYS} days after from`, { fields: [{ path: 'body.to', message: `at most ${REPLAY_MAX_DAYS} days after from` }] });
  }
  return { ...body, from, to };
}
