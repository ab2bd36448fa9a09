import type { Incident, Place, Unit } from '@firebreak/contracts';
import { AttributionControl, Map as MapLibreMap, Marker, NavigationControl, Popup, ScaleControl, prewarm, setWorkerUrl, type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl';
// MapLibre finds its worker beside its own module at run time, which a bundler cannot see: hand Vite the file.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { baseStyle, labelField, mapLocale, NAME_LABEL_LAYERS, osmAttribution } from './base-style';
import { FeatureSync } from './feature-sync';
import { addIcons } from './icons';
import {
  addOverlays, CLICKABLE_LAYERS, hazardFeature, incidentFeature, OVERLAYS, placeFeature, scaleIcons, setOverlayVisible, unitFeature,
  type HazardSite, type Overlay,
} from './overlays';

export interface MapViewProps {
  incidents: readonly Incident[];
  units: readonly Unit[];
  places: readonly Place[];
  hazardSites: readonly HazardSite[];
  jurisdictions: GeoJSON.FeatureCollection | null;
  rings: GeoJSON.FeatureCollection | null;
  selectedIncidentId: string | null;
  picking: boolean;
  pickedPoint: [number, number] | null;
  visible: Record<Overlay, boolean>;
  focus: { center: [number, number]; zoom?: number; key: string } | null;
  /** Fitted once, when first known (the user's own area). */
  initialBounds: [number, number, number, number] | null;
  /**
   * The caller is still working out `initialBounds`: the map is made when they come (or after
   * AWAIT_BOUNDS_MS), so it fetches, parses and labels the base tiles once, for the view it shows,
   * instead of first for a default view and then again for the fitted one (docs/benchmarks.md).
   */
  awaitingBounds?: boolean;
  onPick: (lonLat: [number, number]) => void;
  onSelectIncident: (id: string) => void;
  onSelectPlace: (placeId: string, lonLat: [number, number]) => void;
  onBaseMapError?: (message: string) => void;
  /** The map has drawn its first complete view (MapLibre's `load`): what only fills in the overlay can come now. */
  onLoad?: () => void;
}

/** An incident as drawn: rebuilt only when the incident, its selection or its label (type and age in whole minutes) changes. */
interface IncidentView { incident: Incident; selected: boolean; label: string }

/** For tests and benchmarks: the map is a canvas, so its state is reachable here (like tldraw's test API). */
declare global {
  interface Window { firebreakMap?: { map: MapLibreMap; ready: boolean; counts: () => Record<string, number> } }
}

const LIECHTENSTEIN: [number, number] = [9.55, 47.16];
const DEFAULT_ZOOM = 10.5;
/** The longest the map waits for its first view (a slow places list must not keep it blank): then the default view, fitted later. */
const AWAIT_BOUNDS_MS = 2000;
setWorkerUrl(workerUrl);
// Start the map's workers now, while the app checks the session and renders, not when the map mounts.
prewarm();

export function MapView(props: MapViewProps) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const syncs = useRef<{ units: FeatureSync<Unit>; incidents: FeatureSync<IncidentView>; places: FeatureSync<Place>; hazards: FeatureSync<HazardSite> } | null>(null);
  const views = useRef(new WeakMap<Incident, IncidentView>());
  const handlers = useRef(props);
  handlers.current = props;
  const picked = useRef<Marker | null>(null);
  // `ready`: the overlays are in (from the style's load on); `loaded`: the map has drawn its first complete view.
  const [ready, setReady] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const fitted = useRef(false);
  // Made at once, or once the first view is known (or waited for long enough): see `awaitingBounds`.
  const [made, setMade] = useState(!props.awaitingBounds);
  if (!made && !props.awaitingBounds) setMade(true);
  useEffect(() => {
    if (made) return;
    const timer = setTimeout(() => setMade(true), AWAIT_BOUNDS_MS);
    return () => clearTimeout(timer);
  }, [made]);

  useEffect(() => {
    if (!made) return;
    // The first view: where the page asked to look (an incident opened by its link), else the user's area, else the default.
    const { focus, initialBounds } = handlers.current;
    const view = focus ? { center: focus.center, zoom: Math.max(DEFAULT_ZOOM, focus.zoom ?? 13) }
      : initialBounds ? { bounds: [[initialBounds[0], initialBounds[1]], [initialBounds[2], initialBounds[3]]] as [[number, number], [number, number]], fitBoundsOptions: { padding: 40 } }
      : { center: LIECHTENSTEIN, zoom: DEFAULT_ZOOM };
    fitted.current = Boolean(initialBounds);
    const map = new MapLibreMap({
      container: container.current!,
      style: baseStyle(undefined, i18n.language),
      // Chinese labels come from the server's glyphs (Noto Sans SC) like the rest, not from whatever
      // CJK font the workstation has (often none on a locked-down Linux console).
      localIdeographFontFamily: false,
      ...view,
      attributionControl: false,
      // No fade-in of re-placed symbols: with positions updating every second the 300 ms default
      // kept the map repainting continuously (docs/benchmarks.md, "Web app in the browser").
      fadeDuration: 0,
      // Keyboard panning/zooming stays on; the canvas is focusable and labelled below.
      keyboard: true,
      locale: mapLocale(t),
    });
    mapRef.current = map;
    map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.on('error', (e) => {
      const message = e.error instanceof Error ? e.error.message : String(e.error);
      if ('sourceId' in e && e.sourceId === 'base') handlers.current.onBaseMapError?.(message);
    });
    // The overlays go in as soon as the style is in, not at 'load' (which waits for the base tiles and the labels'
    // glyphs): the units, incidents and places are then tiled by the workers while the base map loads, not after it.
    const addOwnLayers = () => {
      addIcons(map);
      addOverlays(map);
      scaleIcons(map, parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1);
      syncs.current = {
        units: new FeatureSync<Unit>(map, 'units', (u) => u.id, unitFeature),
        incidents: new FeatureSync<IncidentView>(map, 'incidents', (v) => v.incident.id, (v) => incidentFeature(v.incident, v.selected ? v.incident.id : null, Date.now(), v.label)),
        places: new FeatureSync<Place>(map, 'places', (p) => p.id, placeFeature),
        hazards: new FeatureSync<HazardSite>(map, 'hazards', (s) => s.placeId, hazardFeature),
      };
      setReady(true);
    };
    if (map.isStyleLoaded()) addOwnLayers();
    else map.once('style.load', addOwnLayers);
    // Tests and benches wait for this: the map has drawn its first complete view.
    map.on('load', () => {
      window.firebreakMap = { map, ready: true, counts: () => Object.fromEntries(OVERLAYS.map((o) => [o, map.querySourceFeatures(o === 'boundaries' ? 'jurisdictions' : o).length])) };
      setLoaded(true);
      handlers.current.onLoad?.();
    });
    map.on('click', (e) => {
      const h = handlers.current;
      if (h.picking) {
        h.onPick([round(e.lngLat.lng), round(e.lngLat.lat)]);
        return;
      }
      const layers = CLICKABLE_LAYERS.filter((l) => map.getLayer(l) && map.getLayoutProperty(l, 'visibility') !== 'none');
      const hit: MapGeoJSONFeature | undefined = map.queryRenderedFeatures(e.point, { layers: [...layers] })[0];
      if (!hit) return;
      const id = String(hit.properties.id);
      // Units and incidents are drawn by two layers each (circles, icons when zoomed in): go by the source.
      if (hit.source === 'incidents') h.onSelectIncident(id);
      else if (hit.source === 'places' || hit.source === 'hazards') h.onSelectPlace(id, (hit.geometry as GeoJSON.Point).coordinates as [number, number]);
      else if (hit.source === 'units') {
        new Popup({ closeButton: true, className: 'fb-popup' }).setLngLat(e.lngLat).setText(`${hit.properties.callSign} · ${t(`unitStatus.${hit.properties.status}`)}`).addTo(map);
      }
    });
    for (const layer of CLICKABLE_LAYERS) {
      map.on('mouseenter', layer, () => { if (!handlers.current.picking) map.getCanvas().style.cursor = 'pointer'; });
      map.on('mouseleave', layer, () => { map.getCanvas().style.cursor = ''; });
    }
    return () => {
      window.firebreakMap = undefined;
      map.remove();
      mapRef.current = null;
      syncs.current = null;
    };
    // The map lives as long as the page (created once; handlers read the latest props through a ref).
  }, [made]);

  useEffect(() => {
    if (ready) syncs.current!.units.update(props.units);
  }, [ready, props.units]);

  // Incidents: a view object per incident that changes only when the incident, its selection or its age bucket does.
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(id);
  }, []);
  useEffect(() => {
    if (!ready) return;
    const now = Date.now();
    // An imported call whose export gave no place has no location: it stays off the map.
    const list = props.incidents.filter((incident) => incident.location !== null).map((incident) => {
      const selected = incident.id === props.selectedIncidentId;
      const minute = Math.max(0, Math.floor((now - Date.parse(incident.receivedAt)) / 60_000));
      const label = `${t(`incidentType.${incident.type}`)} · ${minute < 60 ? t('map.ageMinutes', { count: minute }) : t('map.ageHours', { hours: Math.floor(minute / 60), minutes: minute % 60 })}`;
      const held = views.current.get(incident);
      if (held && held.selected === selected && held.label === label) return held;
      const view = { incident, selected, label };
      views.current.set(incident, view);
      return view;
    });
    syncs.current!.incidents.update(list);
  }, [ready, props.incidents, props.selectedIncidentId, tick, t]);

  // The credit and MapLibre's control labels follow the UI language too (the map itself is made once).
  const credit = useRef<AttributionControl | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (credit.current) map.removeControl(credit.current);
    credit.current = new AttributionControl({ compact: false, customAttribution: osmAttribution(t('map.osmContributors')) });
    map.addControl(credit.current, 'bottom-right');
    const words = mapLocale(t);
    const root = map.getContainer();
    for (const [selector, key] of [['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'], ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'], ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing']] as const) {
      const button = root.querySelector(selector);
      button?.setAttribute('title', words[key]!);
      button?.setAttribute('aria-label', words[key]!);
    }
    map.getCanvas().setAttribute('aria-label', words['Map.Title']!);
  }, [made, i18n.language, t]);

  // Names follow the UI language: `name:zh` in Chinese, `name` otherwise, each falling back to the other.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    for (const id of NAME_LABEL_LAYERS) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', id === 'label-jurisdiction' ? ['upcase', labelField(i18n.language)] : labelField(i18n.language));
  }, [ready, i18n.language]);

  useEffect(() => {
    if (ready) syncs.current!.places.update(props.places);
  }, [ready, props.places]);
  useEffect(() => {
    if (ready) syncs.current!.hazards.update(props.hazardSites);
  }, [ready, props.hazardSites]);
  useEffect(() => {
    if (ready && props.jurisdictions) void mapRef.current!.getSource<GeoJSONSource>('jurisdictions')?.setData(props.jurisdictions);
  }, [ready, props.jurisdictions]);
  useEffect(() => {
    if (ready) void mapRef.current!.getSource<GeoJSONSource>('rings')?.setData(props.rings ?? { type: 'FeatureCollection', features: [] });
  }, [ready, props.rings]);
  useEffect(() => {
    if (!ready) return;
    for (const group of OVERLAYS) setOverlayVisible(mapRef.current!, group, props.visible[group]);
  }, [ready, props.visible]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    picked.current?.remove();
    picked.current = null;
    if (props.pickedPoint) {
      picked.current = new Marker({ color: '#ffd43b' }).setLngLat(props.pickedPoint).addTo(map);
      picked.current.getElement().setAttribute('data-testid', 'picked-marker');
    }
  }, [made, props.pickedPoint]);

  useEffect(() => {
    if (!ready || fitted.current || !props.initialBounds || handlers.current.focus) return;
    fitted.current = true;
    const [w, s, e, n] = props.initialBounds;
    mapRef.current!.fitBounds([[w, s], [e, n]], { padding: 40, duration: 0 });
  }, [ready, props.initialBounds]);

  const focusKey = props.focus?.key;
  useEffect(() => {
    const f = handlers.current.focus;
    if (f && mapRef.current) mapRef.current.easeTo({ center: f.center, zoom: Math.max(mapRef.current.getZoom(), f.zoom ?? 13), duration: 600 });
  }, [made, focusKey]);

  return (
    <div
      ref={container}
      className={`fb-map${props.picking ? ' picking' : ''}`}
      role="region"
      aria-label={props.picking ? t('map.pickingLabel') : t('map.label')}
      data-testid="map"
      data-ready={loaded}
    />
  );
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
