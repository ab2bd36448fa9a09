import type { DirectiveTarget } from '@firebreak/contracts';
import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Group, List, Modal, Progress, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClock, IconFileReport, IconMailOpened, IconSend, IconSitemap } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useParams } from 'react-router';
import { call, fb, once, problemText } from '../../api/http';
import { useJurisdictions, useMe, type JurisdictionNode } from '../../api/queries';
import { levelName, useLevels } from '../../api/levels';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { usePostsInScope } from '../posts/queries';
import { NewTaskModal } from '../tasks/NewTaskModal';
import { DirectiveTasks } from '../tasks/DirectiveTasks';
import { breakdownRoots } from '../tasks/new-task';
import { directiveKeys } from './DirectivesPage';
import { nextAction, rollupBase, rollupTotals, rowStanding, withinGrants } from './rollup';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

const STATE_LOOK = {
  delivered: { color: 'gray', icon: IconMailOpened },
  acknowledged: { color: 'blue', icon: IconCheck },
  reported: { color: 'teal', icon: IconFileReport },
} as const;
const STANDING_LOOK = {
  late: { color: 'red', icon: IconAlertTriangle },
  done: { color: 'teal', icon: IconFileReport },
  inProgress: { color: 'blue', icon: IconCheck },
  waiting: { color: 'gray', icon: IconClock },
} as const;
const MAX_TARGET_ROWS = 300;

/** One directive: what it orders, the targets' acknowledgement and report-back at a glance, and my targets' answers. */
export function DirectiveDetail() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const { id } = useParams() as { id: string };
  const me = useMe().data;
  const tree = useJurisdictions().data;
  const levels = useLevels().data;
  // The organisation's own name for a row's level (FIREBREAK_LEVELS): with 3 to 8 levels, "which level is this" is not obvious.
  const levelOfRow = (jurisdictionId: string) => {
    const key = nodeOf(tree, jurisdictionId)?.level;
    return key ? levelName(levels, key, i18n.language) : null;
  };
  const [level, setLevel] = useState<{ id: string; name: string }[]>([]);
  const directive = useQuery({ queryKey: directiveKeys.one(id), queryFn: () => call(fb.GET('/api/v1/directives/{id}', { params: { path: { id } } })) });
  // The roll-up starts at the issuer when I see it, else at my own level below it (a municipality sees its subtree).
  const base = useMemo(() => (directive.data && me ? rollupBase(directive.data.issuerPath, me.grants) : null), [directive.data, me]);
  const levelId = level.at(-1)?.id ?? base?.jurisdictionId ?? null;
  const rollup = useQuery({
    queryKey: directiveKeys.rollup(id, levelId),
    enabled: Boolean(directive.data && me),
    queryFn: () => call(fb.GET('/api/v1/directives/{id}/rollup', { params: { path: { id }, query: levelId ? { jurisdictionId: levelId } : {} } })),
  });
  const [answering, setAnswering] = useState<{ target: DirectiveTarget; action: 'acknowledge' | 'report' } | null>(null);
  const [breakingDown, setBreakingDown] = useState(false);
  const posts = usePostsInScope();
  const respondPaths = useMemo(() => (me?.permissions.includes('directives:respond') ? me.grants.map((g) => g.jurisdictionPath) : []), [me]);
  const dateTime = (s: string) => new Date(s).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  if (directive.isPending) return <Loading />;
  if (directive.isError) return <ErrorState error={directive.error} onRetry={() => void directive.refetch()} />;
  const d = directive.data;
  // Mine first (what I must answer), then the late ones.
  const targets = [...d.targets].sort((a, b) =>
    Number(withinGrants(b.jurisdictionPath, respondPaths)) - Number(withinGrants(a.jurisdictionPath, respondPaths))
    || Number(b.acknowledgementOverdue || b.reportOverdue) - Number(a.acknowledgementOverdue || a.reportOverdue)
    || a.jurisdictionPath.localeCompare(b.jurisdictionPath));
  const totals = rollup.data ? rollupTotals(rollup.data.children) : null;
  // Where I may give this directive's tasks (the server's rule: within a target my tasks:manage covers).
  const breakdown = me?.permissions.includes('tasks:manage') ? breakdownRoots(d.targets.map((x) => x.jurisdictionPath), me.grants.map((g) => g.jurisdictionPath)) : [];

  return (
    <Stack p="md" gap="md" data-testid="directive-detail" data-id={d.id}>
      <div>
        <Title order={2} size="h3">{d.title}</Title>
        <Text size="sm" c="dimmed">{t('directives.from', { path: nameOf(d.issuerPath) })} · {t('directives.issuedAt', { date: dateTime(d.issuedAt) })}</Text>
        <Group gap="md" mt={4}>
          <Text size="sm"><IconClock size={14} aria-hidden /> {t('directives.acknowledgeBy', { date: dateTime(d.acknowledgeBy) })}</Text>
          <Text size="sm"><IconClock size={14} aria-hidden /> {t('directives.reportBy', { date: dateTime(d.reportBy) })}</Text>
        </Group>
      </div>
      <Card withBorder>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{d.content}</Text>
        <Text fw={700} size="sm" mt="sm">{t('directives.requiredActions')}</Text>
        <List size="sm" type="ordered">{d.requiredActions.map((a, i) => <List.Item key={i}>{a}</List.Item>)}</List>
      </Card>

      <Card withBorder p={0} data-testid="directive-rollup">
        <Group justify="space-between" p="sm">
          <Title order={3} size="h5">{t('directives.rollup')}</Title>
          <Group gap="xs" wrap="nowrap">
          <Text size="sm" c="dimmed">{t('directives.level')}</Text>
          <Breadcrumbs>
            <Anchor component="button" type="button" size="sm" onClick={() => setLevel([])}>{base ? nameOf(base.jurisdictionPath, base.jurisdictionName) : nameOf(d.issuerPath)}</Anchor>
            {level.map((l, i) => <Anchor key={l.id} component="button" type="button" size="sm" onClick={() => setLevel(level.slice(0, i + 1))}>{l.name}</Anchor>)}
          </Breadcrumbs>
          </Group>
        </Group>
        {rollup.isPending ? <Loading /> : rollup.isError ? <ErrorState error={rollup.error} onRetry={() => void rollup.refetch()} /> : (
          <>
            {totals && totals.targets > 0 && (
              <Stack gap={4} px="sm" pb="sm" data-testid="rollup-totals" data-acknowledged={totals.acknowledged} data-reported={totals.reported} data-targets={totals.targets}>
                <Text size="sm">{t('directives.totals', { ...totals })}</Text>
                <Progress.Root size="lg" role="group" aria-label={t('directives.rollup')}>
                  <Progress.Section value={(totals.reported / totals.targets) * 100} color="teal" aria-label={t('directives.state.reported')}><Progress.Label>{t('directives.state.reported')}</Progress.Label></Progress.Section>
                  <Progress.Section value={((totals.acknowledged - totals.reported) / totals.targets) * 100} color="blue" aria-label={t('directives.state.acknowledged')}><Progress.Label>{t('directives.state.acknowledged')}</Progress.Label></Progress.Section>
                </Progress.Root>
              </Stack>
            )}
            {rollup.data.self && <Text size="sm" px="sm" pb="xs">{t('directives.selfState', { state: t(`directives.state.${rollup.data.self.state}`) })}</Text>}
            {rollup.data.children.length === 0 ? <EmptyState title={t('directives.noChildren')} /> : (
              <Table fz="sm" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('directives.jurisdiction')}</Table.Th>
                    <Table.Th>{t('directives.standingCol')}</Table.Th>
                    <Table.Th ta="right">{t('directives.acknowledgedCol')}</Table.Th>
                    <Table.Th ta="right">{t('directives.reportedCol')}</Table.Th>
                    <Table.Th ta="right">{t('directives.lateCol')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rollup.data.children.map((r) => {
                    const standing = rowStanding(r);
                    const look = STANDING_LOOK[standing];
                    return (
                      <Table.Tr key={r.jurisdictionId} data-testid="rollup-row" data-standing={standing} data-path={r.jurisdictionPath}>
                        <Table.Td>
                          {r.targets > 0 ? (
                            <Anchor component="button" type="button" size="sm" onClick={() => setLevel([...level, { id: r.jurisdictionId, name: nameOf(r.jurisdictionPath, r.name) }])} aria-label={t('directives.drillDown', { name: nameOf(r.jurisdictionPath, r.name) })}>{nameOf(r.jurisdictionPath, r.name)}</Anchor>
                          ) : <Text size="sm" c="dimmed">{nameOf(r.jurisdictionPath, r.name)}</Text>}
                          {levelOfRow(r.jurisdictionId) && <Text span size="xs" c="dimmed" data-testid="rollup-level"> · {levelOfRow(r.jurisdictionId)}</Text>}
                        </Table.Td>
                        <Table.Td><Badge color={look.color} variant={standing === 'late' ? 'filled' : 'light'} leftSection={<look.icon size={12} aria-hidden />}>{t(`directives.standing.${standing}`)}</Badge></Table.Td>
                        <Table.Td ta="right" ff="monospace">{r.acknowledged} / {r.targets}</Table.Td>
                        <Table.Td ta="right" ff="monospace">{r.reported} / {r.targets}</Table.Td>
                        <Table.Td ta="right">
                          {r.acknowledgementOverdue + r.reportOverdue === 0 ? '—' : (
                            <Text span size="sm" fw={700} c="red.4">{t('directives.lateCounts', { ack: r.acknowledgementOverdue, report: r.reportOverdue })}</Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Card>

      <DirectiveTasks directiveId={d.id} action={breakdown.length > 0 && (
        <Button size="xs" variant="light" leftSection={<IconSitemap size={14} aria-hidden />} onClick={() => setBreakingDown(true)} data-testid="task-new-open">{t('taskWork.breakDown')}</Button>
      )} />

      <Card withBorder p={0} data-testid="directive-targets">
        <Title order={3} size="h5" p="sm">{t('directives.targets', { count: d.targets.length })}</Title>
        {targets.length === 0 ? <EmptyState title={t('directives.noTargets')} /> : (
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('directives.jurisdiction')}</Table.Th>
                <Table.Th w={260}>{t('directives.stateCol')}</Table.Th>
                <Table.Th>{t('directives.answer')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {targets.slice(0, MAX_TARGET_ROWS).map((target) => {
                const look = STATE_LOOK[target.state];
                const action = withinGrants(target.jurisdictionPath, respondPaths) ? nextAction(target.state) : null;
                return (
                  <Table.Tr key={target.jurisdictionId} data-testid="directive-target" data-state={target.state} data-path={target.jurisdictionPath}>
                    <Table.Td>{nameOf(target.jurisdictionPath)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge color={look.color} variant="light" leftSection={<look.icon size={12} aria-hidden />} style={{ overflow: 'visible' }}>{t(`directives.state.${target.state}`)}</Badge>
                        {target.acknowledgementOverdue && <Badge color="red" leftSection={<IconAlertTriangle size={12} aria-hidden />}>{t('directives.ackLate')}</Badge>}
                        {target.reportOverdue && <Badge color="red" leftSection={<IconAlertTriangle size={12} aria-hidden />}>{t('directives.reportLate')}</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {target.acknowledgedAt && <Text size="xs">{t('directives.acknowledgedAt', { date: dateTime(target.acknowledgedAt) })}{target.acknowledgementNote ? ` — ${target.acknowledgementNote}` : ''}</Text>}
                      {target.reportedAt && <Text size="xs">{t('directives.reportedAt', { date: dateTime(target.reportedAt) })}</Text>}
                      {target.report && <Text size="xs" c="dimmed" lineClamp={3}>{target.report}</Text>}
                    </Table.Td>
                    <Table.Td ta="right">
                      {action === 'acknowledge' && <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />} onClick={() => setAnswering({ target, action })} data-testid="target-acknowledge">{t('directives.acknowledge')}</Button>}
                      {action === 'report' && <Button size="xs" variant="light" leftSection={<IconSend size={14} aria-hidden />} onClick={() => setAnswering({ target, action })} data-testid="target-report">{t('directives.reportBack')}</Button>}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {targets.length > MAX_TARGET_ROWS && <Text size="xs" c="dimmed" p="sm">{t('directives.moreTargets', { count: targets.length - MAX_TARGET_ROWS })}</Text>}
      </Card>
      {answering && <AnswerModal directiveId={d.id} {...answering} where={nameOf(answering.target.jurisdictionPath)} onClose={() => setAnswering(null)} />}
      {breakingDown && <NewTaskModal directive={d} posts={posts.data ?? []} onClose={() => setBreakingDown(false)} />}
    </Stack>
  );
}

function AnswerModal({ directiveId, target, action, where, onClose }: { directiveId: string; target: DirectiveTarget; action: 'acknowledge' | 'report'; where: string; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const send = useMutation({
    mutationFn: () => {
      const params = { path: { id: directiveId, jurisdictionId: target.jurisdictionId }, header: once(idempotencyKey) };
      return action === 'acknowledge'
        ? call(fb.POST('/api/v1/directives/{id}/targets/{jurisdictionId}/acknowledgement', { params, body: text.trim() ? { note: text.trim() } : {} }))
        : call(fb.POST('/api/v1/directives/{id}/targets/{jurisdictionId}/report', { params, body: { report: text.trim() } }));
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['directives'] });
      onClose();
    },
  });
  const needsText = action === 'report';
  return (
    <Modal opened onClose={onClose} title={<Title order={2} size="h4">{t(action === 'acknowledge' ? 'directives.acknowledgeFor' : 'directives.reportFor', { path: where })}</Title>}>
      <form onSubmit={(e) => { e.preventDefault(); if (!needsText || text.trim()) send.mutate(); }} data-testid="directive-answer-form">
        <Stack>
          <Textarea label={t(action === 'acknowledge' ? 'directives.ackNote' : 'directives.reportText')} required={needsText} value={text} onChange={(e) => setText(e.currentTarget.value)}
            autosize minRows={needsText ? 4 : 2} maxLength={needsText ? 20_000 : 2000} data-autofocus data-testid="directive-answer-text" />
          {send.isError && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(send.error, t('errors.generic'))}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('actions.cancel')}</Button>
            <Button type="submit" loading={send.isPending} disabled={needsText && !text.trim()} data-testid="directive-answer-submit">{t(action === 'acknowledge' ? 'directives.acknowledge' : 'directives.reportBack')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function nodeOf(nodes: readonly JurisdictionNode[] | undefined, id: string): JurisdictionNode | undefined {
  for (const n of nodes ?? []) {
    if (n.id === id) return n;
    const below = nodeOf(n.children, id);
    if (below) return below;
  }
  return undefined;
}

