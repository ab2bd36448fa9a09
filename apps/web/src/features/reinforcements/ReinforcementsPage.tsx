import type { ReinforcementRequest } from '@firebreak/contracts';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { useNow } from '../../util/time';
import { useReinforcementHistory, useReinforcementInbox } from './api';
import { nameIn } from './model';
import { RequestCard } from './RequestCard';
import { AnswerModal } from './AnswerModal';

/**
 * Reinforcement requests for my level: the ones waiting for my answer (oldest first: the longest
 * waiting), each with Answer (lend units, or refuse); below them, every request I took part in.
 * `?request=<id>` (an alert's link) opens that request's answer at once.
 */
export default function ReinforcementsPage() {
  const { t } = useTranslation();
  const now = useNow(1000);
  const inbox = useReinforcementInbox();
  const history = useReinforcementHistory();
  const [params, setParams] = useSearchParams();
  const [answering, setAnswering] = useState<string | null>(params.get('request'));
  const waiting = [...(inbox.data ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const open = answering ? waiting.find((r) => r.id === answering) : undefined;
  const close = () => {
    setAnswering(null);
    if (params.has('request')) setParams({}, { replace: true });
  };
  const where = (r: ReinforcementRequest) => `${t(`incidentType.${r.incident.type}`)} ${r.incident.priority} · ${r.incident.address ?? ''} ${nameIn(r, r.incident.jurisdictionPath)}`;
  return (
    <Stack gap="md" p="md" data-testid="reinforcements-page">
      <Title order={2} size="h3">{t('reinforcements.page.title')}</Title>
      <Title order={3} size="h5">{t('reinforcements.page.waiting')}</Title>
      {inbox.isPending ? <Loading /> : inbox.isError ? <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} /> : waiting.length === 0 ? (
        <EmptyState title={t('reinforcements.page.noneWaiting')}>{t('reinforcements.page.noneWaitingHint')}</EmptyState>
      ) : waiting.map((r) => (
        <Stack key={r.id} gap={2}>
          <Text size="sm" fw={600}>{where(r)}</Text>
          <RequestCard r={r} now={now} actions={(
            <Group justify="flex-end">
              <Button size="compact-sm" color="orange" onClick={() => setAnswering(r.id)} data-testid="answer-request">{t('reinforcements.page.answer')}</Button>
            </Group>
          )} />
        </Stack>
      ))}
      <Title order={3} size="h5">{t('reinforcements.page.recent')}</Title>
      {history.isPending ? <Loading /> : history.isError ? <ErrorState error={history.error} onRetry={() => void history.refetch()} /> : (
        (history.data ?? []).filter((r) => !waiting.some((w) => w.id === r.id)).slice(0, 50).map((r) => (
          <Stack key={r.id} gap={2}>
            <Text size="sm" fw={600}>{where(r)}</Text>
            <RequestCard r={r} now={now} />
          </Stack>
        ))
      )}
      {open && <AnswerModal r={open} onClose={close} />}
    </Stack>
  );
}
