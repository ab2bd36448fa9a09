import type { ReinforcementRequest } from '@firebreak/contracts';
import { Alert, Button, Checkbox, Divider, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, once, problemText } from '../../api/http';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { formatClock } from '../../util/time';
import { reinforcementKeys, useGrantCandidates } from './api';
import { nameIn } from './model';
import { NeedText } from './RequestCard';

/**
 * The granter's answer: tick units of theirs to lend (available ones of the kind / capability asked,
 * fastest to the incident first) and grant — all asked for or some — or refuse with a reason. Either
 * way an unanswered remainder goes a level up.
 */
export function AnswerModal({ r, onClose }: { r: ReinforcementRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const candidates = useGrantCandidates(r.id, true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const key = useRef(crypto.randomUUID());
  const left = r.count - r.granted;
  const done = () => {
    key.current = crypto.randomUUID();
    void client.invalidateQueries({ queryKey: reinforcementKeys.all });
    onClose();
  };
  const grant = useMutation({
    mutationFn: () => call(fb.POST('/api/v1/reinforcement-requests/{id}/grant', { params: { path: { id: r.id }, header: once(key.current) }, body: { unitIds: chosen, ...(note.trim() ? { note: note.trim() } : {}) } })),
    onSuccess: done,
  });
  const refuse = useMutation({
    mutationFn: () => call(fb.POST('/api/v1/reinforcement-requests/{id}/refuse', { params: { path: { id: r.id }, header: once(key.current) }, body: { reason: reason.trim() } })),
    onSuccess: done,
  });
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : c.length < left ? [...c, id] : c));
  const place = r.incident.address ? `${r.incident.address}, ${nameIn(r, r.incident.jurisdictionPath)}` : nameIn(r, r.incident.jurisdictionPath);
  return (
    <Modal opened onClose={onClose} size="lg" title={t('reinforcements.answer.title', { place })} data-testid="reinforcement-answer">
      <Stack gap="sm">
        <Group gap="xs">
          <NeedText r={r} />
          <Text size="sm">{t('reinforcements.answer.for', { priority: r.incident.priority, type: t(`incidentType.${r.incident.type}`), by: r.requestedBy.name })}</Text>
        </Group>
        {r.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.note}</Text>}
        <Text size="sm" c="dimmed">{t('reinforcements.answer.left', { count: left })}</Text>
        {candidates.isPending ? <Loading /> : candidates.isError ? <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} /> : candidates.data.length === 0 ? (
          <EmptyState title={t('reinforcements.answer.noUnits')}>{t('reinforcements.answer.noUnitsHint')}</EmptyState>
        ) : (
          <Table verticalSpacing={4} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={32} aria-label={t('reinforcements.answer.lend')} />
                <Table.Th>{t('reinforcements.answer.unit')}</Table.Th>
                <Table.Th>{t('reinforcements.answer.eta')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {candidates.data.map((c) => (
                <Table.Tr key={c.unitId} data-testid="grant-candidate" data-unit-id={c.unitId}>
                  <Table.Td>
                    <Checkbox aria-label={t('reinforcements.answer.pick', { unit: c.callSign })} checked={chosen.includes(c.unitId)} onChange={() => toggle(c.unitId)}
                      disabled={!chosen.includes(c.unitId) && chosen.length >= left} />
                  </Table.Td>
                  <Table.Td>
                    <Text fw={700} size="sm">{c.callSign}</Text>
                    <Text size="xs" c="dimmed">{t(`unitKind.${c.kind}`)} · {r.names[c.jurisdictionPath] ?? c.jurisdictionPath}</Text>
                  </Table.Td>
                  <Table.Td><Text size="sm" ff="monospace">{c.etaSeconds === null ? t('reinforcements.answer.noRoute') : formatClock(c.etaSeconds)}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Textarea label={t('reinforcements.answer.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxLength={2000} />
        {grant.isError && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(grant.error, t('errors.generic'))}</Alert>}
        <Group justify="flex-end">
          <Button color="teal" onClick={() => grant.mutate()} disabled={chosen.length === 0} loading={grant.isPending} data-testid="grant-button">
            {t('reinforcements.answer.grant', { count: chosen.length })}
          </Button>
        </Group>
        <Divider label={t('reinforcements.answer.or')} />
        <Textarea label={t('reinforcements.answer.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={1} maxLength={2000} data-testid="refuse-reason" />
        {refuse.isError && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(refuse.error, t('errors.generic'))}</Alert>}
        <Group justify="flex-end">
          <Button color="red" variant="light" onClick={() => refuse.mutate()} disabled={!reason.trim()} loading={refuse.isPending} data-testid="refuse-button">
            {t('reinforcements.answer.refuse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
