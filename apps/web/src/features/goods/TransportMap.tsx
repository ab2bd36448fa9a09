import type { TrailPoint, TransportAlert, TransportPermit } from '@firebreak/contracts';
import { AttributionControl, LngLatBounds, Map as MapLibreMap, NavigationControl, type GeoJSONSource } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { baseStyle, mapLocale, osmAttribution } from '../../map/base-style';

const SOURCE = 'transport';
const ROUTE = '#1c7ed6';
const ZONE = '#e03131';
const TRAIL = '#f08c00';
const VEHICLE = '#212529';
const STOP = '#2f9e44';

/** The features of one permit on the map: corridor, route, protected zones, fix trail, alerts and the vehicle. */
export function transportFeatures(p: TransportPermit, trail: readonly TrailPoint[], alerts: readonly TransportAlert[]): GeoJSON.FeatureCollection {
  const f = (role: string, geometry: GeoJSON.Geometry, props: Record<string, unknown> = {}): GeoJSON.Feature => ({ type: 'Feature', properties: { role, ...props }, geometry });
  return {
    type: 'FeatureCollection',
    features: [
      f('corridor', p.corridor as GeoJSON.Geometry),
      ...p.zones.map((z) => f('zone', z.area as GeoJSON.Geometry, { name: z.name })),
      f('route', p.route as GeoJSON.Geometry),
      ...p.stops.map((s) => f('stop', { type: 'Point', coordinates: s.location }, { name: s.name, maxMinutes: s.maxMinutes })),
      ...(trail.length > 1 ? [f('trail', { type: 'LineString', coordinates: trail.map((t) => t.location) })] : []),
      ...alerts.filter((a) => a.location).map((a) => f('alert', { type: 'Point', coordinates: a.location! }, { kind: a.kind })),
      ...(p.lastFix ? [f('vehicle', { type: 'Point', coordinates: p.lastFix.location }, { vehicle: p.vehicle })] : []),
    ],
  };
}

/** A permit's approved route and corridor, the zones it avoids, the vehicle's trail and live position. */
export function TransportMap({ permit, trail, alerts }: { permit: TransportPermit; trail: readonly TrailPoint[]; alerts: readonly TransportAlert[] }) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const dataRef = useRef<GeoJSON.FeatureCollection | null>(null);
  const fittedRef = useRef<string | null>(null);
  const data = transportFeatures(permit, trail, alerts);

  useEffect(() => {
    const map = new MapLibreMap({ container: container.current!, style: baseStyle(undefined, i18n.language), center: permit.from.location, zoom: 12, attributionControl: false, locale: mapLocale(t) });
    mapRef.current = map;
    fittedRef.current = null;
    map.addControl(new AttributionControl({ compact: false, customAttribution: osmAttribution(t('map.osmContributors')) }), 'bottom-right');
    map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({ id: `${SOURCE}-corridor`, type: 'fill', source: SOURCE, filter: ['==', ['get', 'role'], 'corridor'], paint: { 'fill-color': ROUTE, 'fill-opacity': 0.12 } });
      map.addLayer({ id: `${SOURCE}-zone`, type: 'fill', source: SOURCE, filter: ['==', ['get', 'role'], 'zone'], paint: { 'fill-color': ZONE, 'fill-opacity': 0.25 } });
      map.addLayer({ id: `${SOURCE}-route`, type: 'line', source: SOURCE, filter: ['==', ['get', 'role'], 'route'], paint: { 'line-color': ROUTE, 'line-width': 3 } });
      map.addLayer({ id: `${SOURCE}-trail`, type: 'line', source: SOURCE, filter: ['==', ['get', 'role'], 'trail'], paint: { 'line-color': TRAIL, 'line-width': 2, 'line-dasharray': [2, 1] } });
      map.addLayer({ id: `${SOURCE}-stop`, type: 'circle', source: SOURCE, filter: ['==', ['get', 'role'], 'stop'], paint: { 'circle-radius': 7, 'circle-color': STOP, 'circle-opacity': 0.85, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
      map.addLayer({ id: `${SOURCE}-alert`, type: 'circle', source: SOURCE, filter: ['==', ['get', 'role'], 'alert'], paint: { 'circle-radius': 5, 'circle-color': ZONE, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } });
      map.addLayer({ id: `${SOURCE}-vehicle`, type: 'circle', source: SOURCE, filter: ['==', ['get', 'role'], 'vehicle'], paint: { 'circle-radius': 8, 'circle-color': VEHICLE, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
      if (dataRef.current) setData(map, dataRef.current, fittedRef, permit.id);
    });
    return () => map.remove();
  }, [i18n.language, permit.id]);

  dataRef.current = data;
  useEffect(() => {
    const map = mapRef.current;
    if (map?.getSource(SOURCE)) setData(map, data, fittedRef, permit.id);
  });

  return (
    <div>
      <div ref={container} style={{ height: 320, borderRadius: 4 }} role="region" aria-label={t('goods.transport.mapLabel')} data-testid="transport-map"
        data-vehicle-at={permit.lastFix ? permit.lastFix.location.join(',') : ''} data-stops={permit.stops.map((s) => s.location.join(',')).join(';')} />
      <div style={{ fontSize: 12, marginTop: 4 }}>
        <span style={{ color: ROUTE }}>▬</span> {t('goods.transport.legendRoute')} · <span style={{ color: ZONE }}>■</span> {t('goods.transport.legendZone')} · <span style={{ color: TRAIL }}>┅</span> {t('goods.transport.legendTrail')} · <span style={{ color: VEHICLE }}>●</span> {t('goods.transport.legendVehicle')}{permit.stops.length > 0 && <> · <span style={{ color: STOP }}>●</span> {t('goods.transport.legendStop')}</>}
      </div>
    </div>
  );
}

/** New data; the view is fitted to the route once per permit (live positions must not yank the map about). */
function setData(map: MapLibreMap, data: GeoJSON.FeatureCollection, fitted: { current: string | null }, permitId: string): void {
  (map.getSource(SOURCE) as GeoJSONSource).setData(data);
  if (fitted.current === permitId) return;
  const bounds = new LngLatBounds();
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') bounds.extend([c[0], c[1] as number]);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  for (const f of data.features) if (f.properties?.role === 'corridor' && 'coordinates' in f.geometry) walk(f.geometry.coordinates);
  if (!bounds.isEmpty()) {
    map.fitBounds(bounds, { padding: 24, animate: false });
    fitted.current = permitId;
  }
}
