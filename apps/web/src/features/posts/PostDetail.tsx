import { Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarSearch, IconTransfer, IconUser, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useParams } from 'react-router';
import { useMe } from '../../api/queries';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { localToIso } from '../issue/issue-form';
import { withinPaths } from '../tasks/task-filters';
import { HandoverModal } from './HandoverModal';
import { heldDays, holdingAt, newestFirst, toLocalInput } from './holdings';
import { useHolderAt, useHoldings, usePost } from './queries';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/** One post: its holder now, every holder over time, and who held it at a chosen moment. */
export function PostDetail() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const { id } = useParams() as { id: string };
  const me = useMe().data;
  const post = usePost(id);
  const holdings = useHoldings(id);
  const [atLocal, setAtLocal] = useState('');
  const at = localToIso(atLocal);
  const holder = useHolderAt(id, at);
  const [handingOver, setHandingOver] = useState(false);
  // To the second: a handover and the instant asked about may fall in the same minute.
  const dateTime = (s: string) => new Date(s).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });

  if (post.isPending) return <Loading />;
  if (post.isError) return <ErrorState error={post.error} onRetry={() => void post.refetch()} />;
  const p = post.data;
  const mayHandOver = (me?.permissions.includes('posts:manage') ?? false) && withinPaths(p.jurisdictionPath, me?.grants.map((g) => g.jurisdictionPath) ?? []);
  // The row the chosen moment falls in, marked in the table (the server's answer is shown above it).
  const marked = at && holdings.data ? holdingAt(holdings.data, new Date(at)) : null;
  const now = new Date();

  return (
    <Stack p="md" gap="md" data-testid="post-detail" data-id={p.id}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3">{p.title}</Title>
          <Text size="sm" c="dimmed">{t(`posts.kind.${p.kind}`)} · {nameOf(p.jurisdictionPath)}</Text>
        </div>
        {mayHandOver && <Button leftSection={<IconTransfer size={16} aria-hidden />} onClick={() => setHandingOver(true)} data-testid="post-handover-open">{t('posts.handOver')}</Button>}
      </Group>

      <Card withBorder data-testid="post-holder" data-user-id={p.holder?.userId ?? ''}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{t('posts.holderNow')}</Text>
        {p.holder ? (
          <Group gap="xs"><IconUser size={16} aria-hidden /><Text fw={600}>{p.holder.displayName}</Text><Text size="sm" c="dimmed">{t('posts.since', { date: dateTime(p.holder.from) })}</Text></Group>
        ) : <Group gap="xs"><IconUserOff size={16} aria-hidden /><Text fs="italic">{t('posts.vacant')}</Text></Group>}
      </Card>

      <Card withBorder data-testid="post-lookup">
        <Title order={3} size="h5" mb="xs">{t('posts.whoHeld')}</Title>
        <Group align="flex-end" gap="sm">
          <TextInput type="datetime-local" label={t('posts.atLabel')} value={atLocal} onChange={(e) => setAtLocal(e.currentTarget.value)}
            leftSection={<IconCalendarSearch size={16} aria-hidden />} data-testid="post-at-input" step={1} />
          <Button variant="default" size="sm" onClick={() => setAtLocal(toLocalInput(Date.now()))}>{t('posts.atNow')}</Button>
        </Group>
        <div aria-live="polite">
          {at && (holder.isPending ? <Loading /> : holder.isError ? <ErrorState error={holder.error} /> : (
            <Text mt="sm" data-testid="post-holder-at" data-user-id={holder.data.holder?.userId ?? ''} fw={600}>
              {holder.data.holder
                ? t('posts.heldBy', { name: holder.data.holder.displayName, date: dateTime(at) })
                : t('posts.vacantAt', { date: dateTime(at) })}
            </Text>
          ))}
        </div>
      </Card>

      <Card withBorder p={0} data-testid="post-holdings">
        <Title order={3} size="h5" p="sm">{t('posts.holdings')}</Title>
        {holdings.isPending ? <Loading /> : holdings.isError ? <ErrorState error={holdings.error} onRetry={() => void holdings.refetch()} /> : holdings.data.length === 0 ? <EmptyState title={t('posts.neverHeld')} /> : (
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('posts.holderCol')}</Table.Th>
                <Table.Th>{t('posts.fromCol')}</Table.Th>
                <Table.Th>{t('posts.toCol')}</Table.Th>
                <Table.Th ta="right">{t('posts.daysCol')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {newestFirst(holdings.data).map((h) => {
                const isMarked = marked === h;
                return (
                  <Table.Tr key={`${h.userId}-${h.from}`} data-testid="post-holding" data-user-id={h.userId} data-marked={isMarked}
                    style={isMarked ? { background: 'var(--mantine-color-default-hover)', outline: '2px solid var(--mantine-color-blue-5)' } : undefined}>
                    <Table.Td>
                      <Group gap={4}>
                        <Text size="sm" fw={h.to === null ? 700 : undefined}>{h.displayName}</Text>
                        {h.to === null && <Badge size="xs" variant="light">{t('posts.current')}</Badge>}
                        {isMarked && <Badge size="xs" variant="filled" leftSection={<IconCalendarSearch size={10} aria-hidden />}>{t('posts.atChosen')}</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td>{dateTime(h.from)}</Table.Td>
                    <Table.Td>{h.to ? dateTime(h.to) : '—'}</Table.Td>
                    <Table.Td ta="right" ff="monospace">{heldDays(h, now)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {handingOver && <HandoverModal post={p} onClose={() => setHandingOver(false)} />}
    </Stack>
  );
}
