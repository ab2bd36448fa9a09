import highsDefault from 'highs';
import { coveredWeight, relativeGap, weightedTime, type PlacementProblem, type Solution } from './placement-model.js';
import { solveHeuristic } from './placement-heuristic.js';
import { solvePMedianExact } from './pmedian-exact.js';

// highs ships CommonJS typings whose `export default` TypeScript (NodeNext) reads as the module
// itself; at run time the ES build's default export is the loader.
const loadHighs = highsDefault as unknown as typeof highsDefault.default;
type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | undefined;
/** One compiled HiGHS per process: compiling the WebAssembly again for each solve costs more than small solves. */
const solver = (): Promise<Highs> => (highs ??= loadHighs());

/**
 * The model in CPLEX LP format. p-median: the strong formulation (x_ij <= y_j per pair), only
 * over pairs a post can reach; MCLP: z_i <= sum of the posts within T of i.
 */
export function lpText(pr: PlacementProblem, opts: { relaxed?: boolean } = {}): string {
  const { n, m } = pr;
  const lines: string[] = [];
  const y = (j: number) => `y${j}`;
  if (pr.kind === 'p-median') {
    const obj: string[] = [];
    const assign: string[] = [];
    const link: string[] = [];
    for (let i = 0; i < n; i++) {
      const row: string[] = [];
      for (let j = 0; j < m; j++) {
        const d = pr.time[i * m + j]!;
        if (d === Infinity) continue;
        const c = pr.weight[i]! * d;
        if (c !== 0) obj.push(`+ ${c} x${i}_${j}`);
        row.push(`+ x${i}_${j}`);
        link.push(` l${i}_${j}: x${i}_${j} - ${y(j)} <= 0`);
      }
      assign.push(` a${i}: ${row.join(' ')} = 1`);
    }
    lines.push('Minimize', ` obj: ${obj.length ? obj.join(' ') : '0 y0'}`, 'Subject To', ...assign, ...link);
  } else {
    const T = pr.withinSeconds!;
    const obj: string[] = [];
    const cover: string[] = [];
    for (let i = 0; i < n; i++) {
      if (pr.weight[i] === 0) continue;
      obj.push(`+ ${pr.weight[i]} z${i}`);
      const near: string[] = [];
      for (let j = 0; j < m; j++) if (pr.time[i * m + j]! <= T) near.push(`- ${y(j)}`);
      cover.push(` c${i}: z${i} ${near.join(' ')} <= 0`);
    }
    lines.push('Maximize', ` obj: ${obj.length ? obj.join(' ') : '0 y0'}`, 'Subject To', ...cover);
  }
  lines.push(` p: ${Array.from({ length: m }, (_, j) => `+ ${y(j)}`).join(' ')} = ${pr.p}`, 'Bounds');
  if (pr.kind === 'mclp') for (let i = 0; i < n; i++) if (pr.weight[i] !== 0) lines.push(` 0 <= z${i} <= 1`);
  if (opts.relaxed) lines.push(...Array.from({ length: m }, (_, j) => ` 0 <= ${y(j)} <= 1`), 'End');
  else lines.push('Binary', ...Array.from({ length: m }, (_, j) => ` ${y(j)}`), 'End');
  return lines.join('\n');
}

/**
 * Solves the model exactly. p-median: Lagrangean branch and bound (`pmedian-exact.ts`) from the
 * heuristic's posts; MCLP: HiGHS on the full model. On a time-out the best solution found comes
 * back flagged, with its gap to the best proven bound.
 */
export async function solveExact(pr: PlacementProblem, opts: { timeLimitSeconds: number; now?: () => number }): Promise<Solution> {
  if (pr.kind === 'mclp') return solveHighs(pr, opts);
  const started = performance.now();
  const now = opts.now ?? (() => performance.now());
  const deadline = now() + opts.timeLimitSeconds * 1000;
  // The start gets a quarter of the wall limit; on another clock (the bench's CPU time) it runs to its end,
  // else a loaded machine's wall time would cut it short and hand the tree a weaker start.
  const start = solveHeuristic(pr, { ...(opts.now ? {} : { timeLimitMs: opts.timeLimitSeconds * 1000 / 4 }), bound: false });
  const s = solvePMedianExact(pr, { start: start.chosen, deadline, now });
  const objective = weightedTime(pr, s.chosen);
  const bound = s.optimal ? objective : s.bound;
  return { chosen: s.chosen, objective, bound, gap: relativeGap(objective, bound), timedOut: !s.optimal, method: 'exact', milliseconds: performance.now() - started };
}

/** HiGHS's LP relaxation of the full model: the LP bound (upper for MCLP, lower for p-median). */
export async function lpBound(pr: PlacementProblem): Promise<number> {
  const result = (await solver()).solve(lpText(pr, { relaxed: true }), { output_flag: false });
  if (result.Status !== 'Optimal') throw new Error(`HiGHS ended with status ${result.Status}`);
  return result.ObjectiveValue;
}

/**
 * HiGHS (branch and cut) on the full model. On a time-out the best solution HiGHS found — or
 * the heuristic's, if better or if HiGHS found none — comes back flagged, with its gap to the
 * heuristic's Lagrangean bound (the one-shot API does not report HiGHS's own dual bound).
 */
export async function solveHighs(pr: PlacementProblem, opts: { timeLimitSeconds: number }): Promise<Solution> {
  const started = performance.now();
  const h = await solver();
  const result = h.solve(lpText(pr), { output_flag: false, time_limit: opts.timeLimitSeconds, mip_rel_gap: 0 });
  const T = pr.withinSeconds ?? 0;
  const value = (chosen: number[]) => (pr.kind === 'mclp' ? coveredWeight(pr, T, chosen) : weightedTime(pr, chosen));
  if (result.Status === 'Optimal') {
    const chosen = Array.from({ length: pr.m }, (_, j) => j).filter((j) => (result.Columns[`y${j}`]?.Primal ?? 0) > 0.5);
    const objective = value(chosen);
    return { chosen, objective, bound: objective, gap: 0, timedOut: false, method: 'exact', milliseconds: performance.now() - started };
  }
  if (result.Status !== 'Time limit reached') throw new Error(`HiGHS ended with status ${result.Status}`);
  const fallback = solveHeuristic(pr);
  const found = Array.from({ length: pr.m }, (_, j) => j).filter((j) => (result.Columns?.[`y${j}`]?.Primal ?? 0) > 0.5);
  const better = (a: number, b: number) => (pr.kind === 'mclp' ? a > b : a < b);
  const useFound = found.length === pr.p && better(value(found), fallback.objective);
  const chosen = useFound ? found : fallback.chosen;
  const objective = value(chosen);
  return { chosen, objective, bound: fallback.bound, gap: relativeGap(objective, fallback.bound), timedOut: true, method: 'exact', milliseconds: performance.now() - started };
}
