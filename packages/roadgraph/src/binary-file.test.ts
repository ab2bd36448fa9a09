import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGraph, encodeGraph, loadGraphData, saveGraph } from './binary-file.js';
import type { GraphData } from './graph-data.js';
import { BALTIMORE_PBF, extract } from './testing/extracts.js';

describe('binary graph file', () => {
  let dir: string;
  let data: GraphData;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'roadgraph-'));
    data = await extract(BALTIMORE_PBF);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('loads back exactly what was saved', async () => {
    const file = join(dir, 'baltimore.rgraph');
    await saveGraph(data, file);
    const loaded = await loadGraphData(file);
    for (const key of Object.keys(data) as (keyof GraphData)[]) expect(Array.from(loaded[key])).toEqual(Array.from(data[key]));
  });

  it('rejects a truncated file, another format and a missing file with clear errors', async () => {
    const bytes = encodeGraph(data);
    expect(() => decodeGraph(bytes.slice(0, bytes.length - 8))).toThrow(/truncated/);
    const other = join(dir, 'other.bin');
    await writeFile(other, 'hello, this is not a graph at all');
    await expect(loadGraphData(other)).rejects.toMatchObject({ code: 'ROADGRAPH_BAD_FILE' });
    await expect(loadGraphData(join(dir, 'nope.rgraph'))).rejects.toMatchObject({ code: 'ROADGRAPH_FILE_NOT_FOUND' });
  });

  it('rejects an edge pointing at a node that does not exist', () => {
    const bytes = encodeGraph(data);
    const copy = decodeGraph(bytes);
    copy.edgeTarget[0] = copy.nodeLon.length + 5;
    expect(() => decodeGraph(encodeGraph(copy))).toThrow(/missing node/);
  });

  it('rejects via-way restrictions that name a missing edge, are cut short or are no chain of edges', () => {
    const copy = decodeGraph(encodeGraph(data));
    const m = copy.edgeSource.length;
    const reject = (records: Int32Array, why: RegExp) => expect(() => decodeGraph(encodeGraph({ ...copy, viaWayRestrictions: records }))).toThrow(why);
    // An edge that does not meet edge 0 (no chain) and one that does.
    const meets = (a: number, b: number) => [copy.edgeSource[a], copy.edgeTarget[a]].some((v) => v === copy.edgeSource[b] || v === copy.edgeTarget[b]);
    const e = 0;
    const far = Array.from({ length: m }, (_, i) => i).find((i) => !meets(e, i))!;
    const near = Array.from({ length: m }, (_, i) => i).find((i) => i !== e && meets(e, i))!;
    reject(Int32Array.of(2, e, near, 1, m + 5), /missing edge/);
    reject(Int32Array.of(2, e, near, 3, near), /cut short/);
    reject(Int32Array.of(2, e, e, 1, far), /not a chain/);
    expect(decodeGraph(encodeGraph({ ...copy, viaWayRestrictions: Int32Array.of(2, e, e, 1, near) })).viaWayRestrictions).toHaveLength(5);
  });
});
