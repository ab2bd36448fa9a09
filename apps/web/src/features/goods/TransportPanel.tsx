import type { TransportAlert, TransportPermit } from '@firebreak/contracts';
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/use-translation';
import { useSearchParams } from 'react-router';
import { call, fb, problemText } from '../../api/http';
import { useMe } from '../../api/queries';
import { ErrorState, Loading } from '../../shell/States';
import { hoursInWords } from '../coverage/window';
import { usePlaceName } from '../places/place-name';
import { goodsKeys, usePermitAlerts, usePermitTrail, useTransportPermits } from './api';
import { quantityText } from './format';
import { BindPermitTerminalButton } from './BindPermitTerminal';
import { IssuePermitButton } from './IssuePermitButton';
import { TransportMap } from './TransportMap';

const STATE_COLOR: Record<TransportPermit['state'], string> = { issued: 'gray', in_transit: 'blue', arrived: 'teal', received: 'green', cancelled: 'gray' };
const ALERT_COLOR: Record<TransportAlert['kind'], string> = { left_corridor: 'orange', rejoined_corridor: 'gray', entered_zone: 'red', stopped: 'orange', dark: 'red', arrived: 'teal' };

/**
 * Active transports of dangerous goods: each permit's vehicle, load and state; the one chosen
 * (`?permit=`, where an alert links) on a map with its route, corridor, avoided zones, trail and
 * live position, and its alerts, newest first. Stream events (goods.*) keep it live.
 */
export function TransportPanel() {
  const { t, i18n } = useTranslation();
  const nameOf = usePlaceName();
  const permits = useTransportPermits();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('permit') ?? permits.data?.[0]?.id ?? null;
  const mayLicense = useMe().data?.permissions.includes('goods:license') ?? false;
  if (permits.isPending) return <Loading />;
  if (permits.isError) return <ErrorState error={permits.error} onRetry={() => void permits.refetch()} />;
  const list = permits.data;
  const permit = list.find((p) => p.id === chosen);
  return (
    <Stack gap="xs" data-testid="transport-panel">
      <Group justify="space-between">
        <Title order={3} size="h4">{t('goods.transport.title')}</Title>
        {mayLicense && <IssuePermitButton />}
      </Group>
      <Text size="sm" c="dimmed">{t('goods.transport.hint')}</Text>
      {list.length === 0 ? <Text size="sm">{t('goods.transport.none')}</Text> : (
        <Table striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('goods.transport.vehicle')}</Table.Th>
              <Table.Th>{t('goods.transport.route')}</Table.Th>
              <Table.Th>{t('goods.transport.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((p) => (
              <Table.Tr key={p.id} data-testid="transport-row" aria-selected={p.id === chosen} style={{ cursor: 'pointer' }} onClick={() => setParams((q) => { q.set('permit', p.id); return q; })}>
                <Table.Td>
                  <Text size="sm" fw={600}>{p.vehicle}</Text>
                  <Text size="xs" c="dimmed">{p.item.unNumber ?? p.item.key} {p.item.name} · {quantityText(p.quantity, p.item.unit as 'ml', i18n.language, t)}</Text>
                </Table.Td>
                <Table.Td><Text size="xs">{nameOf(p.from.name)} → {nameOf(p.to.name)}</Text></Table.Td>
                <Table.Td><Badge color={STATE_COLOR[p.state]} variant="light">{t(`goods.transport.states.${p.state}`)}</Badge></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {permit && <PermitDetail permit={permit} />}
    </Stack>
  );
}

function PermitDetail({ permit: p }: { permit: TransportPermit }) {
  const { t, i18n } = useTranslation();
  const nameOf = usePlaceName();
  const alerts = usePermitAlerts(p.id);
  const trail = usePermitTrail(p.id);
  const me = useMe().data;
  const client = useQueryClient();
  const act = useMutation({
    mutationFn: (how: 'receive' | 'cancel') => call(fb.POST(`/api/v1/goods/permits/{id}/${how}`, { params: { path: { id: p.id } }, body: {} })),
    onSuccess: () => void client.invalidateQueries({ queryKey: goodsKeys.all }),
  });
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const may = (perm: string) => me?.permissions.includes(perm as never) ?? false;
  return (
    <Card withBorder padding="sm" data-testid="transport-detail" data-permit={p.id}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{p.vehicle} · {nameOf(p.from.name)} → {nameOf(p.to.name)}</Text>
          <Badge color={STATE_COLOR[p.state]}>{t(`goods.transport.states.${p.state}`)}</Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('goods.transport.window', { from: time(p.window.from), until: time(p.window.until) })} · {t('goods.transport.corridor', { m: p.corridorMeters, km: (p.distanceMeters / 1000).toLocaleString(i18n.language, { maximumFractionDigits: 1 }), min: Math.round(p.durationSeconds / 60) })} · {t('goods.transport.avoided', { count: p.zones.length })}
        </Text>
        {p.zones.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="transport-zones" lineClamp={3} title={p.zones.map((z) => z.name).join('; ')}>
            {p.zones.map((z) => `${z.name} (${z.hours ? hoursInWords(z.hours, t) : t('goods.transport.zoneAlways')})`).join('; ')}
          </Text>
        )}
        <Text size="xs" c="dimmed" data-testid="transport-stops">
          {t('goods.transport.arrival', { m: p.arrivalMeters, count: p.arrivalMinutes })}
          {p.stops.length > 0 && <> · {t('goods.transport.stops', { stops: p.stops.map((st) => t('goods.transport.stop', { name: st.name, count: st.maxMinutes })).join('; ') })}</>}
        </Text>
        <Text size="xs" c={p.terminalId ? 'dimmed' : 'orange'} data-testid="transport-terminal" data-terminal={p.terminalId ?? ''}>
          {t(p.terminalId ? 'goods.transport.terminalBound' : 'goods.transport.terminalUnbound')}
        </Text>
        <Text size="sm" data-testid="transport-last-fix">{p.lastFix ? t('goods.transport.lastFix', { time: time(p.lastFix.at) }) : t('goods.transport.noFix')}</Text>
        <TransportMap permit={p} trail={trail.data ?? []} alerts={alerts.data ?? []} />
        <Title order={4} size="h5">{t('goods.transport.alerts')}</Title>
        {(alerts.data ?? []).length === 0 ? <Text size="sm" c="dimmed">{t('goods.transport.noAlerts')}</Text> : (
          <Stack gap={4} data-testid="transport-alerts">
            {alerts.data!.map((a) => (
              <Group key={a.id} gap="xs" data-testid="transport-alert" data-kind={a.kind}>
                <Badge color={ALERT_COLOR[a.kind]} variant="light">{t(`goods.transport.kinds.${a.kind}`)}</Badge>
                <Text size="xs">{time(a.at)}{a.detail.zoneName ? ` · ${a.detail.zoneName}` : ''}{a.detail.minutes ? ` · ${a.detail.minutes} min` : ''}</Text>
              </Group>
            ))}
          </Stack>
        )}
        {act.isError && <Alert color="red" role="alert">{problemText(act.error, t('errors.generic'))}</Alert>}
        <Group gap="xs">
          {may('goods:record') && (p.state === 'arrived' || p.state === 'in_transit') && <Button size="xs" loading={act.isPending} onClick={() => act.mutate('receive')}>{t('goods.transport.receive')}</Button>}
          {may('goods:license') && !p.terminalId && (p.state === 'issued' || p.state === 'in_transit') && <BindPermitTerminalButton permit={p} />}
          {may('goods:license') && p.state !== 'arrived' && <Button size="xs" variant="default" color="red" loading={act.isPending} onClick={() => act.mutate('cancel')}>{t('goods.transport.cancel')}</Button>}
        </Group>
      </Stack>
    </Card>
  );
}
