import { Badge, Group, Text, TextInput } from '@mantine/core';
import { IconSearch, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useParams } from 'react-router';
import { ListDetailLayout, ListDetailRow } from '../../shell/ListDetailLayout';
import { EmptyState } from '../../shell/States';
import { usePostsInScope } from './queries';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/** The posts of my subtree with who holds them now: the list on the left, the chosen post's holders over time on the right. */
export default function PostsPage() {
  const { t } = useTranslation();
  const nameOf = useJurisdictionNames();
  const { id } = useParams();
  const list = usePostsInScope();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = (list.data ?? []).filter((p) => !q || [p.title, p.jurisdictionPath, p.holder?.displayName ?? ''].some((s) => s.toLowerCase().includes(q)));

  return (
    <ListDetailLayout testId="posts" listTestId="post-list" listLabel={t('posts.list')} title={t('posts.title')}
      list={list} emptyTitle={t('posts.empty')} emptyHint={t('posts.emptyHint')} pickTitle={t('posts.pick')} chosen={Boolean(id)}>
      <TextInput mx="md" mb="sm" size="xs" leftSection={<IconSearch size={14} aria-hidden />} placeholder={t('posts.search')} aria-label={t('posts.search')}
        value={query} onChange={(e) => setQuery(e.currentTarget.value)} data-testid="post-search" />
      {shown.length === 0 ? <EmptyState title={t('posts.noMatch')} /> : shown.map((p) => (
        <ListDetailRow key={p.id} to={`/posts/${p.id}`} testId="post-row" id={p.id}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={600} size="sm" lineClamp={1}>{p.title}</Text>
            <Badge size="xs" variant="outline" style={{ flexShrink: 0 }}>{t(`posts.kind.${p.kind}`)}</Badge>
          </Group>
          <Text size="xs" c="dimmed">{nameOf(p.jurisdictionPath)}</Text>
          {p.holder ? <Text size="xs" data-testid="post-row-holder">{p.holder.displayName}</Text> : (
            <Group gap={4}><IconUserOff size={12} aria-hidden /><Text size="xs" fs="italic" data-testid="post-row-holder">{t('posts.vacant')}</Text></Group>
          )}
        </ListDetailRow>
      ))}
    </ListDetailLayout>
  );
}
