import type { AccountabilityTrace } from '@firebreak/contracts';
import { Anchor, Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Link } from 'react-router';
import { EmptyState } from '../../shell/States';
import { formatClock } from '../../util/time';
import { ageParts, auditPath, lineAudit, sectionCounts, type SectionKey } from './trace-query';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import { tierGoal } from '../incidents/tiers';
import { usePlaceName } from '../places/place-name';

/** The trace's facts, section by section with their counts; every line links to the audit entries it is read from. */
export function TraceSections({ trace }: { trace: AccountabilityTrace }) {
  const { t, i18n } = useTranslation();
  const placeName = usePlaceName();
  const nameOf = useJurisdictionNames();
  const counts = sectionCounts(trace);
  const at = (s: string) => new Date(s).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const postTitle = new Map(trace.posts.map((p) => [p.postId, p.title]));
  const age = (hours: number) => {
    const p = ageParts(hours);
    return p.days ? t('accountability.ageDays', { days: p.days, hours: p.hours }) : t('accountability.ageHours', { hours: p.hours });
  };
  const overdue = (since: string) => (
    <Text span size="sm" fw={700} c="red.4"><IconAlertTriangle size={12} aria-hidden /> {t('accountability.overdueSince', { date: at(since) })}</Text>
  );

  return (
    <>
      <Section k="tiers" count={counts.tiers} head={[t('accountability.col.tier'), t('accountability.col.deadline'), t('accountability.col.missedAt')]}>
        {trace.tiers.map((x) => (
          <Line key={`${x.incidentId}-${x.tier}`} k="tiers" audit={lineAudit('tiers', x)}>
            <Table.Td><Text size="sm" fw={600}>{t('accountability.tierN', { n: x.tier })}</Text><Text size="xs" c="dimmed">{tierGoal(t, x)}</Text></Table.Td>
            <Table.Td>{at(x.deadlineAt)}</Table.Td>
            <Table.Td><Text span size="sm" fw={700} c="red.4">{t('accountability.missed')}</Text> · {at(x.missedAt)}</Table.Td>
          </Line>
        ))}
      </Section>
      <Section k="dispatch" count={counts.dispatch} head={[t('accountability.col.unit'), t('accountability.col.sent'), t('accountability.col.etaActual'), t('accountability.col.outcome')]}>
        {trace.dispatch.map((d) => (
          <Line key={d.unitId} k="dispatch" audit={lineAudit('dispatch', d)} id={d.unitId}>
            <Table.Td>
              <Text size="sm" fw={600}>{d.callSign}</Text>
              <Text size="xs" c="dimmed" data-testid="trace-dispatch-recommended" data-recommended={String(d.recommended)}>
                {t(`accountability.recommended.${d.recommended === null ? 'unknown' : d.recommended ? 'yes' : 'no'}`)}
              </Text>
            </Table.Td>
            <Table.Td data-testid="trace-dispatch-sent">
              {d.sent ? <>{at(d.sent.at)}<Text size="xs" c="dimmed">{t('accountability.sentBy', { name: d.sent.byName ?? t('accountability.unknownPerson') })}</Text></> : <Text span size="sm" fw={700}>{t('accountability.notSent')}</Text>}
            </Table.Td>
            <Table.Td data-testid="trace-dispatch-eta">
              {d.sent && (
                <Text size="sm" ff="monospace">
                  {d.sent.etaSeconds === null ? '—' : formatClock(d.sent.etaSeconds)} / {d.sent.actualSeconds === null ? '—' : formatClock(d.sent.actualSeconds)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {d.sent && (
                <Text size="sm">
                  {[
                    d.sent.onSceneAt ? t('accountability.onSceneAt', { date: at(d.sent.onSceneAt) }) : t('accountability.neverOnScene'),
                    d.sent.clearedAt && t('accountability.clearedAt', { date: at(d.sent.clearedAt) }),
                    d.sent.cancelledAt && t('accountability.cancelledAt', { date: at(d.sent.cancelledAt) }),
                  ].filter(Boolean).join(' · ')}
                </Text>
              )}
            </Table.Td>
          </Line>
        ))}
      </Section>
      <Section k="hazards" count={counts.hazards}
        head={[t('hazards.hazard'), t('hazards.place'), t('accountability.col.raised'), t('accountability.col.stateThen'), t('hazards.due')]}>
        {trace.hazards.map((h) => (
          <Line key={h.id} k="hazards" audit={lineAudit('hazards', h)} overdue={h.overdueSince !== null}>
            <Table.Td>
              <Group gap={6}><Text size="sm" fw={600}>{h.title}</Text><Badge size="xs" color={h.grade === 'major' ? 'red' : 'yellow'} variant={h.grade === 'major' ? 'filled' : 'light'}>{t(`hazards.grades.${h.grade}`)}</Badge></Group>
              <Text size="xs" c="dimmed">{nameOf(h.jurisdictionPath)}</Text>
            </Table.Td>
            <Table.Td>{h.placeId ? <Anchor component={Link} to={`/places/${h.placeId}`} size="sm">{h.placeName ? placeName(h.placeName) : '—'}</Anchor> : '—'}{h.distanceM !== null && <Text size="xs" c="dimmed">{t('accountability.distance', { m: Math.round(h.distanceM) })}</Text>}</Table.Td>
            <Table.Td>{at(h.raisedAt)}<Text size="xs" c="dimmed">{age(h.ageHours)}</Text></Table.Td>
            <Table.Td>{t(`hazards.states.${h.state}`)}</Table.Td>
            <Table.Td>{at(h.dueAt)}{h.overdueSince && <div>{overdue(h.overdueSince)}</div>}</Table.Td>
          </Line>
        ))}
      </Section>
      <Section k="tasks" count={counts.tasks} head={[t('accountability.col.task'), t('accountability.col.ownerPost'), t('accountability.col.statusThen'), t('hazards.due')]}>
        {trace.tasks.map((x) => (
          <Line key={x.id} k="tasks" audit={lineAudit('tasks', x)} overdue>
            <Table.Td>
              <Text size="sm" fw={600}>{x.title}</Text>
              <Text size="xs" c="dimmed">{t(`accountability.concern.${x.concern}`)}{x.category ? ` · ${t(`placeCategory.${x.category}`, { defaultValue: x.category })}` : ''} · {nameOf(x.jurisdictionPath)}</Text>
            </Table.Td>
            <Table.Td>{postTitle.get(x.ownerPostId) ?? <Text span size="xs" ff="monospace">{x.ownerPostId}</Text>}</Table.Td>
            <Table.Td>{t(`accountability.taskStatus.${x.status}`, { defaultValue: x.status })}</Table.Td>
            <Table.Td>{at(x.dueAt)}<div>{overdue(x.overdueSince)}</div></Table.Td>
          </Line>
        ))}
      </Section>
      <Section k="directives" count={counts.directives} head={[t('accountability.col.directive'), t('accountability.col.missedAnswer'), t('hazards.due'), t('accountability.col.answered')]}>
        {trace.directives.map((x) => (
          <Line key={`${x.directiveId}-${x.jurisdictionPath}-${x.missed}`} k="directives" audit={lineAudit('directives', x)} overdue>
            <Table.Td><Anchor component={Link} to={`/directives/${x.directiveId}`} size="sm" fw={600}>{x.title}</Anchor><Text size="xs" c="dimmed">{nameOf(x.jurisdictionPath)}</Text></Table.Td>
            <Table.Td>{t(`accountability.missedAnswer.${x.missed}`)}</Table.Td>
            <Table.Td>{at(x.dueAt)}</Table.Td>
            <Table.Td>{x.answeredAt ? t('accountability.answeredLate', { date: at(x.answeredAt) }) : <Text span size="sm" fw={700} c="red.4">{t('accountability.notAnswered')}</Text>}</Table.Td>
          </Line>
        ))}
      </Section>
      <Section k="posts" count={counts.posts} head={[t('accountability.col.post'), t('accountability.col.holders')]}>
        {trace.posts.map((p) => (
          <Line key={p.postId} k="posts" audit={lineAudit('posts', p)}>
            <Table.Td><Text size="sm" fw={600}>{p.title}</Text><Text size="xs" c="dimmed">{t(`accountability.postKind.${p.kind}`)} · {nameOf(p.jurisdictionPath)}</Text></Table.Td>
            <Table.Td>
              {p.holders.length === 0 ? <Text span size="sm" fw={700}>{t('accountability.vacant')}</Text> : p.holders.map((h) => (
                <Text key={`${h.userId}-${h.from}`} size="sm">{h.to ? t('accountability.heldFromTo', { name: h.displayName, from: at(h.from), to: at(h.to) }) : t('accountability.heldFrom', { name: h.displayName, from: at(h.from) })}</Text>
              ))}
            </Table.Td>
          </Line>
        ))}
      </Section>
    </>
  );
}

function Section({ k, count, head, children }: { k: SectionKey; count: number; head: string[]; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder p={0} data-testid={`trace-${k}`} data-count={count} component="section" aria-labelledby={`trace-${k}-title`}>
      <Group p="sm" gap="xs">
        <Title order={3} size="h5" id={`trace-${k}-title`}>{t(`accountability.section.${k}`)}</Title>
        <Badge variant="light" color={count ? 'orange' : 'gray'}>{count}</Badge>
      </Group>
      {count === 0 ? <EmptyState title={t(`accountability.none.${k}`)} /> : (
        <Table fz="sm" striped>
          <Table.Thead><Table.Tr>{head.map((h) => <Table.Th key={h}>{h}</Table.Th>)}<Table.Th>{t('accountability.col.audit')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Line({ k, audit, overdue, id, children }: { k: SectionKey; audit: ReturnType<typeof lineAudit>; overdue?: boolean; id?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="trace-line" data-section={k} data-id={id ?? audit.entityId} data-overdue={overdue ? 'true' : undefined}>
      {children}
      <Table.Td>
        <Anchor component={Link} to={auditPath(audit)} size="sm" data-testid="trace-audit-link">
          <Group gap={2} component="span" wrap="nowrap"><IconFileSearch size={14} aria-hidden />{t('accountability.auditEntries', { count: audit.auditIds.length })}</Group>
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
}
