import type { CreateIncidentBody, Incident, IncidentType, Place, Priority } from '@firebreak/contracts';
import { INCIDENT_TYPES, PRIORITIES } from '../../api/enums';
import { Alert, Button, CloseButton, Group, Radio, ScrollArea, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconMapPin } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useNavigate } from 'react-router';
import { ApiError, call, fb, once, problemText } from '../../api/http';
import { keys, usePlaces } from '../../api/queries';
import { Kbd } from '../../shell/Kbd';
import { useOps } from '../ops/ops-context';
import { AddressField } from './AddressField';
import { addressForPoint, parseCoordinates, SUGGESTED_PRIORITY } from './intake';
import { PremisePanel } from './PremisePanel';
import { PriorityBadge } from './PriorityBadge';
import { usePlaceName } from '../places/place-name';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/**
 * Moves focus on at once, inside the key handler that chose a value: keys typed next must land in
 * the next field even when the page is busy (browsers run queued input before timers). A field
 * whose own handler takes focus back afterwards loses it again on the next tick.
 */
function moveFocus(el: HTMLElement | null) {
  if (!el) return;
  el.focus();
  setTimeout(() => {
    if (document.activeElement !== el && document.activeElement?.closest('[data-testid=intake-panel]')) el.focus();
  }, 0);
}

/**
 * Call intake. The type field has focus on open; choosing a type suggests its priority and moves
 * on to the address, where a key place or "lat, lon" sets the location (or a click on the map).
 * Ctrl+Enter creates the incident and opens it with the recommended units ready to send.
 */
export function IntakePanel() {
  const { t } = useTranslation();
  const jurisdictionName = useJurisdictionNames();
  const nameOf = usePlaceName();
  const navigate = useNavigate();
  const client = useQueryClient();
  const ops = useOps();
  const [type, setType] = useState<IncidentType | null>(null);
  const [priority, setPriority] = useState<Priority>('P2');
  const [priorityTouched, setPriorityTouched] = useState(false);
  const [address, setAddress] = useState('');
  const [callerNumber, setCallerNumber] = useState('');
  const [narrative, setNarrative] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [debouncedAddress] = useDebouncedValue(address, 200);
  const addressRef = useRef<HTMLInputElement>(null);
  const narrativeRef = useRef<HTMLTextAreaElement>(null);
  const location = ops.pickedPoint;

  // Map clicks set the location while this form is open.
  useEffect(() => {
    ops.setPicking(true);
    ops.setPickedPoint(null);
    return () => {
      ops.setPicking(false);
      ops.setPickedPoint(null);
    };
  }, []); // once per form: ops setters are stable state setters

  // A point clicked on the map fills the address with the nearest key place's name or the
  // coordinates, unless the dispatcher typed one (an address chosen in the field sets the point itself).
  const places = usePlaces();
  const fromField = useRef<[number, number] | null>(null);
  const filled = useRef('');
  useEffect(() => {
    if (!location || location === fromField.current) return;
    if (address.trim() && address !== filled.current) return;
    filled.current = addressForPoint(location, places.data ?? []);
    setAddress(filled.current);
  }, [location]); // only when the point changes: later edits of the field are the dispatcher's

  const suggestions = useQuery({
    queryKey: ['places', 'search', debouncedAddress],
    enabled: debouncedAddress.trim().length >= 2 && parseCoordinates(debouncedAddress) === null,
    queryFn: () => call(fb.GET('/api/v1/places', { params: { query: { q: debouncedAddress.trim(), limit: 8 } } })),
    staleTime: 60_000,
  });
  // The offline geocoder: addresses, streets, places of the OSM extract, nearest the map's view first.
  const geocoded = useQuery({
    queryKey: ['geocode', debouncedAddress, ops.area],
    enabled: debouncedAddress.trim().length >= 2 && parseCoordinates(debouncedAddress) === null,
    queryFn: () => call(fb.GET('/api/v1/geocode', { params: { query: { q: debouncedAddress.trim(), limit: 6, ...(ops.area ? { near: ops.area.join(',') } : {}) } } })),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const coords = parseCoordinates(address);
    const out: { value: string; label: string; at: [number, number]; place?: Place; text?: string }[] = [];
    if (coords) out.push({ value: `coords:${coords.join(',')}`, label: t('intake.useCoordinates', { lat: coords[1], lon: coords[0] }), at: coords });
    for (const p of suggestions.data?.items ?? []) out.push({ value: `place:${p.id}`, label: `${nameOf(p)} · ${t(`placeCategory.${p.category}`)}`, at: p.location, place: p });
    // After the agency's key places have come (never before them: Enter on the first suggestion
    // must not take an OSM point of interest that happened to answer first for a key place's name).
    if (!suggestions.isFetching) (geocoded.data?.results ?? []).forEach((r, i) => {
      const kind = r.interpolated ? t('intake.geocodeInterpolated') : t(`intake.geocodeKind.${r.kind}`);
      out.push({ value: `geo:${i}:${r.label}`, label: `${r.label} · ${kind}`, at: r.point.coordinates, text: r.label });
    });
    return out;
  }, [address, suggestions.data, suggestions.isFetching, geocoded.data, t]);

  const searchable = address.trim().length >= 2 && parseCoordinates(address) === null;
  const addressPending = searchable && (debouncedAddress !== address || suggestions.isFetching || geocoded.isFetching);

  const jurisdiction = useQuery({
    queryKey: ['jurisdictions', 'lookup', location?.[0], location?.[1]],
    enabled: location !== null,
    retry: false,
    queryFn: () => call(fb.GET('/api/v1/jurisdictions/lookup', { params: { query: { lon: location![0], lat: location![1] } } })),
  });

  const create = useMutation({
    mutationFn: (body: CreateIncidentBody) => call(fb.POST('/api/v1/incidents', { body, params: { header: once(idempotencyKey) } })),
    onSuccess: (incident) => {
      client.setQueryData(keys.incident(incident.id), incident);
      client.setQueryData<Incident[]>(keys.openIncidents, (list) => (list && !list.some((i) => i.id === incident.id) ? [incident, ...list] : list));
      setIdempotencyKey(crypto.randomUUID());
      void navigate(`/incidents/${incident.id}`, { state: { justCreated: true } });
    },
  });

  const missing = [!type && t('intake.type'), !location && t('intake.location')].filter(Boolean) as string[];
  const submit = () => {
    if (missing.length || create.isPending) return;
    create.mutate({
      type: type!,
      priority,
      location: location!,
      ...(address.trim() && { address: address.trim() }),
      ...(callerNumber.trim() && { callerNumber: callerNumber.trim() }),
      ...(narrative.trim() && { narrative: narrative.trim() }),
    });
  };
  const choosePriority = (p: Priority) => {
    setPriority(p);
    setPriorityTouched(true);
  };
  const cancel = () => void navigate('/');

  // Work inside the fields too: the dispatcher's hands stay on the keyboard.
  useHotkeys([['mod+Enter', submit], ...PRIORITIES.map((p, i): [string, () => void] => [`alt+${i + 1}`, () => choosePriority(p)])], []);
  // Escape in a field closes its dropdown; outside the fields it leaves the form.
  useHotkeys([['Escape', cancel]]);

  const fieldError = (field: string) => (create.error instanceof ApiError ? create.error.problem?.errors?.find((e) => e.path.replace(/^\//, '').startsWith(field))?.message : undefined);

  return (
    <Stack gap={0} style={{ height: '100%', minHeight: 0 }} data-testid="intake-panel">
      <Group justify="space-between" p="sm">
        <Title order={2} size="h4">{t('intake.title')}</Title>
        <CloseButton aria-label={t('actions.cancel')} onClick={cancel} />
      </Group>
      {/* A scroll box the keyboard can scroll too (axe scrollable-region-focusable); after the fields in no order that matters: it holds them. */}
      <ScrollArea style={{ flex: 1 }} px="sm" viewportProps={{ tabIndex: 0, 'aria-label': t('intake.title') }}>
        <Stack gap="sm" pb="md" role="form" aria-label={t('intake.title')}>
          <Select
            label={t('intake.type')}
            placeholder={t('intake.typePlaceholder')}
            data={INCIDENT_TYPES.map((v) => ({ value: v, label: t(`incidentType.${v}`) }))}
            value={type}
            onChange={(v) => {
              const next = v as IncidentType | null;
              setType(next);
              if (next && !priorityTouched) setPriority(SUGGESTED_PRIORITY[next]);
              if (next) moveFocus(addressRef.current);
            }}
            searchable
            selectFirstOptionOnChange
            // All ten types at once, no inner scroll box: the list is driven from the field (arrow keys), and a scrolling
            // viewport inside the listbox is a region the keyboard cannot reach (axe scrollable-region-focusable).
            withScrollArea={false}
            autoFocus
            required
            error={fieldError('type')}
            data-testid="intake-type"
          />
          <Radio.Group
            label={<>{t('intake.priority')} <Kbd name="priority" /></>}
            value={priority}
            onChange={(v) => choosePriority(v as Priority)}
          >
            <Group gap="md" mt={4}>
              {PRIORITIES.map((p) => (
                <Radio key={p} value={p} label={<Group gap={4} wrap="nowrap"><PriorityBadge priority={p} size="sm" /><Text size="xs">{t(`priority.${p}`)}</Text></Group>} data-testid={`intake-priority-${p}`} />
              ))}
            </Group>
          </Radio.Group>
          <AddressField
            ref={addressRef}
            label={t('intake.address')}
            description={t('intake.addressHint')}
            value={address}
            onChange={setAddress}
            options={options}
            loading={suggestions.isFetching || geocoded.isFetching}
            pending={addressPending}
            onPick={(value) => {
              const o = options.find((x) => x.value === value);
              if (!o) return;
              fromField.current = o.at;
              ops.setPickedPoint(o.at);
              ops.focusMap(o.at, 15);
              // Keep what the dispatcher typed for coordinates; a key place gives its name, an address its label.
              if (o.place) setAddress(o.place.name);
              else if (o.text) setAddress(o.text);
              moveFocus(narrativeRef.current);
            }}
            error={fieldError('address')}
          />
          <Stack gap={2} data-testid="intake-location">
            <Text size="sm" fw={500}>{t('intake.location')}</Text>
            {location ? (
              // Wraps: the out-of-area answer is a sentence that says what to do, never cut at the panel's edge.
              <Group gap={6} wrap="wrap">
                <IconMapPin size={16} aria-hidden />
                <Text size="sm" ff="monospace">{location[1].toFixed(5)}, {location[0].toFixed(5)}</Text>
                <Text size="sm" c={jurisdiction.isError ? 'red.4' : 'dimmed'} data-testid="intake-jurisdiction">
                  {jurisdiction.isError ? problemText(jurisdiction.error, t('errors.generic')) : jurisdiction.data?.[0] ? `· ${jurisdictionName(jurisdiction.data[0].path, jurisdiction.data[0].name)}` : ''}
                </Text>
              </Group>
            ) : (
              <Text size="sm" c="yellow.4">{t('intake.locationHint')}</Text>
            )}
          </Stack>
          {location && <PremisePanel location={location} type={type} />}
          <Textarea
            ref={narrativeRef}
            label={t('intake.narrative')}
            autosize
            minRows={3}
            maxRows={8}
            value={narrative}
            onChange={(e) => setNarrative(e.currentTarget.value)}
            error={fieldError('narrative')}
            data-testid="intake-narrative"
          />
          <TextInput
            label={t('intake.callerNumber')}
            description={t('intake.callerNumberHint')}
            type="tel"
            value={callerNumber}
            onChange={(e) => setCallerNumber(e.currentTarget.value)}
            error={fieldError('callerNumber')}
            data-testid="intake-caller"
          />
          {create.isError && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('intake.failed')} role="alert">
              {problemText(create.error, t('errors.generic'))}
            </Alert>
          )}
          {missing.length > 0 && <Text size="xs" c="dimmed">{t('intake.missing', { fields: missing.join(', ') })}</Text>}
          <Group>
            <Button color="red" onClick={submit} size="md" loading={create.isPending} disabled={missing.length > 0} rightSection={<Kbd name="submitIntake" />} data-testid="intake-submit">
              {t('intake.submit')}
            </Button>
            <Button variant="default" onClick={cancel} rightSection={<Kbd name="back" />}>{t('actions.cancel')}</Button>
          </Group>
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
