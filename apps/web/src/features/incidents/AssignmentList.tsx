import type { ArrivalDoubt, Assignment } from '@firebreak/contracts';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, once, problemText } from '../../api/http';
import { keys, useMe } from '../../api/queries';
import { formatClock, formatTime, secondsSince, useNow } from '../../util/time';
import { ReassignButton } from './ReassignButton';
import { SwapButton } from './SwapButton';
import { mayBeReassigned, nextSteps, type AssignmentAction } from './recommended';

/** An on-scene status that does not fit the unit's fixes or its ETA: accepted, but the dispatcher sees why it is in doubt. */
function ArrivalDoubtNote({ doubt }: { doubt: ArrivalDoubt }) {
  const { t, i18n } = useTranslation();
  const km = (m: number) => new Intl.NumberFormat(i18n.language, { style: 'unit', unit: m >= 1000 ? 'kilometer' : 'meter', maximumFractionDigits: m >= 1000 ? 1 : 0 }).format(m >= 1000 ? m / 1000 : m);
  const why = [
    doubt.reasons.includes('too_soon') && doubt.etaSeconds !== null && t('arrival.tooSoon', { elapsed: formatClock(doubt.secondsSinceDispatch), eta: formatClock(doubt.etaSeconds) }),
    doubt.reasons.includes('far_from_scene') && doubt.lastFixMetres !== null && t('arrival.farFromScene', { distance: km(doubt.lastFixMetres), age: formatClock(doubt.lastFixAgeSeconds ?? 0) }),
  ].filter(Boolean).join(' · ');
  return (
    <Text size="xs" c="orange.8" fw={600} data-testid="arrival-doubt">
      {t('arrival.doubtTitle')}: {why}
    </Text>
  );
}

const STATE_COLOR: Record<string, string> = { assigned: 'yellow', acknowledged: 'yellow', en_route: 'orange', on_scene: 'red', cleared: 'gray', cancelled: 'gray' };

/** The units sent, where each stands, and the steps a dispatcher records for units reporting by radio. */
export function AssignmentList({ incidentId, assignments }: { incidentId: string; assignments: readonly Assignment[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const now = useNow(1000);
  const mayReassign = useMe().data?.permissions.includes('dispatch:assign') ?? false;
  const step = useMutation({
    mutationFn: ({ id, action }: { id: string; action: AssignmentAction }) => call(fb.POST('/api/v1/assignments/{id}/actions', { params: { path: { id }, header: once(crypto.randomUUID()) }, body: { action } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.assignments(incidentId) });
      void client.invalidateQueries({ queryKey: keys.incident(incidentId) });
    },
  });

  return (
    <Stack gap="xs" data-testid="assignments">
      <Title order={3} size="h5">{t('assignments.title')}</Title>
      {step.isError && <Alert color="red" role="alert">{problemText(step.error, t('errors.generic'))}</Alert>}
      <Stack gap={6}>
        {assignments.map((a) => (
          <Paper key={a.id} withBorder p={8} data-testid="assignment" data-state={a.state} data-unit-id={a.unitId} data-cleared-at={a.clearedAt ?? undefined}>
            {/* The step buttons wrap below when the row is narrow: the state badge must never be cut off ("EN R…"). */}
            <Group justify="space-between" align="flex-start" gap={6}>
              <div>
                <Group gap={8} wrap="nowrap">
                  <Text fw={700} size="sm">{a.callSign}</Text>
                  <Badge color={STATE_COLOR[a.state]} autoContrast variant={a.state === 'cleared' || a.state === 'cancelled' ? 'outline' : 'filled'} style={{ textTransform: 'none', flexShrink: 0 }}>
                    {t(`assignmentState.${a.state}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {t('assignments.sentAt', { time: formatTime(a.assignedAt, i18n.language) })}
                  {a.etaSeconds !== null && ` · ${t('dispatch.eta')} ${formatClock(a.etaSeconds)}`}
                  {['assigned', 'acknowledged', 'en_route'].includes(a.state) && ` · ${t('assignments.elapsed', { time: formatClock(secondsSince(a.assignedAt, now)) })}`}
                </Text>
                {(a.onSceneAt || a.clearedAt || a.cancelledAt) && (
                  <Text size="xs" c="dimmed" data-testid="assignment-times">
                    {[
                      a.onSceneAt && t('assignments.onSceneAt', { time: formatTime(a.onSceneAt, i18n.language) }) + (a.arrivalSource === 'avl' ? ` (${t('arrival.byAvl')})` : ''),
                      a.clearedAt && t('assignments.clearedAt', { time: formatTime(a.clearedAt, i18n.language) }),
                      a.cancelledAt && t('assignments.cancelledAt', { time: formatTime(a.cancelledAt, i18n.language) }),
                    ].filter(Boolean).join(' · ')}
                  </Text>
                )}
                {a.arrivalDoubt && <ArrivalDoubtNote doubt={a.arrivalDoubt} />}
              </div>
              <Group gap={4} justify="flex-end">
                {nextSteps(a.state).map((action) => (
                  <Button key={action} size="compact-sm" variant={action === 'cancel' ? 'subtle' : 'light'} color={action === 'cancel' ? 'gray' : undefined}
                    onClick={() => step.mutate({ id: a.id, action })} loading={step.isPending && step.variables?.id === a.id && step.variables.action === action}
                    data-testid={`step-${action}`}>
                    {t(`assignments.step.${action}`)}
                  </Button>
                ))}
                {mayReassign && mayBeReassigned(a.state) && <ReassignButton assignment={a} />}
                {mayReassign && mayBeReassigned(a.state) && <SwapButton assignment={a} />}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
