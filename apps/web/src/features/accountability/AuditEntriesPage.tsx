import type { AuditEntry } from '@firebreak/contracts';
import { Alert, Anchor, Badge, Box, Code, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/use-translation';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { callPath } from '../../api/http';
import { useMe } from '../../api/queries';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { changedFields } from '../places/history';
import { citedIds, trailSource, type TrailEntry } from './audit-entries';
import { actionLabel, actorLabel } from '../../i18n/action-label';

/**
 * The audit entries of one record (a trace line's hazard, task, directive, incident or post), the
 * ones the line cites marked. Auditors read the hash-chained trail itself (`GET /audit`); others
 * the record's history where their role may read it, or only the cited entry ids.
 */
export default function AuditEntriesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { entityType, entityId } = useParams() as { entityType: string; entityId: string };
  const cited = citedIds(useSearchParams()[0].get('ids'));
  const me = useMe();
  const source = me.data ? trailSource(entityType, entityId, me.data.permissions, cited) : null;
  const trail = useQuery({
    queryKey: ['accountability', 'audit', entityType, entityId, source?.kind],
    enabled: source !== null,
    queryFn: async (): Promise<TrailEntry[]> => {
      if (source!.kind === 'history') return callPath<TrailEntry[]>(source!.path);
      const rows = await callPath<AuditEntry[]>(source!.path);
      return rows.filter((r) => r.entityType === entityType).map((r) => ({ auditId: r.id, at: r.at, action: r.action, actorName: r.actorName, before: r.before, after: r.after }));
    },
  });
  const at = (s: string) => new Date(s).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const withIds = trail.data?.some((e) => e.auditId) ?? false;

  return (
    <Box style={{ height: '100%', overflow: 'auto' }}>
      <Stack p="md" gap="md" data-testid="audit-entries" data-entity-type={entityType} data-entity-id={entityId}>
        <div>
          <Anchor component="button" type="button" size="sm" onClick={() => void navigate(-1)}><Group gap={4} component="span"><IconArrowLeft size={14} aria-hidden />{t('accountability.audit.back')}</Group></Anchor>
          <Title order={2} size="h3">{t('accountability.audit.title', { type: t(`accountability.audit.type.${entityType}`, { defaultValue: entityType }) })}</Title>
          <Text size="sm" c="dimmed" ff="monospace">{entityId}</Text>
        </div>
        {me.isPending ? <Loading /> : !source ? null : trail.isPending ? <Loading /> : trail.isError ? <ErrorState error={trail.error} onRetry={() => void trail.refetch()} /> : null}
        {source?.kind === 'history' && (
          <Alert color="gray" icon={<IconInfoCircle size={16} aria-hidden />} data-testid="audit-history-note">{withIds ? t('accountability.audit.historyWithIds') : t('accountability.audit.historyNote')}</Alert>
        )}
        {me.data && !source && <Alert color="gray" icon={<IconInfoCircle size={16} aria-hidden />} data-testid="audit-needs-permission">{t('accountability.audit.needsAuditRead')}</Alert>}
        {trail.data && (trail.data.length === 0 ? <EmptyState title={t('accountability.audit.empty')} /> : (
          <Timeline bulletSize={14} lineWidth={2}>
            {trail.data.map((e, i) => {
              const isCited = e.auditId !== undefined && cited.includes(e.auditId);
              const fields = changedFields(e.before, e.after);
              return (
                <Timeline.Item key={e.auditId ?? `${e.at}-${i}`} data-testid="audit-entry" data-action={e.action} data-cited={isCited ? 'true' : undefined}
                  title={<Group gap={6}><Text size="sm" fw={600}>{actionLabel(t, e.action)}</Text>{isCited && <Badge size="xs" variant="light" leftSection={<IconLink size={10} aria-hidden />}>{t('accountability.audit.cited')}</Badge>}</Group>}>
                  <Text size="xs" c="dimmed">{at(e.at)} · {actorLabel(t, e.actorName)}{e.auditId ? ` · ${e.auditId}` : ''}</Text>
                  {fields.length > 0 && <Text size="xs">{t('accountability.audit.changed', { fields: fields.join(', ') })}</Text>}
                </Timeline.Item>
              );
            })}
          </Timeline>
        ))}
        {cited.length > 0 && (
          <div data-testid="audit-cited-ids">
            <Text size="sm" fw={500}>{t('accountability.audit.citedIds', { count: cited.length })}</Text>
            <Code block>{cited.join('\n')}</Code>
          </div>
        )}
      </Stack>
    </Box>
  );
}
