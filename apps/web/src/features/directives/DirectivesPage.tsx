import { Badge, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useParams } from 'react-router';
import { call, fb } from '../../api/http';
import { useMe } from '../../api/queries';
import { ListDetailLayout, ListDetailRow } from '../../shell/ListDetailLayout';
import { IssueDirectiveModal } from './IssueDirectiveModal';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

export const directiveKeys = {
  list: ['directives', 'list'] as const,
  one: (id: string) => ['directives', id] as const,
  rollup: (id: string, level: string | null) => ['directives', id, 'rollup', level] as const,
};

/** Directives issued in or sent to my scope: the list on the left, the chosen one's status on the right. */
export default function DirectivesPage() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const list = useQuery({ queryKey: directiveKeys.list, queryFn: () => call(fb.GET('/api/v1/directives', { params: { query: { limit: 200 } } })) });
  const { id } = useParams();
  const canIssue = useMe().data?.permissions.includes('directives:issue') ?? false;
  const [issuing, setIssuing] = useState(false);
  const now = Date.now();

  return (
    <ListDetailLayout testId="directives" listTestId="directive-list" listLabel={t('directives.list')} title={t('directives.title')}
      action={canIssue && <Button size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setIssuing(true)} data-testid="directive-new">{t('directives.new')}</Button>}
      list={list} emptyTitle={t('directives.empty')} emptyHint={t('directives.emptyHint')} pickTitle={t('directives.pick')} chosen={Boolean(id)}
      overlay={issuing && <IssueDirectiveModal onClose={() => setIssuing(false)} />}>
      {list.data?.map((d) => (
        <ListDetailRow key={d.id} to={`/directives/${d.id}`} testId="directive-row" id={d.id}>
          <Text fw={600} size="sm" lineClamp={2}>{d.title}</Text>
          <Text size="xs" c="dimmed">{t('directives.from', { path: nameOf(d.issuerPath) })} · {new Date(d.issuedAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</Text>
          <Group gap={4} mt={2}>
            <Text size="xs">{t('directives.reportBy', { date: new Date(d.reportBy).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }) })}</Text>
            {Date.parse(d.reportBy) <= now && <Badge size="xs" color="gray" variant="outline" leftSection={<IconAlertTriangle size={10} aria-hidden />}>{t('directives.pastDeadline')}</Badge>}
          </Group>
        </ListDetailRow>
      ))}
    </ListDetailLayout>
  );
}
