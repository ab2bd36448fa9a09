import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useMe } from '../../api/queries';
import { CAP_LIMITS } from './enums';
import { formatWhen, useAlertDrafts, type AlertDraft, type MajorIncident, type PublicAlert } from './queries';
import { useMajorCommand } from './use-major-command';
import { exerciseText } from './exercise-text';

/**
 * Public alert messages awaiting their second person: each previewed in every language as the
 * public will read it. Another person who may command approves (which publishes at once) or
 * rejects with a reason; the composer sees that it waits and may withdraw it, never approve it.
 */
export function AlertDrafts({ m }: { m: MajorIncident }) {
  const { t } = useTranslation();
  const drafts = useAlertDrafts(m.id);
  const pending = (drafts.data ?? []).filter((d) => d.state === 'pending');
  if (pending.length === 0) return null;
  return (
    <Stack gap="xs" mt="xs" data-testid="major-alert-drafts">
      <Text size="sm" fw={700}>{t('majorIncidents.alerts.awaiting', { n: pending.length })}</Text>
      {pending.map((d) => <DraftCard key={d.id} m={m} d={d} />)}
    </Stack>
  );
}

function DraftCard({ m, d }: { m: MajorIncident; d: AlertDraft }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const own = me !== undefined && me.id === d.composedById;
  const approve = useMajorCommand<PublicAlert>();
  const reject = useMajorCommand<AlertDraft>();
  const [reason, setReason] = useState('');
  return (
    <Card withBorder padding="xs" data-testid="major-alert-draft" data-draft-id={d.id} data-msg-type={d.msgType} data-own={own}>
      <Group gap={6}>
        <Badge size="sm" color="orange">{t('majorIncidents.alerts.draftOf', { type: t(`majorIncidents.alerts.draftType.${d.msgType}`) })}</Badge>
        {m.exercise && <Badge size="sm" variant="outline">{t('majorIncidents.exercise')}</Badge>}
        <Text size="xs" c="dimmed">{t('majorIncidents.alerts.composedBy', { name: d.composedBy ? exerciseText(t, d.composedBy) : '—', when: formatWhen(d.composedAt, i18n.language) })}</Text>
      </Group>
      {d.alert && (
        <SimpleGrid cols={{ base: 1, md: d.alert.info.length }} mt={4}>
          {d.alert.info.map((b) => (
            <Card key={b.language} withBorder padding="xs" bg="var(--mantine-color-red-light)" data-testid={`major-alert-draft-preview-${b.language}`}>
              <Text size="xs" c="dimmed">{t('majorIncidents.alerts.language', { language: b.language })} · {t(`majorIncidents.alerts.severityValue.${d.alert!.severity}`)} · {t(`majorIncidents.alerts.urgencyValue.${d.alert!.urgency}`)}</Text>
              <Text size="sm" fw={700} lang={b.language}>{b.headline}</Text>
              <Text size="xs" lang={b.language}>{b.event} · {b.areaDesc}</Text>
              <Text size="xs" lang={b.language} style={{ whiteSpace: 'pre-wrap' }}>{b.description}</Text>
              <Text size="xs" fw={600} lang={b.language} style={{ whiteSpace: 'pre-wrap' }}>{b.instruction}</Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {d.note && <Text size="sm" mt={4} data-testid="major-alert-draft-note">{t('majorIncidents.alerts.cancelNote')}: {d.note}</Text>}
      {own && <Text size="xs" mt={4} c="orange" data-testid="major-alert-draft-own">{t('majorIncidents.alerts.ownDraft')}</Text>}
      <Group gap={6} mt={6}>
        {!own && (
          <Button size="compact-sm" color="red" loading={approve.isPending} data-testid="major-alert-approve"
            onClick={() => approve.mutate({ path: `/major-incidents/${m.id}/alert-drafts/${d.id}/approve` })}>{t('majorIncidents.alerts.approve')}</Button>
        )}
        <TextInput size="xs" w={240} placeholder={t('majorIncidents.alerts.rejectReason')} aria-label={t('majorIncidents.alerts.rejectReason')} value={reason} maxLength={CAP_LIMITS.note}
          onChange={(e) => setReason(e.currentTarget.value)} data-testid="major-alert-reject-reason" />
        <Button size="compact-sm" variant="light" color="gray" disabled={reason.trim() === ''} loading={reject.isPending} data-testid="major-alert-reject"
          onClick={() => reject.mutate({ path: `/major-incidents/${m.id}/alert-drafts/${d.id}/reject`, body: { reason: reason.trim() } })}>
          {t(own ? 'majorIncidents.alerts.withdraw' : 'majorIncidents.alerts.reject')}
        </Button>
      </Group>
    </Card>
  );
}
