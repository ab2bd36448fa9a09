import type { Incident, Unit } from '@firebreak/contracts';
import { UNIT_STATUSES } from '../../api/enums';
import { ActionIcon, Alert, Anchor, Badge, Group, MultiSelect, Pagination, ScrollArea, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconDeviceMobile, IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Link } from 'react-router';
import { call, fb, once, problemText } from '../../api/http';
import { keys, useMe, useOpenIncidents, useUnits } from '../../api/queries';
import { UNIT_STATUS_STYLE } from '../../map/palette';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { formatClock, secondsSince, useNow } from '../../util/time';
import { UnitActionsMenu } from './UnitActionsMenu';
import { UnitTerminalModal } from './UnitTerminalModal';
import { mayChangeUnitStatus, type UnitAction } from './unit-actions';
import { READINESS_COLOR, READINESS_ORDER, readinessCounts, readinessOf } from './readiness';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import { TrafficPointOffers } from '../major-incidents/TrafficPointOffers';

const PAGE = 100;

/** Every unit in scope: status, duty, and how old its last position fix is. */
export function UnitBoard() {
  const { t } = useTranslation();
  const units = useUnits();
  const now = useNow(5000);
  const [q, setQ] = useState('');
  const [statuses, setStatuses] = useState<string[]>([]);
  const [page, setPage] = useState(1);

  const list = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (units.data ?? [])
      .filter((u) => (!needle || u.callSign.toLowerCase().includes(needle) || u.jurisdictionPath.includes(needle)) && (statuses.length === 0 || statuses.includes(u.status)))
      .sort((a, b) => a.callSign.localeCompare(b.callSign));
  }, [units.data, q, statuses]);
  // Counted by what a dispatcher can do with them: an off-duty reserve is not "available" whatever its last status.
  const counts = useMemo(() => readinessCounts(units.data ?? []), [units.data]);
  const incidents = useOpenIncidents().data;
  const incidentById = useMemo(() => new Map((incidents ?? []).map((i) => [i.id, i])), [incidents]);
  const pages = Math.max(1, Math.ceil(list.length / PAGE));
  const permissions = useMe().data?.permissions ?? [];
  const mayAct = mayChangeUnitStatus(permissions);
  // Binding a unit's terminal is `units:manage` on the unit; the server decides per unit and says why not.
  const mayBind = permissions.includes('units:manage');
  const [binding, setBinding] = useState<Unit | null>(null);
  // A crew (or a dispatcher for its patrols) takes the traffic control points major incidents offer them.
  const takesPoints = permissions.includes('dispatch:respond');
  const client = useQueryClient();
  const step = useMutation({
    mutationFn: ({ id, action }: { id: string; action: UnitAction }) => call(fb.POST('/api/v1/units/{id}/actions', { params: { path: { id }, header: once(crypto.randomUUID()) }, body: { action } })),
    // The stream brings the same change (units.status_changed); writing the answer now saves the wait.
    onSuccess: (unit) => client.setQueryData<Unit[]>(keys.units, (held) => held?.map((u) => (u.id === unit.id ? { ...u, ...unit } : u))),
  });

  return (
    <Stack gap="sm" p="md" style={{ height: '100%', minHeight: 0 }}>
      <Group justify="space-between">
        <Title order={2} size="h3">{t('units.title', { count: units.data?.length ?? 0 })}</Title>
        <Group gap={6}>
          <Badge color="green" variant="filled" data-testid="unit-sendable" data-count={counts.sendable}>{t('units.sendable', { count: counts.sendable })}</Badge>
          {READINESS_ORDER.map((r) => (
            <Badge key={r} color={READINESS_COLOR[r]} variant="light" data-testid={`unit-count-${r}`} data-count={counts[r]}>
              {t(`units.readiness.${r}`)}: {counts[r]}
            </Badge>
          ))}
        </Group>
      </Group>
      <Group>
        <TextInput leftSection={<IconSearch size={16} aria-hidden />} placeholder={t('units.search')} aria-label={t('units.search')} value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} />
        <MultiSelect
          placeholder={t('units.statusFilter')}
          aria-label={t('units.statusFilter')}
          data={UNIT_STATUSES.map((s) => ({ value: s, label: t(`unitStatus.${s}`) }))}
          value={statuses}
          onChange={(v) => { setStatuses(v); setPage(1); }}
          clearable
          miw={260}
        />
      </Group>
      {takesPoints && <TrafficPointOffers />}
      {step.isError && (
        <Alert color="red" role="alert" withCloseButton onClose={() => step.reset()} closeButtonLabel={t('units.actions.dismiss')} data-testid="unit-action-error">
          {problemText(step.error, t('errors.generic'))}
        </Alert>
      )}
      {units.isPending ? <Loading /> : units.isError ? <ErrorState error={units.error} onRetry={() => void units.refetch()} /> : list.length === 0 ? (
        <EmptyState title={t('units.empty')}>{t('units.emptyHint')}</EmptyState>
      ) : (
        <>
          <ScrollArea style={{ flex: 1 }}>
            <Table striped highlightOnHover stickyHeader data-testid="unit-board">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('units.callSign')}</Table.Th>
                  <Table.Th>{t('units.kind')}</Table.Th>
                  <Table.Th>{t('units.status')}</Table.Th>
                  <Table.Th>{t('units.duty')}</Table.Th>
                  <Table.Th>{t('units.lastFix')}</Table.Th>
                  <Table.Th>{t('units.jurisdiction')}</Table.Th>
                  <Table.Th>{t('units.incident')}</Table.Th>
                  <Table.Th>{t('units.terminal.column')}</Table.Th>
                  {mayAct && <Table.Th><VisuallyHidden>{t('units.actions.title')}</VisuallyHidden></Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.slice((page - 1) * PAGE, page * PAGE).map((u) => (
                  <UnitRow key={u.id} unit={u} now={now} incident={u.incidentId ? incidentById.get(u.incidentId) : undefined} onBind={mayBind ? () => setBinding(u) : undefined}
                    actions={mayAct ? <UnitActionsMenu unit={u} busy={step.isPending && step.variables?.id === u.id} onAction={(action) => step.mutate({ id: u.id, action })} /> : undefined} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
        </>
      )}
      {binding && <UnitTerminalModal unit={binding} onClose={() => setBinding(null)} />}
    </Stack>
  );
}

function UnitRow({ unit: u, now, incident, actions, onBind }: { unit: Unit; now: number; incident: Incident | undefined; actions?: ReactNode; onBind?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const nameOf = useJurisdictionNames();
  const style = UNIT_STATUS_STYLE[u.status];
  const readiness = readinessOf(u);
  return (
    <Table.Tr data-testid="unit-row" data-unit-id={u.id} data-status={u.status} data-readiness={readiness}>
      <Table.Td><Text fw={700}>{u.callSign}</Text></Table.Td>
      <Table.Td>{t(`unitKind.${u.kind}`)}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Badge color={READINESS_COLOR[readiness]} variant={readiness === 'available' ? 'filled' : 'light'} data-testid="unit-readiness" style={{ flexShrink: 0 }}>
            {t(`units.readiness.${readiness}`)}
          </Badge>
          {/* The recorded status, for what the readiness does not say (en route, on scene, at station). */}
          <Badge color={style.mantine} variant="outline" leftSection={<b aria-hidden>{t(`unitStatusLetter.${u.status}`)}</b>} data-testid="unit-status" style={{ flexShrink: 0 }}>{t(`unitStatus.${u.status}`)}</Badge>
        </Group>
      </Table.Td>
      <Table.Td>{u.onDuty ? <Badge variant="outline" color="green">{t('units.onDuty')}</Badge> : <Badge variant="outline" color="gray">{t('units.offDuty')}</Badge>}</Table.Td>
      <Table.Td>
        {u.position ? (
          <Group gap={4} wrap="nowrap">
            {u.position.stale && <IconAlertTriangle size={14} color="var(--mantine-color-yellow-5)" aria-hidden />}
            <Text size="sm" ff="monospace" c={u.position.stale ? 'yellow.4' : undefined}>{formatClock(secondsSince(u.position.at, now))}</Text>
            {u.position.stale && <Text size="xs" fw={700} c="yellow.4">{t('units.stale')}</Text>}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">{t('units.noFix')}</Text>
        )}
      </Table.Td>
      <Table.Td><Text size="sm" c="dimmed">{nameOf(u.jurisdictionPath)}</Text></Table.Td>
      <Table.Td>
        {u.incidentId ? (
          <Anchor component={Link} to={`/incidents/${u.incidentId}`} size="sm" data-testid="unit-incident">
            {incident
              ? t('units.incidentName', { priority: incident.priority, type: t(`incidentType.${incident.type}`), address: incident.address ?? t('incident.noAddress') })
              : t('units.incidentUnknown')}
          </Anchor>
        ) : '—'}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Badge variant="outline" color={u.terminalId ? 'teal' : 'gray'} title={t(u.terminalId ? 'units.terminal.boundHint' : 'units.terminal.unboundHint')}
            data-testid="unit-terminal" data-terminal={u.terminalId ?? ''}>
            {t(u.terminalId ? 'units.terminal.bound' : 'units.terminal.unbound')}
          </Badge>
          {onBind && (
            <ActionIcon variant="subtle" size="sm" onClick={onBind} aria-label={t('units.terminal.open', { callSign: u.callSign })} data-testid="unit-terminal-open">
              <IconDeviceMobile size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Table.Td>
      {actions !== undefined && <Table.Td>{actions}</Table.Td>}
    </Table.Tr>
  );
}
