import { SingleBar, Presets } from 'cli-progress';
import { buildFromOsm } from './build-from-osm.js';
import type { GraphData } from './graph-data.js';
import { readOsmRoads, type ImportProgress } from './osm-read.js';
import type { ProfileOptions } from './profile.js';

export interface ImportOptions extends ProfileOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Draw a terminal progress bar on stderr (for CLIs and scripts). */
  progressBar?: boolean;
}

/** OSM PBF file -> road graph data (see build-from-osm.ts for what becomes a node and an edge). */
export async function importOsm(file: string, opts: ImportOptions = {}): Promise<GraphData> {
  const bar = opts.progressBar ? new SingleBar({ format: 'roads {bar} {percentage}% | {value}/{total} MB', stream: process.stderr }, Presets.shades_classic) : undefined;
  let started = false;
  const onProgress = (p: ImportProgress) => {
    opts.onProgress?.(p);
    if (!bar) return;
    const mb = (b: number) => Math.round(b / 1e5) / 10;
    if (!started) bar.start(mb(p.totalBytes), 0);
    started = true;
    bar.update(mb(p.bytesRead));
  };
  try {
    return buildFromOsm(await readOsmRoads(file, onProgress, { emergencySpeedFactors: opts.emergencySpeedFactors, trafficSignalSeconds: opts.trafficSignalSeconds }));
  } finally {
    bar?.stop();
  }
}
