import type { CoveredPlace, PlacementResult } from '@firebreak/contracts';
import { AttributionControl, Map as MapLibreMap, NavigationControl, Popup, type GeoJSONSource } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { baseStyle, mapLocale, osmAttribution } from '../../map/base-style';
import { usePlaceName } from '../places/place-name';
import { TIER_COLOR, tierKey, travelClock } from './tiers';

const SOURCE = 'coverage';
const POSTS = 'coverage-posts';

function collection(items: readonly CoveredPlace[], nameOf: (p: CoveredPlace) => string): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: items.map((p) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: p.location },
      properties: { id: p.id, name: nameOf(p), tier: tierKey(p.tier), seconds: p.seconds, unit: p.nearestUnit?.callSign ?? '' },
    })),
  };
}

/**
 * Key places coloured by their best reach tier; the uncovered ones drawn larger, red and on top,
 * so a gap is the first thing seen. Fitted to the places when the set of places changes.
 */
export function CoverageMap({ items, posts }: { items: readonly CoveredPlace[]; posts: PlacementResult['posts'] }) {
  const { t, i18n } = useTranslation();
  const nameOf = usePlaceName();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const fitted = useRef('');

  useEffect(() => {
    const map = new MapLibreMap({
      container: container.current!, style: baseStyle(undefined, i18n.language), localIdeographFontFamily: false,
      center: [9.55, 47.16], zoom: 10, attributionControl: false, fadeDuration: 0, locale: mapLocale(t),
    });
    mapRef.current = map;
    map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    map.addControl(new AttributionControl({ compact: true, customAttribution: osmAttribution(t('map.osmContributors')) }));
    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: collection([], () => '') });
      map.addLayer({
        id: 'coverage-places', type: 'circle', source: SOURCE,
        // Uncovered places last, so they are drawn over the covered ones.
        layout: { 'circle-sort-key': ['match', ['get', 'tier'], 'none', 4, '5', 3, '3', 2, 1] },
        paint: {
          'circle-radius': ['match', ['get', 'tier'], 'none', 9, 6],
          'circle-color': ['match', ['get', 'tier'], '1', TIER_COLOR[1], '3', TIER_COLOR[3], '5', TIER_COLOR[5], TIER_COLOR.none],
          'circle-stroke-color': ['match', ['get', 'tier'], 'none', '#ffffff', '#1a1b1e'],
          'circle-stroke-width': ['match', ['get', 'tier'], 'none', 3, 1],
        },
      });
      // Suggested posts: blue rings over the places, so the place under a post stays visible.
      map.addSource(POSTS, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({ id: 'coverage-posts', type: 'circle', source: POSTS, paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#1c7ed6', 'circle-stroke-width': 4 } });
      map.on('click', 'coverage-places', (e) => {
        const f = e.features?.[0];
        if (!f) return;
        const p = f.properties as { name: string; seconds: number | null | string; unit: string };
        const seconds = p.seconds === null || p.seconds === 'null' ? null : Number(p.seconds);
        new Popup({ className: 'fb-popup' }).setLngLat(e.lngLat)
          .setText(`${p.name} · ${travelClock(seconds)}${p.unit ? ` · ${p.unit}` : ''}`).addTo(map);
      });
      setReady(true);
    });
    return () => map.remove();
    // Made once per mount: the page remounts it when the language changes (its key).
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    (map.getSource(SOURCE) as GeoJSONSource).setData(collection(items, nameOf));
    const key = items.map((p) => p.id).sort().join(',');
    if (items.length > 0 && key !== fitted.current) {
      fitted.current = key;
      const lons = items.map((p) => p.location[0]), lats = items.map((p) => p.location[1]);
      map.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]], { padding: 40, maxZoom: 14, duration: 0 });
    }
  }, [items, ready, nameOf]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    (map.getSource(POSTS) as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: posts.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: p.location }, properties: { name: p.name ?? '' } })),
    });
  }, [posts, ready]);

  return <div ref={container} style={{ height: '100%', minHeight: 360 }} role="region" aria-label={t('coverage.mapLabel')} data-testid="coverage-map" />;
}
