import { Badge, Button, Divider, Group, ScrollArea, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertOctagon, IconPhone, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useAssignments, useIncident } from '../../api/queries';
import { Kbd } from '../../shell/Kbd';
import { ErrorState, Loading } from '../../shell/States';
import { formatClock, formatTime, secondsSince, useNow } from '../../util/time';
import { AccountabilityTraceButton } from '../accountability/TraceButton';
import { DeclareMajorButton } from '../major-incidents/DeclareMajorButton';
import { useOps } from '../ops/ops-context';
import { AssignmentList } from './AssignmentList';
import { CloseIncidentButton, CloseIncidentForm } from './CloseIncidentButton';
import { DispatchPanel } from './DispatchPanel';
import { IncidentReinforcements } from '../reinforcements/IncidentReinforcements';
import { PriorityBadge } from './PriorityBadge';
import { TierClocks } from './TierClocks';
import { anyMissed, clockStopped } from './tiers';
import { IncidentTimeline } from './Timeline';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import { exerciseText } from '../major-incidents/exercise-text';

export function IncidentDetail() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const { id } = useParams() as { id: string };
  const navigate = useNavigate();
  const justCreated = Boolean((useLocation().state as { justCreated?: boolean } | null)?.justCreated);
  const incident = useIncident(id);
  const assignments = useAssignments(id);
  const ops = useOps();
  const now = useNow(1000);
  const location = incident.data?.location;
  const [closing, setClosing] = useState(false);

  useHotkeys([['Escape', () => void navigate('/')]]);
  // Show the incident on the map with the 1/3/5-minute rings around it.
  useEffect(() => {
    if (!location) return;
    ops.setRingsCenter(location);
    ops.focusMap(location, 14);
    return () => ops.setRingsCenter(null);
    // Re-run only when the location changes (ops setters are stable).
  }, [location?.[0], location?.[1]]);

  if (incident.isPending) return <Loading />;
  if (incident.isError) return <ErrorState error={incident.error} onRetry={() => void incident.refetch()} />;
  const i = incident.data;
  const sent = assignments.data ?? [];
  const active = sent.filter((a) => a.state !== 'cancelled');
  const unitsOnIt = sent.filter((a) => a.state !== 'cancelled' && a.state !== 'cleared').length;
  const stopped = clockStopped(i);
  const missed = anyMissed(i.tiers, now, stopped);

  return (
    <Stack gap={0} style={{ height: '100%', minHeight: 0 }} data-testid="incident-detail" data-incident-id={i.id}>
      <Group justify="space-between" p="sm" wrap="nowrap" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <PriorityBadge priority={i.priority} size="xl" />
            <Title order={2} size="h3">{t(`incidentType.${i.type}`)}</Title>
            {i.state === 'closed' && <Badge color="gray">{t('incident.closed')}</Badge>}
            {i.origin !== 'live' && <Badge color="grape" variant="outline" data-testid="incident-origin">{t(`incident.origin.${i.origin}`)}</Badge>}
            {i.disposition && <Text size="sm" c="dimmed" data-testid="incident-disposition">{t('incident.disposition', { disposition: t(`incident.dispositions.${i.disposition}`) })}</Text>}
          </Group>
          <Text size="sm">{i.address ?? t('incident.noAddress')}</Text>
          <Text size="xs" c="dimmed">
            {nameOf(i.jurisdictionPath)} · {t('incident.received', { time: formatTime(i.receivedAt, i18n.language) })} · {t('incident.age', { age: formatClock(secondsSince(i.receivedAt, now)) })}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <CloseIncidentButton incident={i} opened={closing} onToggle={() => setClosing((c) => !c)} />
          <AccountabilityTraceButton incidentId={i.id} />
          <Divider orientation="vertical" />
          {/* "Esc" belongs to leaving the detail, not to "Close incident": it sits inside this button, apart from the others. */}
          {/* Named by hidden text, not aria-label: the visible "Esc" must not contradict the name (WCAG 2.5.3, axe label-content-name-mismatch). */}
          <Button variant="subtle" color="gray" size="compact-sm" onClick={() => void navigate('/')} title={t('incident.backToBoard')}
            aria-keyshortcuts="Escape" rightSection={<IconX size={16} aria-hidden />} data-testid="incident-back">
            <VisuallyHidden>{t('incident.backToBoard')}</VisuallyHidden>
            <Kbd name="back" />
          </Button>
        </Group>
      </Group>
      <Stack gap={6} px="sm" pb="sm">
        {missed && (
          <Group gap={6}>
            <IconAlertOctagon color="var(--mantine-color-red-5)" aria-hidden />
            <Text fw={700} c="red.4">{t('incident.tierMissed')}</Text>
          </Group>
        )}
        <TierClocks tiers={i.tiers} now={now} size="lg" stopped={stopped} />
        {/* When the call outgrows a normal response (modules/major-incidents). */}
        <Group gap={6}><DeclareMajorButton incident={i} /></Group>
        {i.callerNumber && (
          <Group gap={6}><IconPhone size={16} aria-hidden /><Text size="sm">{i.callerNumber}</Text></Group>
        )}
        {i.narrative && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{exerciseText(t, i.narrative)}</Text>}
      </Stack>
      <Divider />
      <ScrollArea style={{ flex: 1 }} p="sm">
        <Stack gap="lg">
          {/* Every unit ever sent stays listed, cleared and cancelled ones too, also once the incident is closed. */}
          {sent.length > 0 && <AssignmentList incidentId={i.id} assignments={sent} />}
          {closing && <CloseIncidentForm incident={i} unitsOnIt={unitsOnIt} onClose={() => setClosing(false)} />}
          <DispatchPanel incident={i} autoFocus={justCreated || active.length === 0} dispatched={active.length > 0} />
          <IncidentReinforcements incident={i} />
          <IncidentTimeline incidentId={i.id} />
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
