/**
 * Run in its own process (node --expose-gc): loads a graph file (+ hierarchy) and prints what
 * it holds in memory as JSON. Used by run.ts so that peers and earlier work do not blur it.
 */
import { RoadGraph, loadGraphData, loadHierarchy } from '../../packages/roadgraph/src/index.js';

const [graphFile, chFile] = process.argv.slice(2) as [string, string];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
gc();
const before = process.memoryUsage();
const t = performance.now();
const cpu = process.cpuUsage();
const graph = new RoadGraph(await loadGraphData(graphFile));
const loadMs = performance.now() - t;
const used = process.cpuUsage(cpu);
const loadCpuMs = (used.user + used.system) / 1000;
graph.attachHierarchy(await loadHierarchy(chFile));
graph.snapper.snap([graph.data.nodeLon[0]!, graph.data.nodeLat[0]!]);
gc();
const after = process.memoryUsage();
const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
console.log(JSON.stringify({
  loadMs,
  loadCpuMs,
  heapUsedMb: mb(after.heapUsed - before.heapUsed),
  arrayBuffersMb: mb(after.arrayBuffers - before.arrayBuffers),
  rssMb: mb(after.rss),
  nodes: graph.nodeCount,
}));
