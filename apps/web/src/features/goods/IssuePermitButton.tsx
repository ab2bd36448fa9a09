import type { IssuePermitBody, TransportPermit } from '@firebreak/contracts';
import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useSearchParams } from 'react-router';
import { ARRIVAL_METRES, ARRIVAL_MINUTES, CORRIDOR_METRES } from '../../api/enums';
import { call, fb, once } from '../../api/http';
import { fieldErrors, isoToLocal, localToIso } from '../issue/issue-form';
import { IssueModal } from '../issue/IssueModal';
import { useCommandForm } from '../issue/use-command-form';
import { goodsKeys, useGoodsSites } from './api';
import { quantityText } from './format';
import { parseLatLon, PermitStopsField, stopProblems, type StopDraft } from './PermitStopsField';

const FIELDS = ['fromSiteId', 'toSiteId', 'itemKey', 'quantity', 'vehicle', 'terminalId', 'window', 'corridorMeters', 'stops', 'arrivalMeters', 'arrivalMinutes'] as const;

/** Opens the form to issue a transport permit (those who license, `goods:license`). */
export function IssuePermitButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" onClick={() => setOpen(true)} data-testid="permit-issue-open">{t('goods.permitForm.open')}</Button>
      {open && <IssuePermitModal onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * One load of one item the sender holds, to another licensed site, by one vehicle in a window.
 * The server plans the route around the schools open in the window and the cordons; whatever it
 * refuses (not enough stock, no room at the receiver, no route, outside my scope) shows under the
 * field it names, in the reader's language where the code is worded.
 */
function IssuePermitModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [, setParams] = useSearchParams();
  const sites = useGoodsSites();
  const [fromSiteId, setFrom] = useState<string | null>(null);
  const [itemKey, setItem] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>('');
  const [toSiteId, setTo] = useState<string | null>(null);
  const [vehicle, setVehicle] = useState('');
  // The vehicle's terminal: a device account the issuer sees; bound, it alone reports the permit's fixes (docs/security.md).
  const [terminalId, setTerminal] = useState<string | null>(null);
  const staff = useQuery({ queryKey: ['staff', 'list'], queryFn: () => call(fb.GET('/api/v1/staff', { params: { query: { limit: 500 } } })) });
  const devices = (staff.data ?? []).filter((a) => a.kind === 'device' && !a.disabled);
  const [from, setWindowFrom] = useState(() => isoToLocal(Date.now()));
  const [until, setWindowUntil] = useState(() => isoToLocal(Date.now() + 6 * 3_600_000));
  const [corridor, setCorridor] = useState<number | string>(CORRIDOR_METRES.default);
  const [stops, setStops] = useState<StopDraft[]>([]);
  const [arrivalMeters, setArrivalMeters] = useState<number | string>(ARRIVAL_METRES.default);
  const [arrivalMinutes, setArrivalMinutes] = useState<number | string>(ARRIVAL_MINUTES.default);
  const all = sites.data ?? [];
  const sender = all.find((s) => s.id === fromSiteId);
  const holdings = (sender?.holdings ?? []).filter((h) => h.balance > 0);
  const holding = holdings.find((h) => h.key === itemKey);
  const form = useCommandForm<IssuePermitBody, TransportPermit>(
    (body, key) => call(fb.POST('/api/v1/goods/permits', { body, headers: once(key) })), fieldErrors, (permit) => {
      void client.invalidateQueries({ queryKey: goodsKeys.all });
      setParams((q) => { q.set('permit', permit.id); return q; });
      onClose();
    },
  );
  const submit = () => {
    const problems: Record<string, string> = {};
    const windowFrom = localToIso(from);
    const windowUntil = localToIso(until);
    if (!fromSiteId) problems.fromSiteId = 'goods.permitForm.required';
    if (!itemKey) problems.itemKey = 'goods.permitForm.required';
    if (typeof quantity !== 'number' || quantity <= 0) problems.quantity = 'goods.permitForm.required';
    else if (holding && quantity > holding.balance) problems.quantity = 'goods.permitForm.moreThanHeld';
    if (!toSiteId) problems.toSiteId = 'goods.permitForm.required';
    if (vehicle.trim().length < 2) problems.vehicle = 'goods.permitForm.required';
    if (!windowFrom || !windowUntil) problems.window = 'goods.permitForm.required';
    else if (windowUntil <= windowFrom) problems.window = 'goods.permitForm.windowOrder';
    if (typeof corridor !== 'number') problems.corridorMeters = 'goods.permitForm.required';
    if (typeof arrivalMeters !== 'number') problems.arrivalMeters = 'goods.permitForm.required';
    if (typeof arrivalMinutes !== 'number') problems.arrivalMinutes = 'goods.permitForm.required';
    const stopProblem = stopProblems(stops);
    if (stopProblem) problems.stops = stopProblem;
    if (Object.keys(problems).length > 0) return form.send({ body: null, problems });
    form.send({
      body: {
        fromSiteId: fromSiteId!, toSiteId: toSiteId!, itemKey: itemKey!, quantity: quantity as number, vehicle: vehicle.trim(),
        window: { from: windowFrom!, until: windowUntil! }, corridorMeters: corridor as number,
        stops: stops.map((st) => ({ name: st.name.trim(), location: parseLatLon(st.location)!, maxMinutes: st.maxMinutes as number, radiusMeters: st.radiusMeters as number })),
        arrivalMeters: arrivalMeters as number, arrivalMinutes: arrivalMinutes as number,
        ...(terminalId ? { terminalId } : {}),
      } as IssuePermitBody,
      problems: null,
    });
  };
  const siteLabel = (s: (typeof all)[number]) => `${s.place.name} (${s.supervisingName})`;
  return (
    <IssueModal title={t('goods.permitForm.title')} testId="permit-form" submitLabel={t('goods.permitForm.submit')} onSubmit={submit} onClose={onClose}
      pending={form.pending} error={form.unplaced(FIELDS)}>
      <Select label={t('goods.permitForm.from')} searchable data-autofocus data={all.filter((s) => s.holdings.some((h) => h.balance > 0)).map((s) => ({ value: s.id, label: siteLabel(s) }))}
        value={fromSiteId} onChange={(v) => { setFrom(v); setItem(null); }} error={form.errorOf('fromSiteId')} data-testid="permit-from" />
      <Group grow align="flex-start">
        <Select label={t('goods.permitForm.item')} disabled={!sender} data={holdings.map((h) => ({ value: h.key, label: `${h.unNumber ?? h.key} — ${h.name} (${quantityText(h.balance, h.unit as 'ml', i18n.language, t)})` }))}
          value={itemKey} onChange={setItem} error={form.errorOf('itemKey')} data-testid="permit-item" />
        <NumberInput label={t('goods.permitForm.quantity', { unit: t(`goods.unit.${holding?.unit ?? 'item'}`) })} value={quantity} onChange={setQuantity} min={1}
          max={holding?.balance} allowDecimal={false} allowNegative={false} thousandSeparator error={form.errorOf('quantity')} data-testid="permit-quantity" />
      </Group>
      <Select label={t('goods.permitForm.to')} searchable data={all.filter((s) => s.id !== fromSiteId).map((s) => ({ value: s.id, label: siteLabel(s) }))}
        value={toSiteId} onChange={setTo} error={form.errorOf('toSiteId')} data-testid="permit-to" />
      <TextInput label={t('goods.permitForm.vehicle')} description={t('goods.permitForm.vehicleHint')} value={vehicle} onChange={(e) => setVehicle(e.currentTarget.value)} maxLength={20}
        error={form.errorOf('vehicle')} data-testid="permit-vehicle" />
      <Select label={t('goods.permitForm.terminal')} description={t('goods.permitForm.terminalHint')} searchable clearable
        data={devices.map((a) => ({ value: a.id, label: `${a.displayName} (${a.username})` }))} value={terminalId} onChange={setTerminal}
        error={form.errorOf('terminalId')} data-testid="permit-terminal" />
      <Group grow align="flex-start">
        <TextInput type="datetime-local" label={t('goods.permitForm.windowFrom')} value={from} onChange={(e) => setWindowFrom(e.currentTarget.value)} error={form.errorOf('window')} data-testid="permit-window-from" />
        <TextInput type="datetime-local" label={t('goods.permitForm.windowUntil')} description={t('goods.permitForm.windowHint')} value={until} onChange={(e) => setWindowUntil(e.currentTarget.value)} data-testid="permit-window-until" />
      </Group>
      <NumberInput label={t('goods.permitForm.corridor')} description={t('goods.permitForm.corridorHint')} value={corridor} onChange={setCorridor} min={CORRIDOR_METRES.min} max={CORRIDOR_METRES.max}
        step={50} allowDecimal={false} allowNegative={false} error={form.errorOf('corridorMeters')} data-testid="permit-corridor" />
      <Group grow align="flex-start">
        <NumberInput label={t('goods.permitForm.arrivalMeters')} description={t('goods.permitForm.arrivalMetersHint')} value={arrivalMeters} onChange={setArrivalMeters}
          min={ARRIVAL_METRES.min} max={ARRIVAL_METRES.max} step={10} allowDecimal={false} allowNegative={false} error={form.errorOf('arrivalMeters')} data-testid="permit-arrival-meters" />
        <NumberInput label={t('goods.permitForm.arrivalMinutes')} description={t('goods.permitForm.arrivalMinutesHint')} value={arrivalMinutes} onChange={setArrivalMinutes}
          min={ARRIVAL_MINUTES.min} max={ARRIVAL_MINUTES.max} allowDecimal={false} allowNegative={false} error={form.errorOf('arrivalMinutes')} data-testid="permit-arrival-minutes" />
      </Group>
      <PermitStopsField stops={stops} onChange={setStops} error={form.errorOf('stops')} />
    </IssueModal>
  );
}
