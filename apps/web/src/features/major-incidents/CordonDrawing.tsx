import { Alert, Button, Checkbox, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AttributionControl, Map as MapLibreMap, NavigationControl, type ExpressionSpecification, type GeoJSONSource } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { callPath } from '../../api/http';
import { baseStyle, mapLocale, osmAttribution } from '../../map/base-style';
import { cordonProblem, formatVertices, parseVertices, ringForEditing } from './cordon-drawing';
import { majorKeys, type MajorIncident } from './queries';
import { boardFeatures, POINT_COLOR, type UnitWhere } from './board-map';
import { useUnits } from '../../api/queries';

type Kind = 'inner' | 'outer';
type Step = 'idle' | 'drawing' | 'editing';
const SOURCE = 'major-cordons';
const PROBLEM = 'major-cordon-problem';
const COLOR: Record<Kind, string> = { inner: '#e03131', outer: '#f08c00' };

const problemAt = (at: [number, number] | null): GeoJSON.FeatureCollection => ({
  type: 'FeatureCollection', features: at ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: at } }] : [],
});

/** The one polygon being drawn or edited, as a closed ring (terra-draw holds at most one at a time here). */
function drawnRing(draw: TerraDraw): [number, number][] | null {
  const polygon = draw.getSnapshot().find((f) => f.geometry.type === 'Polygon');
  return polygon ? (polygon.geometry.coordinates as [number, number][][])[0] ?? null : null;
}

/**
 * The cordons on a map, drawn and edited with terra-draw: click corners on the map (the first
 * corner again, or Enter, closes the outline), then drag corners or midpoints to adjust; or edit
 * the current cordon. The corners are mirrored in a text area, which is also the keyboard way (type
 * "lon, lat" lines). Saving goes through the cordon route; the server's refusal (an outline that
 * crosses itself, a cordon beyond the command's area or an inner one beyond the outer) is shown
 * beside the drawing, with the crossing marked on the map, and the drawing kept to fix.
 */
export function CordonDrawing({ m }: { m: MajorIncident }) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const drawRef = useRef<TerraDraw | null>(null);
  const [ready, setReady] = useState(false);
  const [kind, setKind] = useState<Kind>(m.cordons.some((c) => c.kind === 'outer') ? 'inner' : 'outer');
  const [step, setStep] = useState<Step>('idle');
  const [vertices, setVertices] = useState('');
  const [closeRoads, setCloseRoads] = useState(false);
  const [problem, setProblem] = useState<ReturnType<typeof cordonProblem> | null>(null);
  const [typo, setTypo] = useState<string | null>(null);
  const active = m.state === 'active';
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (area: GeoJSON.Polygon) => callPath(`/major-incidents/${m.id}/cordons/${kind}`, { method: 'PUT', body: { area, closeRoads }, idempotencyKey: crypto.randomUUID() }),
    onSuccess: () => {
      // The drawing first: leaving the select mode reports the shape once more, and the text must end empty.
      drawRef.current?.setMode('static');
      drawRef.current?.clear();
      setProblem(null);
      setVertices('');
      setStep('idle');
      void client.invalidateQueries({ queryKey: majorKeys.all });
    },
    onError: (err) => setProblem(cordonProblem(err)),
  });

  useEffect(() => {
    const map = new MapLibreMap({
      container: container.current!, style: baseStyle(undefined, i18n.language), localIdeographFontFamily: false,
      center: m.location, zoom: 15.5, attributionControl: false, fadeDuration: 0, locale: mapLocale(t),
    });
    mapRef.current = map;
    map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    map.addControl(new AttributionControl({ compact: true, customAttribution: osmAttribution(t('map.osmContributors')) }));
    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: boardFeatures(m, new Map()) });
      map.addLayer({ id: `${SOURCE}-fill`, type: 'fill', source: SOURCE, filter: ['!=', ['get', 'kind'], 'point'], paint: { 'fill-color': ['match', ['get', 'kind'], 'inner', COLOR.inner, COLOR.outer], 'fill-opacity': 0.12 } });
      map.addLayer({ id: `${SOURCE}-line`, type: 'line', source: SOURCE, filter: ['!=', ['get', 'kind'], 'point'], paint: { 'line-color': ['match', ['get', 'kind'], 'inner', COLOR.inner, COLOR.outer], 'line-width': 2.5 } });
      // Points by kind (a traffic control point orange while offered, teal once a patrol holds it); the sectors' units in their sector's colour.
      map.addLayer({ id: `${SOURCE}-points`, type: 'circle', source: SOURCE, filter: ['==', ['get', 'kind'], 'point'], paint: { 'circle-radius': 6, 'circle-color': ['match', ['get', 'point'], ...POINT_COLOR.flat(), '#4dabf7'] as unknown as ExpressionSpecification, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } });
      map.addLayer({ id: `${SOURCE}-units`, type: 'circle', source: SOURCE, filter: ['==', ['get', 'kind'], 'unit'], paint: { 'circle-radius': 7, 'circle-color': ['get', 'color'], 'circle-stroke-color': '#000000', 'circle-stroke-width': 1.5 } });
      map.addLayer({ id: `${SOURCE}-labels`, type: 'symbol', source: SOURCE, filter: ['!=', ['get', 'label'], ''], layout: { 'text-field': ['get', 'label'], 'text-size': 11, 'text-offset': [0, 1.3], 'text-anchor': 'top' }, paint: { 'text-color': '#ffffff', 'text-halo-color': '#000000', 'text-halo-width': 1.5 } });
      map.addSource(PROBLEM, { type: 'geojson', data: problemAt(null) });
      map.addLayer({ id: PROBLEM, type: 'circle', source: PROBLEM, paint: { 'circle-radius': 10, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ff6b6b', 'circle-stroke-width': 4 } });
      const draw = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map }),
        modes: [
          // No validation here: the server's check is the one that counts, and its refusal is shown to the commander.
          new TerraDrawPolygonMode({ styles: { fillColor: '#74c0fc', outlineColor: '#1c7ed6', outlineWidth: 2, fillOpacity: 0.2 } }),
          new TerraDrawSelectMode({
            flags: { polygon: { feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } } } },
          }),
        ],
      });
      draw.start();
      draw.on('finish', (id) => {
        const ring = drawnRing(draw);
        if (ring) setVertices(formatVertices(ring));
        draw.setMode('select');
        draw.selectFeature(id);
        setStep('editing');
      });
      draw.on('change', (_ids, type) => {
        // Corners dragged, added or removed while editing: the text follows the drawing.
        if (type !== 'update' || draw.getMode() !== 'select') return;
        const ring = drawnRing(draw);
        if (ring) setVertices(formatVertices(ring));
      });
      drawRef.current = draw;
      setReady(true);
    });
    return () => {
      drawRef.current?.stop();
      drawRef.current = null;
      setReady(false);
      map.remove();
    };
    // Made once per mount and language (the labels follow it); the data goes in through the effects below.
  }, [i18n.language]);

  // The sectors' units where they are (last fix, else home), from the unit list the board already reads.
  const units = useUnits(m.positions.some((p) => p.units.length > 0));
  useEffect(() => {
    const where = new Map<string, UnitWhere>((units.data ?? []).map((u) => [u.id, { id: u.id, location: (u.position?.location ?? u.homeLocation) as [number, number] }]));
    if (ready) (mapRef.current?.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(boardFeatures(m, where));
  }, [m, ready, units.data]);
  useEffect(() => {
    if (ready) (mapRef.current?.getSource(PROBLEM) as GeoJSONSource | undefined)?.setData(problemAt(problem?.at ?? null));
  }, [problem, ready]);

  const startDrawing = () => {
    const draw = drawRef.current!;
    draw.clear();
    draw.setMode('polygon');
    setVertices('');
    setProblem(null);
    setStep('drawing');
  };
  const editCurrent = () => {
    const draw = drawRef.current!;
    const current = m.cordons.find((c) => c.kind === kind);
    if (!current) return;
    draw.clear();
    draw.setMode('select');
    const ring = ringForEditing(current.area);
    const [added] = draw.addFeatures([{ type: 'Feature', properties: { mode: 'polygon' }, geometry: { type: 'Polygon', coordinates: [ring] } }]);
    if (added?.valid) draw.selectFeature(added.id!);
    setVertices(formatVertices(ring));
    setProblem(null);
    setStep('editing');
  };
  const clear = () => {
    drawRef.current?.setMode('static');
    drawRef.current?.clear();
    setVertices('');
    setProblem(null);
    setStep('idle');
  };
  const submit = () => {
    const parsed = parseVertices(vertices);
    if (!parsed.ok) {
      setTypo(parsed.line === null ? t('majorIncidents.cordonDraw.tooFew') : t('majorIncidents.cordonDraw.badLine', { line: parsed.line }));
      return;
    }
    setTypo(null);
    save.mutate(parsed.polygon);
  };
  const corners = vertices.split('\n').filter((l) => l.trim()).length;

  return (
    <Stack gap="xs" data-testid="major-cordon-drawing">
      <div ref={container} style={{ height: 360, borderRadius: 4 }} role="region" aria-label={t('majorIncidents.cordonDraw.mapLabel')}
        data-testid="major-cordon-map" data-ready={ready ? 'true' : 'false'} data-step={step} />
      <Text size="xs" c="dimmed">
        <span style={{ color: COLOR.outer }}>▬</span> {t('majorIncidents.cordon.outer')} · <span style={{ color: COLOR.inner }}>▬</span> {t('majorIncidents.cordon.inner')} · <span style={{ color: '#4dabf7' }}>●</span> {t('majorIncidents.cordonDraw.points')}
      </Text>
      {active && (
        <>
          <Group gap="xs">
            <SegmentedControl size="xs" value={kind} onChange={(v) => setKind(v as Kind)} aria-label={t('majorIncidents.cordonDraw.which')} data-testid="major-cordon-draw-kind"
              data={[{ value: 'outer', label: t('majorIncidents.cordon.outer') }, { value: 'inner', label: t('majorIncidents.cordon.inner') }]} />
            <Button size="compact-xs" variant="light" disabled={!ready} onClick={startDrawing} data-testid="major-cordon-draw-start">{t('majorIncidents.cordonDraw.start')}</Button>
            <Button size="compact-xs" variant="light" disabled={!ready || !m.cordons.some((c) => c.kind === kind)} onClick={editCurrent} data-testid="major-cordon-draw-edit">{t('majorIncidents.cordonDraw.edit')}</Button>
            <Button size="compact-xs" variant="subtle" color="gray" disabled={step === 'idle' && !vertices} onClick={clear} data-testid="major-cordon-draw-clear">{t('majorIncidents.cordonDraw.clear')}</Button>
          </Group>
          {step !== 'idle' && <Text size="xs" data-testid="major-cordon-draw-hint">{t(step === 'drawing' ? 'majorIncidents.cordonDraw.drawingHint' : 'majorIncidents.cordonDraw.editingHint')}</Text>}
          <Textarea size="xs" autosize minRows={2} maxRows={8} value={vertices} onChange={(e) => setVertices(e.currentTarget.value)}
            label={t('majorIncidents.cordonDraw.vertices')} description={t('majorIncidents.cordonDraw.verticesHint')} data-testid="major-cordon-vertices" data-corners={corners} />
          <Group gap="xs">
            <Checkbox size="xs" checked={closeRoads} onChange={(e) => setCloseRoads(e.currentTarget.checked)} label={t('majorIncidents.closeRoads')} data-testid="major-cordon-draw-close-roads" />
            <Button size="compact-xs" disabled={corners < 3} loading={save.isPending} onClick={submit} data-testid="major-cordon-draw-save">
              {t('majorIncidents.cordonDraw.save', { kind: t(`majorIncidents.cordon.${kind}`) })}
            </Button>
          </Group>
          {typo && <Text size="xs" c="red" role="alert" data-testid="major-cordon-draw-typo">{typo}</Text>}
          {problem && (
            <Alert color="red" p="xs" role="alert" data-testid="major-cordon-draw-error" data-problem={problem.key}>
              <Text size="sm">{t(`majorIncidents.cordonProblem.${problem.key}`)}</Text>
              {problem.at && <Text size="xs">{t('majorIncidents.cordonProblem.at', { lon: problem.at[0], lat: problem.at[1] })}</Text>}
              {problem.detail && i18n.language.startsWith('en') && <Text size="xs" c="dimmed">{problem.detail}</Text>}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
