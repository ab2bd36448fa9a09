import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import type { TFunction } from 'i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../../shell/States';
import { ExerciseBadge, LevelBadge } from './badges';
import { formatWhen, useAfterAction, type ReportUpClock } from './queries';
import { SitrepCard } from './SitrepPanel';
import { exerciseText } from './exercise-text';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

function clockText(t: TFunction, c: ReportUpClock, lang: string): string {
  if (c.metAt) return t('majorIncidents.clock.met', { time: formatWhen(c.metAt, lang) });
  if (c.missedAt) return t('majorIncidents.clock.missed', { time: formatWhen(c.missedAt, lang) });
  return t('majorIncidents.clock.open', { time: formatWhen(c.deadlineAt, lang) });
}

/** The few facts of a timeline entry worth a column: names, call signs, levels and notes as recorded (no paths). */
const DETAIL_KEYS = ['title', 'reason', 'name', 'postTitle', 'callSign', 'sector', 'note'] as const;
function detailOf(t: TFunction, d: Record<string, unknown> | null): string {
  if (!d) return '';
  const own = [
    typeof d.to === 'string' && d.from ? t(`majorIncidents.levels.${d.to}`) : null,
    d.kind === 'first' || d.kind === 'written' ? t(`majorIncidents.reportUpKind.${d.kind}`) : null,
    d.kind === 'inner' || d.kind === 'outer' ? t(`majorIncidents.cordon.${d.kind}`) : null,
    typeof d.radiusM === 'number' ? t('majorIncidents.cordonRadius', { metres: d.radiusM }) : null,
    typeof d.clock === 'string' ? t(`majorIncidents.clockKinds.${d.clock}`) : null,
    typeof d.seq === 'number' ? t('majorIncidents.sitrepNo', { seq: d.seq }) : null,
  ];
  return [...own, ...DETAIL_KEYS.map((k) => d[k])].filter((v): v is string => typeof v === 'string' && v !== '').map((v) => exerciseText(t, v)).join(' · ');
}

/** The after-action report as a printable page, in the user's language: clocks, SITREPs, units over time, the timeline. */
export default function AfterActionPage() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const { id } = useParams() as { id: string };
  const report = useAfterAction(id);
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const m = r.majorIncident;
  const lang = i18n.language;
  return (
    <Stack p="md" gap="md" className="fb-printable" data-testid="after-action" style={{ height: '100%', overflow: 'auto' }}>
      <Group justify="space-between" className="fb-no-print">
        <Anchor component={Link} to={`/major-incidents/${m.id}`}>{t('majorIncidents.backToBoard')}</Anchor>
        <Group gap="xs">
          <Button size="compact-sm" variant="light" component="a" href={`/api/v1/major-incidents/${m.id}/after-action.csv`} leftSection={<IconDownload size={14} aria-hidden />}>CSV</Button>
          <Button size="compact-sm" variant="light" component="a" href={`/api/v1/major-incidents/${m.id}/after-action`} target="_blank" leftSection={<IconDownload size={14} aria-hidden />}>JSON</Button>
          <Button size="compact-sm" onClick={() => window.print()} leftSection={<IconPrinter size={14} aria-hidden />}>{t('majorIncidents.print')}</Button>
        </Group>
      </Group>
      <Group gap="xs">
        <LevelBadge level={m.level} size="lg" />
        <Title order={1} size="h2">{t('majorIncidents.afterActionTitle', { title: exerciseText(t, m.title) })}</Title>
        <ExerciseBadge exercise={m.exercise} size="lg" />
      </Group>
      <Text size="sm">{t('majorIncidents.where', { name: nameOf(m.jurisdiction.path, m.jurisdiction.name) })} · {t('majorIncidents.commandBy', { name: nameOf(m.command.path, m.command.name) })} · {t('majorIncidents.informs', { name: nameOf(m.inform.path, m.inform.name) })}</Text>
      <Text size="sm">{t('majorIncidents.declaredBy', { who: m.declaredBy ?? '—', when: formatWhen(m.declaredAt, lang) })}{m.stoodDownAt ? ` · ${t('majorIncidents.stoodDownAt', { when: formatWhen(m.stoodDownAt, lang) })}` : ''}</Text>
      <Text size="xs" c="dimmed">{t('majorIncidents.generatedAt', { when: formatWhen(r.generatedAt, lang) })}</Text>

      <Title order={2} size="h4">{t('majorIncidents.clocks')}</Title>
      <Table data-testid="after-action-clocks">
        <Table.Tbody>
          {r.clocks.reportUp.map((c) => (
            <Table.Tr key={c.kind}>
              <Table.Td>{t(`majorIncidents.reportUp.${c.kind}`, { name: nameOf(m.inform.path, m.inform.name) })}</Table.Td>
              <Table.Td><Badge color={c.metAt ? 'teal' : c.missedAt ? 'red' : 'gray'}>{clockText(t, c, lang)}</Badge></Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>{t('majorIncidents.sitreps')}</Table.Td>
            <Table.Td>{t('majorIncidents.sitrepSummary', r.clocks.sitreps)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="sm"><b>{t('majorIncidents.casualties')}:</b> {t('majorIncidents.tallyLine', m.casualties)}</Text>

      <Title order={2} size="h4">{t('majorIncidents.resources')}</Title>
      <Table data-testid="after-action-resources">
        <Table.Thead><Table.Tr><Table.Th>{t('majorIncidents.unit')}</Table.Th><Table.Th>{t('majorIncidents.sector')}</Table.Th><Table.Th>{t('majorIncidents.from')}</Table.Th><Table.Th>{t('majorIncidents.to')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {r.resources.map((u, i) => (
            <Table.Tr key={i}><Table.Td>{u.callSign}</Table.Td><Table.Td>{u.sector}</Table.Td><Table.Td>{formatWhen(u.from, lang)}</Table.Td><Table.Td>{u.to ? formatWhen(u.to, lang) : '—'}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={2} size="h4">{t('majorIncidents.points')}</Title>
      <Table data-testid="after-action-points">
        <Table.Thead><Table.Tr><Table.Th>{t('majorIncidents.pointKindLabel')}</Table.Th><Table.Th>{t('majorIncidents.pointName')}</Table.Th><Table.Th>{t('majorIncidents.patrolUnit')}</Table.Th><Table.Th>{t('majorIncidents.from')}</Table.Th><Table.Th>{t('majorIncidents.to')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {r.points.map((p) => (
            <Table.Tr key={p.id} data-kind={p.kind}>
              <Table.Td>{t(`majorIncidents.pointKind.${p.kind}`)}</Table.Td><Table.Td>{p.name}</Table.Td><Table.Td>{p.patrol?.callSign ?? '—'}</Table.Td>
              <Table.Td>{formatWhen(p.createdAt, lang)}</Table.Td><Table.Td>{p.removedAt ? formatWhen(p.removedAt, lang) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={2} size="h4">{t('majorIncidents.sitreps')}</Title>
      {r.sitreps.length === 0 ? <Text size="sm" c="dimmed">{t('majorIncidents.noSitreps')}</Text> : r.sitreps.map((s) => <SitrepCard key={s.id} s={s} />)}

      <Title order={2} size="h4">{t('majorIncidents.timeline')}</Title>
      <Table data-testid="after-action-timeline">
        <Table.Thead><Table.Tr><Table.Th>{t('majorIncidents.when')}</Table.Th><Table.Th>{t('majorIncidents.what')}</Table.Th><Table.Th>{t('majorIncidents.details')}</Table.Th><Table.Th>{t('majorIncidents.who')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {r.timeline.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td>{formatWhen(e.at, lang)}</Table.Td>
              <Table.Td>{t(`majorIncidents.actions.${e.action.replace('major_incidents.', '')}`, { defaultValue: e.action })}</Table.Td>
              <Table.Td>{detailOf(t, e.detail)}</Table.Td>
              <Table.Td>{e.actor ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
