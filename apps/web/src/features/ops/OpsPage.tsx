import { Alert, Box, CloseButton, Group, Paper, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, memo, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Outlet, useMatch, useNavigate } from 'react-router';
import { call, fb, problemText } from '../../api/http';
import { useBoundariesBelowRoots, useJurisdictions, useOpenHazards, useOpenIncidents, usePlaces, useRootBoundaries, useUnits } from '../../api/queries';
import { LayerPanel } from '../../map/LayerPanel';
import { MapView, type MapViewProps } from '../../map/MapView';
import { hazardSites, jurisdictionFeatures, ringFeatures, type Overlay } from '../../map/overlays';
import { awaitingFirstView, boundsOf, populatedBounds } from '../../map/bounds';
import { Segments } from '../../shell/Segments';
import { OpsContext, type Ops } from './ops-context';
import { OVERLAYS_KEY, storedOverlays } from './stored-overlays';
import { withScreenStrings } from '../../i18n';

// The card of a key place clicked on the map: fetched with the first click on one, not with the first screen.
const SelectedPlaceCard = lazy(withScreenStrings(() => import('../places/SelectedPlaceCard').then((m) => ({ default: m.SelectedPlaceCard }))));

const RING_MINUTES = [1, 3, 5] as const;
/** Five decimals (about a metre): a stable query key for the geocoder's `near`. */
const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

type OpsMapProps = Omit<MapViewProps, 'incidents' | 'units' | 'places' | 'hazardSites'>;

/**
 * The map with its live data. The data queries live here, not in the page, so that a second of
 * 5,000 moving units re-renders this component only, never the board or the form beside it.
 */
const OpsMap = memo(function OpsMap(props: OpsMapProps) {
  const incidents = useOpenIncidents();
  const units = useUnits();
  const places = usePlaces();
  const hazards = useOpenHazards();
  const sites = useMemo(() => hazardSites(hazards.data ?? [], places.data ?? []), [hazards.data, places.data]);
  return <MapView {...props} incidents={incidents.data ?? EMPTY} units={units.data ?? EMPTY} places={places.data ?? EMPTY} hazardSites={sites} />;
});
const EMPTY: never[] = [];

/** The operations screen: the live map, with the board, intake or an incident beside it. */
export function OpsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = useMatch('/incidents/:id');
  const selectedIncidentId = detail && detail.params.id !== 'new' ? detail.params.id! : null;

  const tree = useJurisdictions();
  // The roots' boundaries frame the first view; the levels below (the overlay's tint and lines) are asked for once the
  // map has drawn it: sent before, their 13-80 requests held the connections the TileJSON waited for, and their polygons
  // were tiled by the map's one worker ahead of the base tiles (a first-load trace: docs/benchmarks.md, round w17-w).
  // Without a base map (its TileJSON failed) the map may never load: the overlay is asked for then too.
  const rootBoundaries = useRootBoundaries(tree.data);
  const [mapLoaded, setMapLoaded] = useState(false);
  const onMapLoad = useCallback(() => setMapLoaded(true), []);
  const [baseError, setBaseError] = useState<string | null>(null);
  const boundariesBelow = useBoundariesBelowRoots(tree.data, !rootBoundaries.isPending && (mapLoaded || baseError !== null));
  // The same query the map's key-place layer runs (one request): where the places are is where people are.
  const places = usePlaces();

  const [picking, setPicking] = useState(false);
  const [pickedPoint, setPickedPoint] = useState<[number, number] | null>(null);
  const [ringsCenter, setRingsCenter] = useState<[number, number] | null>(null);
  const [selectedPlaceId, setSelectedPlaceId] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ center: [number, number]; zoom?: number; key: string } | null>(null);
  // Remembered across reloads (plain localStorage: Mantine's useLocalStorage was this screen's only use of its storage hooks in the first load).
  const [visible, setVisibleState] = useState(() => storedOverlays(localStorage.getItem(OVERLAYS_KEY)));
  const setVisible = useCallback((next: Record<Overlay, boolean>) => {
    setVisibleState(next);
    try {
      localStorage.setItem(OVERLAYS_KEY, JSON.stringify(next));
    } catch {
      // Storage full or blocked: the switches still work for this session.
    }
  }, []);

  // `place`: from where a unit reaches the selected place in 1/3/5 min; `units`: where the available units reach.
  const [ringMode, setRingMode] = useState<'place' | 'units'>('place');
  const rings = useQuery({
    queryKey: ['isochrones', ringMode, ringMode === 'place' ? ringsCenter?.[0] : null, ringMode === 'place' ? ringsCenter?.[1] : null],
    enabled: (ringMode === 'units' || ringsCenter !== null) && visible.rings,
    staleTime: 60_000,
    retry: false,
    queryFn: () => call(fb.GET('/api/v1/isochrones', { params: { query: ringMode === 'units'
      ? { from: 'units', minutes: RING_MINUTES.join(',') }
      : { lat: ringsCenter![1], lon: ringsCenter![0], minutes: RING_MINUTES.join(',') } } })),
  });

  const focusMap = useCallback((center: [number, number], zoom?: number) => setFocus({ center, zoom, key: `${center.join(',')}:${Date.now()}` }), []);

  const jurisdictionFc = useMemo(
    () => (rootBoundaries.data ? jurisdictionFeatures([...rootBoundaries.data, ...(boundariesBelow.data ?? [])]) : null),
    [rootBoundaries.data, boundariesBelow.data],
  );
  // Open on the populated part of the user's own area: its key places, within the box of the top of their tree.
  const scopeBounds = useMemo(() => {
    const area = rootBoundaries.data ? boundsOf(rootBoundaries.data.flatMap((j) => (j.boundary ? [j.boundary] : []))) : null;
    if (!area || !places.data) return null;
    return populatedBounds(places.data.map((p) => p.location), area);
  }, [rootBoundaries.data, places.data]);
  // The map waits for the first view (up to a limit) rather than load a default view's tiles first.
  const awaitingBounds = awaitingFirstView(scopeBounds, tree, rootBoundaries, places);
  const area = useMemo<[number, number] | null>(() => (scopeBounds ? [round5((scopeBounds[0] + scopeBounds[2]) / 2), round5((scopeBounds[1] + scopeBounds[3]) / 2)] : null), [scopeBounds]);
  const ops: Ops = useMemo(
    () => ({ picking, setPicking, pickedPoint, setPickedPoint, setRingsCenter, focusMap, selectedPlaceId, area }),
    [picking, pickedPoint, focusMap, selectedPlaceId, area],
  );
  const showRings = ringMode === 'units' || ringsCenter !== null;
  const ringFc = useMemo(() => (rings.data && showRings ? ringFeatures(rings.data, RING_MINUTES) : null), [rings.data, showRings]);

  return (
    <OpsContext.Provider value={ops}>
      <Box style={{ display: 'flex', height: '100%' }}>
        <Box style={{ position: 'relative', flex: 1, minWidth: 0 }}>
          <OpsMap
            jurisdictions={jurisdictionFc}
            rings={ringFc}
            selectedIncidentId={selectedIncidentId}
            picking={picking}
            pickedPoint={pickedPoint}
            visible={visible}
            focus={focus}
            initialBounds={scopeBounds}
            awaitingBounds={awaitingBounds}
            onPick={setPickedPoint}
            onSelectIncident={(id) => void navigate(`/incidents/${id}`)}
            onSelectPlace={(id, at) => {
              setSelectedPlaceId(id);
              setRingsCenter(at);
            }}
            onBaseMapError={setBaseError}
            onLoad={onMapLoad}
          />
          <LayerPanel visible={visible} onChange={setVisible} />
          <Box style={{ position: 'absolute', top: 8, left: 210, right: 56, zIndex: 2, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 6, pointerEvents: 'none' }}>
            {picking && (
              <Paper px="md" py={6} shadow="md" bg="yellow.4" c="dark.9" role="status" data-testid="picking-hint" style={{ pointerEvents: 'auto' }}>
                <Text fw={700} size="sm">{t('map.pickHint')}</Text>
              </Paper>
            )}
            {baseError && (
              <Alert color="gray" icon={<IconAlertTriangle aria-hidden />} py={4} style={{ pointerEvents: 'auto' }} withCloseButton onClose={() => setBaseError(null)} closeButtonLabel={t('actions.dismiss')}>
                <Text size="xs">{t('map.baseMapUnavailable', { detail: baseError })}</Text>
              </Alert>
            )}
            {selectedPlaceId && <Suspense fallback={null}><SelectedPlaceCard placeId={selectedPlaceId} /></Suspense>}
            {visible.rings && (
              <Paper px="sm" py={4} shadow="sm" data-testid="rings-legend" style={{ pointerEvents: 'auto' }}>
                <Group gap="xs" wrap="wrap" justify="center">
                  <Segments value={ringMode} onChange={setRingMode} label={t('map.rings')}
                    data={[{ value: 'place', label: t('map.ringsPlace') }, { value: 'units', label: t('map.ringsUnits') }]} />
                  {!showRings ? <Text size="xs" c="dimmed">{t('map.ringsPick')}</Text> : null}
                  {showRings && <Text size="xs" fw={700}>{t('map.rings')}</Text>}
                  {showRings && (rings.isError ? (
                    <Text size="xs" c="red.4">{problemText(rings.error, t('errors.generic'))}</Text>
                  ) : (
                    <Text size="xs">{t('map.ringsLegend')}</Text>
                  ))}
                  {showRings && <CloseButton size="xs" aria-label={t('map.hideRings')} onClick={() => { setRingsCenter(null); setSelectedPlaceId(null); setRingMode('place'); }} />}
                </Group>
              </Paper>
            )}
          </Box>
        </Box>
        <Box
          component="aside"
          aria-label={t('ops.panel')}
          style={{ width: 'min(34rem, 45vw)', borderLeft: '1px solid var(--mantine-color-default-border)', display: 'flex', flexDirection: 'column', minHeight: 0 }}
        >
          <Outlet />
        </Box>
      </Box>
    </OpsContext.Provider>
  );
}
