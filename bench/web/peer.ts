/// <reference lib="dom" />
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { signedInContext } from './probes.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const MAPLIBRE = [path.join(REPO, 'node_modules/maplibre-gl/dist'), path.join(REPO, 'apps/web/node_modules/maplibre-gl/dist')].find(existsSync)!;
const ASSETS = path.join(REPO, 'apps/web/dist/assets');

const PAGE = (workerUrl: string) => `<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="/peer/maplibre-gl.css">
<style>html, body, #map { margin: 0; height: 100%; background: #1a1b1e; }</style></head>
<body><div id="map"></div>
<script type="module">
  import * as maplibregl from '/peer/maplibre-gl.mjs';
  maplibregl.setWorkerUrl(${JSON.stringify(workerUrl)});
  window.startPeer = (style, camera) => {
    const map = new maplibregl.Map({ container: 'map', style, center: camera.center, zoom: camera.zoom, attributionControl: false });
    map.on('load', () => { window.peer = { map, ready: true }; });
  };
</script></body></html>`;

export interface PeerInput {
  /** The app's base map style (its vector source and layers), so both draw the same map. */
  style: object;
  camera: { center: [number, number]; zoom: number };
  size: { width: number; height: number };
  units: GeoJSON.Feature[];
  incidents: GeoJSON.Feature[];
}

/**
 * The peer: MapLibre alone on a page of the same origin (for the same session and tiles), the
 * app's base map, and the same units and incidents as two GeoJSON sources drawn as circles; no
 * React, no query cache, no stream. What the app could at best reach with this map engine.
 */
export async function openPeer(browser: Browser, base: string, cookie: string, input: PeerInput): Promise<Page> {
  const context = await signedInContext(browser, base, cookie);
  const page = await context.newPage();
  await page.setViewportSize(input.size);
  const worker = readdirSync(ASSETS).find((f) => f.startsWith('maplibre-gl-worker') && f.endsWith('.mjs'))!;
  await page.route(`${base}/peer/**`, (route) => {
    const file = new URL(route.request().url()).pathname.slice('/peer/'.length);
    if (file === 'index.html') return route.fulfill({ contentType: 'text/html', body: PAGE(`/assets/${worker}`) });
    if (file === 'maplibre-gl.mjs' || file === 'maplibre-gl.css') return route.fulfill({ contentType: file.endsWith('css') ? 'text/css' : 'text/javascript', body: readFileSync(path.join(MAPLIBRE, file)) });
    return route.fulfill({ status: 404 });
  });
  await page.goto(`${base}/peer/index.html`);
  await page.waitForFunction(() => 'startPeer' in window);
  await page.evaluate(({ style, camera }) => (window as unknown as { startPeer(s: object, c: object): void }).startPeer(style, camera), { style: input.style, camera: input.camera });
  await page.waitForFunction(() => window.peer?.ready === true, undefined, { timeout: 60_000 });
  await page.evaluate(({ units, incidents }) => {
    const map = window.peer!.map;
    map.addSource('incidents', { type: 'geojson', data: { type: 'FeatureCollection', features: incidents }, promoteId: 'id' });
    map.addSource('units', { type: 'geojson', data: { type: 'FeatureCollection', features: units }, promoteId: 'id' });
    map.addLayer({ id: 'incidents', type: 'circle', source: 'incidents', paint: { 'circle-radius': 7, 'circle-color': ['match', ['get', 'priority'], 'P1', '#e03131', 'P2', '#f76707', 'P3', '#fab005', '#868e96'], 'circle-stroke-width': ['match', ['get', 'ageBucket'], 0, 3, 1, 2, 1], 'circle-stroke-color': '#fff' } });
    map.addLayer({ id: 'units', type: 'circle', source: 'units', paint: { 'circle-radius': 5, 'circle-color': ['match', ['get', 'status'], 'available', '#2f9e44', 'dispatched', '#f08c00', '#1c7ed6'], 'circle-opacity': ['case', ['==', ['get', 'stale'], true], 0.4, 1] } });
  }, { units: input.units, incidents: input.incidents });
  await page.waitForFunction(() => window.peer!.map.loaded() && window.peer!.map.querySourceFeatures('units').length > 0, undefined, { polling: 'raf', timeout: 60_000 });
  return page;
}

/** The app's base map (vector source and its layers) and camera, read from the running app. */
export function appBaseMap(page: Page): Promise<Omit<PeerInput, 'units' | 'incidents'>> {
  return page.evaluate(() => {
    const map = window.firebreakMap!.map;
    const style = map.getStyle();
    const vector = Object.entries(style.sources).filter(([, s]) => s.type === 'vector');
    const keep = new Set(vector.map(([id]) => id));
    const layers = style.layers.filter((l) => !('source' in l) || keep.has(l.source as string));
    const c = map.getCenter();
    const canvas = map.getCanvas();
    return {
      style: { ...style, sources: Object.fromEntries(vector), layers },
      camera: { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom() },
      size: { width: canvas.clientWidth, height: canvas.clientHeight },
    };
  });
}
