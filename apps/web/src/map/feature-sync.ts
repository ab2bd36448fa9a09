import type { GeoJSONSource, GeoJSONSourceDiff, Map as MapLibreMap } from 'maplibre-gl';

export type Feature = GeoJSON.Feature<GeoJSON.Geometry, Record<string, unknown>> & { id: string };

/** What changed between two snapshots of a list, by item identity (immutable updates). */
export function diffById<T>(previous: ReadonlyMap<string, T>, next: readonly T[], idOf: (t: T) => string) {
  const added: T[] = [];
  const changed: T[] = [];
  const current = new Map<string, T>();
  for (const item of next) {
    const id = idOf(item);
    current.set(id, item);
    const before = previous.get(id);
    if (before === undefined) added.push(item);
    else if (before !== item) changed.push(item);
  }
  const removed: string[] = [];
  for (const id of previous.keys()) if (!current.has(id)) removed.push(id);
  return { added, changed, removed, current };
}

/**
 * Keeps a GeoJSON source in step with a list of records. The first snapshot is sent whole; after
 * that only the features whose record changed travel to the map's worker (`updateData`), so a
 * second in which 5,000 units move costs 5,000 features, and one in which three move costs three.
 */
export class FeatureSync<T> {
  private held = new Map<string, T>();
  private loaded = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly sourceId: string,
    private readonly idOf: (t: T) => string,
    private readonly toFeature: (t: T) => Feature | null,
  ) {}

  update(items: readonly T[]): void {
    const source = this.map.getSource<GeoJSONSource>(this.sourceId);
    if (!source) return;
    const { added, changed, removed, current } = diffById(this.held, items, this.idOf);
    this.held = current;
    if (!this.loaded) {
      this.loaded = true;
      void source.setData({ type: 'FeatureCollection', features: items.map(this.toFeature).filter((f): f is Feature => f !== null) });
      return;
    }
    if (!added.length && !changed.length && !removed.length) return;
    const diff: GeoJSONSourceDiff = { remove: [...removed], add: [], update: [] };
    for (const item of added) {
      const f = this.toFeature(item);
      if (f) diff.add!.push(f);
    }
    for (const item of changed) {
      const f = this.toFeature(item);
      // A record that lost its geometry (e.g. a unit with no position) leaves the map.
      if (!f) diff.remove!.push(this.idOf(item));
      // Every feature of a source carries the same keys, so overwriting them all is a full replacement.
      else diff.update!.push({ id: f.id, newGeometry: f.geometry, addOrUpdateProperties: Object.entries(f.properties).map(([key, value]) => ({ key, value })) });
    }
    void source.updateData(diff);
  }

  /** Forget what the map holds: the next update sends everything (after a style reload). */
  reset(): void {
    this.held = new Map();
    this.loaded = false;
  }
}
