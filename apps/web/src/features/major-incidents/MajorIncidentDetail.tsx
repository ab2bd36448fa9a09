import { Alert, Anchor, Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertOctagon, IconCircleCheck, IconClock, IconFileReport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Link, useParams } from 'react-router';
import { TRIAGE_CATEGORIES } from './enums';
import { ErrorState, Loading } from '../../shell/States';
import { formatClock, useNow } from '../../util/time';
import { ExerciseBadge, LevelBadge } from './badges';
import { CommandStructure } from './CommandStructure';
import { Cordons } from './Cordons';
import { MajorHoldings } from '../goods/MajorHoldings';
import { Points } from './Points';
import { TrafficPoints } from './TrafficPoints';
import { Hospitals } from './Hospitals';
import { PublicAlerts } from './PublicAlerts';
import { clockState, formatWhen, useMajorIncident, type MajorIncident } from './queries';
import { SitrepPanel } from './SitrepPanel';
import { useMajorCommand } from './use-major-command';
import { exerciseText } from './exercise-text';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/** One major incident: level and command, clocks, casualty tally, command structure and sectors, SITREPs. */
export function MajorIncidentDetail() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const { id } = useParams() as { id: string };
  const major = useMajorIncident(id);
  const now = useNow(1000);
  if (major.isPending) return <Loading />;
  if (major.isError) return <ErrorState error={major.error} onRetry={() => void major.refetch()} />;
  const m = major.data;
  const active = m.state === 'active';
  return (
    <Stack p="md" gap="md" data-testid="major-detail" data-major-id={m.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <LevelBadge level={m.level} size="lg" />
            <Title order={2} size="h3" data-testid="major-title">{exerciseText(t, m.title)}</Title>
            <ExerciseBadge exercise={m.exercise} size="lg" />
            {!active && <Badge color="gray">{t('majorIncidents.stoodDown')}</Badge>}
          </Group>
          <Text size="sm">{t('majorIncidents.where', { name: nameOf(m.jurisdiction.path, m.jurisdiction.name) })} · {t('majorIncidents.commandBy', { name: nameOf(m.command.path, m.command.name) })} · {t('majorIncidents.informs', { name: nameOf(m.inform.path, m.inform.name) })}</Text>
          <Text size="xs" c="dimmed">{t('majorIncidents.declaredBy', { who: m.declaredBy ? exerciseText(t, m.declaredBy) : '—', when: formatWhen(m.declaredAt, i18n.language) })}</Text>
          {m.incidentId && <Anchor component={Link} to={`/incidents/${m.incidentId}`} size="xs">{t('majorIncidents.openIncident')}</Anchor>}
        </Stack>
        <Button component={Link} to={`/major-incidents/${m.id}/report`} variant="light" size="compact-sm" leftSection={<IconFileReport size={14} aria-hidden />} data-testid="major-after-action">
          {t('majorIncidents.afterAction')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Clocks m={m} now={now} />
        <Tally m={m} />
      </SimpleGrid>
      {active && <ReportUpForm m={m} />}
      <CommandStructure m={m} />
      <Cordons m={m} />
      <MajorHoldings majorId={m.id} />
      <Points m={m} />
      <TrafficPoints m={m} />
      <Hospitals m={m} />
      <PublicAlerts m={m} />
      <SitrepPanel m={m} now={now} />
      {active && <StandDown m={m} />}
    </Stack>
  );
}

function ClockLine({ label, c, now, testId }: { label: string; c: { deadlineAt: string; metAt: string | null; missedAt: string | null }; now: number; testId: string }) {
  const { t, i18n } = useTranslation();
  const s = clockState(c, now);
  const color = s.state === 'met' ? 'teal' : s.state === 'open' ? undefined : 'red';
  const icon = s.state === 'met' ? <IconCircleCheck size={16} aria-hidden /> : s.state === 'open' ? <IconClock size={16} aria-hidden /> : <IconAlertOctagon size={16} aria-hidden />;
  const text = s.state === 'met' ? t('majorIncidents.clock.met', { time: formatWhen(c.metAt!, i18n.language) })
    : s.state === 'missed' ? t('majorIncidents.clock.missed', { time: formatWhen(c.missedAt!, i18n.language) })
      : s.state === 'overdue' ? t('majorIncidents.clock.overdue', { clock: formatClock(-s.secondsLeft) })
        : t('majorIncidents.clock.left', { clock: formatClock(s.secondsLeft) });
  return (
    <Group gap={6} wrap="nowrap" data-testid={testId} data-state={s.state}>
      <Text c={color} component="span" style={{ display: 'flex' }}>{icon}</Text>
      <Text size="sm" fw={600}>{label}</Text>
      <Text size="sm" c={color}>{text}</Text>
    </Group>
  );
}

function Clocks({ m, now }: { m: MajorIncident; now: number }) {
  const { t } = useTranslation();
  const nameOf = useJurisdictionNames();
  return (
    <Card withBorder padding="sm">
      <Text fw={700} mb={4}>{t('majorIncidents.clocks')}</Text>
      {m.reportUp.map((c) => <ClockLine key={c.kind} label={t(`majorIncidents.reportUp.${c.kind}`, { name: nameOf(m.inform.path, m.inform.name) })} c={c} now={now} testId={`major-clock-${c.kind}`} />)}
      {m.sitrep.dueAt
        ? <ClockLine label={t('majorIncidents.sitrepDue')} c={{ deadlineAt: m.sitrep.dueAt, metAt: null, missedAt: null }} now={now} testId="major-clock-sitrep" />
        : <Text size="sm" c="dimmed">{t('majorIncidents.clocksStopped')}</Text>}
      <Text size="xs" c="dimmed" mt={4}>{t('majorIncidents.sitrepStats', { count: m.sitrep.count, missed: m.sitrep.missed, minutes: m.sitrep.intervalMinutes })}</Text>
    </Card>
  );
}

function Tally({ m }: { m: MajorIncident }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid="major-tally">
      <Text fw={700} mb={4}>{t('majorIncidents.casualties')}</Text>
      <Group gap="lg">
        {TRIAGE_CATEGORIES.map((c) => (
          <Stack key={c} gap={0} align="center">
            <Text size="xl" fw={700} data-testid={`major-tally-${c}`}>{m.casualties[c]}</Text>
            <Text size="xs" c="dimmed">{t(`majorIncidents.triage.${c}`)}</Text>
          </Stack>
        ))}
        <Stack gap={0} align="center">
          <Text size="xl" fw={700} data-testid="major-tally-total">{m.casualties.total}</Text>
          <Text size="xs" c="dimmed">{t('majorIncidents.total')}</Text>
        </Stack>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>{t('majorIncidents.countsOnly')}</Text>
    </Card>
  );
}

function ReportUpForm({ m }: { m: MajorIncident }) {
  const { t } = useTranslation();
  const nameOf = useJurisdictionNames();
  const [kind, setKind] = useState<'first' | 'written'>(m.reportUp[0]?.metAt ? 'written' : 'first');
  const [text, setText] = useState('');
  const send = useMajorCommand();
  return (
    <Card withBorder padding="sm" data-testid="major-report-up">
      <Text fw={700} mb={4}>{t('majorIncidents.reportUpTitle', { name: nameOf(m.inform.path, m.inform.name) })}</Text>
      <SegmentedControl size="xs" value={kind} onChange={(v) => setKind(v as 'first' | 'written')}
        data={[{ value: 'first', label: t('majorIncidents.reportUpKind.first') }, { value: 'written', label: t('majorIncidents.reportUpKind.written') }]} />
      <Textarea mt="xs" value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={10_000} aria-label={t('majorIncidents.reportUpText')}
        placeholder={t('majorIncidents.reportUpText')} data-testid="major-report-up-text" />
      <Group justify="flex-end" mt="xs">
        <Button size="compact-sm" disabled={!text.trim()} loading={send.isPending} data-testid="major-report-up-send"
          onClick={() => send.mutate({ path: `/major-incidents/${m.id}/reports-up`, body: { kind, text: text.trim() } }, { onSuccess: () => setText('') })}>
          {t('majorIncidents.reportUpSend')}
        </Button>
      </Group>
    </Card>
  );
}

function StandDown({ m }: { m: MajorIncident }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  const send = useMajorCommand();
  if (!open) return <Group><Button variant="subtle" color="gray" size="compact-sm" onClick={() => setOpen(true)} data-testid="major-stand-down">{t('majorIncidents.standDown')}</Button></Group>;
  return (
    <Alert color="gray" title={t('majorIncidents.standDown')}>
      <Textarea value={note} onChange={(e) => setNote(e.currentTarget.value)} placeholder={t('majorIncidents.standDownNote')} aria-label={t('majorIncidents.standDownNote')} maxLength={2000} />
      <Group justify="flex-end" mt="xs">
        <Button size="compact-sm" variant="default" onClick={() => setOpen(false)}>{t('actions.cancel')}</Button>
        <Button size="compact-sm" color="gray" disabled={!note.trim()} loading={send.isPending}
          onClick={() => send.mutate({ path: `/major-incidents/${m.id}/stand-down`, body: { note: note.trim() } })}>{t('majorIncidents.standDownConfirm')}</Button>
      </Group>
    </Alert>
  );
}
