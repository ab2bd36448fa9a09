import type { ExerciseStarted, StartExerciseBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, forbidden } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import type { Platform } from '../../platform/kernel.js';
import { deploymentRoadNetwork } from '../dispatch/index.js';
import { deepestContaining } from '../places/index.js';
import { GAS_EXPLOSION_SCRIPT, playGasExplosion, VADUZ_MARKET } from './exercise-gas-explosion.js';

/** Where a played exercise tells what happens (the server's log). */
export type ExerciseLog = { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };

/**
 * The scripted exercise inside a running server (`POST /major-incidents/exercises/gas-explosion`):
 * the node plays the script over its timeline through its own commands, so every node and browser
 * sees each call and change arrive as it would from the CLI beside a PostgreSQL deployment, and an
 * embedded (PGlite) deployment needs no stop. One at a time per node
 * (`MAJOR_INCIDENT_EXERCISE_RUNNING`); closing the node stops it before its next step (what was
 * played stays). Started by whoever issues directives where the explosion happens (its duty
 * officers, commanders, administrators there or above): the same people who run such an
 * exercise's command.
 */
export class ExerciseRunner {
  private running: { stop: AbortController; done: Promise<void> } | null = null;

  constructor(private readonly platform: Platform, private readonly log: ExerciseLog) {}

  async start(actor: Actor, input: StartExerciseBody): Promise<ExerciseStarted> {
    const at = input.at ?? VADUZ_MARKET;
    const speed = input.speed ?? 1;
    const owner = await deepestContaining(this.platform.db, sql`ST_SetSRID(ST_MakePoint(${at[0]}, ${at[1]}), 4326)`);
    if (!owner) throw new AppError('NO_JURISDICTION_AT_POINT', 'body.at: lies in no jurisdiction', { fields: [{ path: 'body.at', message: 'lies in no jurisdiction' }] });
    if (!can(actor, 'directives:issue', owner.path)) throw forbidden(`Only a duty officer, commander or administrator of ${owner.path} or above may start an exercise there`);
    if (this.running) throw new AppError('MAJOR_INCIDENT_EXERCISE_RUNNING');
    const stop = new AbortController();
    const roads = async () => (await deploymentRoadNetwork(this.platform.config)).graph;
    const startedAt = this.platform.clock();
    this.log.info({ at, speed, by: actor.id }, 'exercise gas-explosion started');
    const done = playGasExplosion(this.platform, { at, speed, roads, signal: stop.signal, onLine: (line) => this.log.info({ exercise: 'gas-explosion' }, line) })
      .then((r) => this.log.info({ majorIncidentId: r.majorIncident.id }, 'exercise gas-explosion played'))
      .catch((err: unknown) => this.log.error({ err }, 'exercise gas-explosion stopped'))
      .finally(() => { this.running = null; });
    this.running = { stop, done };
    const minutes = Math.max(...GAS_EXPLOSION_SCRIPT.map((s) => s.atMinute)) / speed;
    return { scenario: 'gas-explosion', at, speed, minutes, startedAt: startedAt.toISOString() };
  }

  /**
   * Resolves once the exercise playing now (if any) has played to its end or stopped: what a test
   * awaits after the 202 before it reads what the exercise wrote. Changes nothing for the player.
   */
  async settled(): Promise<void> {
    await this.running?.done;
  }

  async close(): Promise<void> {
    const r = this.running;
    if (!r) return;
    r.stop.abort();
    await r.done;
  }
}

const runners = new WeakMap<Platform, ExerciseRunner>();

/** The node's exercise runner (one per platform: the route plays on it, tests await its `settled()`). */
export function exerciseRunnerOf(platform: Platform, log: ExerciseLog = platform.log): ExerciseRunner {
  let runner = runners.get(platform);
  if (!runner) {
    runner = new ExerciseRunner(platform, log);
    runners.set(platform, runner);
  }
  return runner;
}
