import type { SetupOsmReport } from '@firebreak/contracts';
import { AttributionControl, LngLatBounds, Map as MapLibreMap, NavigationControl, type GeoJSONSource } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { baseStyle, mapLocale, osmAttribution } from '../../map/base-style';

const SOURCE = 'setup-preview';
const REPAIRED = '#f76707';
const IMPORTED = '#4dabf7';

/** The tree an import would make, on the map: repaired boundaries (closed along the extract's edge) in orange. */
export function PreviewMap({ preview }: { preview: SetupOsmReport['preview'] }) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const dataRef = useRef<GeoJSON.FeatureCollection | null>(null);

  const data: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: preview.filter((p) => p.boundary !== null).map((p) => ({
      type: 'Feature', properties: { name: p.name, repaired: p.repaired, depth: p.path.split('.').length }, geometry: p.boundary as GeoJSON.Geometry,
    })),
  };

  useEffect(() => {
    const map = new MapLibreMap({ container: container.current!, style: baseStyle(undefined, i18n.language), center: [0, 0], zoom: 1, attributionControl: false, locale: mapLocale(t) });
    mapRef.current = map;
    map.addControl(new AttributionControl({ compact: false, customAttribution: osmAttribution(t('map.osmContributors')) }), 'bottom-right');
    map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({ id: `${SOURCE}-fill`, type: 'fill', source: SOURCE, paint: { 'fill-color': ['case', ['get', 'repaired'], REPAIRED, IMPORTED], 'fill-opacity': 0.12 } });
      map.addLayer({ id: `${SOURCE}-line`, type: 'line', source: SOURCE, paint: { 'line-color': ['case', ['get', 'repaired'], REPAIRED, IMPORTED], 'line-width': ['case', ['get', 'repaired'], 3, 1.5] } });
      if (dataRef.current) setData(map, dataRef.current);
    });
    return () => map.remove();
  }, [i18n.language]);

  dataRef.current = data;
  useEffect(() => {
    const map = mapRef.current;
    if (map?.getSource(SOURCE)) setData(map, data);
  });

  return (
    <div>
      <div ref={container} style={{ height: 360, borderRadius: 4 }} role="region" aria-label={t('setup.preview.mapLabel')} data-testid="setup-preview-map" />
      <div style={{ fontSize: 12, marginTop: 4 }}>
        <span style={{ color: IMPORTED }}>▬</span> {t('setup.preview.legendImported')} · <span style={{ color: REPAIRED }}>▬</span> {t('setup.preview.legendRepaired')}
      </div>
    </div>
  );
}

function setData(map: MapLibreMap, data: GeoJSON.FeatureCollection): void {
  (map.getSource(SOURCE) as GeoJSONSource).setData(data);
  const bounds = new LngLatBounds();
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') bounds.extend([c[0], c[1] as number]);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  for (const f of data.features) if ('coordinates' in f.geometry) walk(f.geometry.coordinates);
  if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: 24, animate: false });
}
