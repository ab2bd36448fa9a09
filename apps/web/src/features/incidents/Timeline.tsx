import { Text, Timeline as MTimeline, Title, Stack } from '@mantine/core';
import { useTranslation } from '../../i18n/use-translation';
import { useTimeline } from '../../api/queries';
import { ErrorState, Loading } from '../../shell/States';
import { formatTime } from '../../util/time';
import { actionLabel, actorLabel } from '../../i18n/action-label';

/** Everything that happened to the incident, oldest first, from the audit trail. */
export function IncidentTimeline({ incidentId }: { incidentId: string }) {
  const { t, i18n } = useTranslation();
  const timeline = useTimeline(incidentId);
  return (
    <Stack gap="xs" data-testid="timeline">
      <Title order={3} size="h5">{t('timeline.title')}</Title>
      {timeline.isPending ? <Loading /> : timeline.isError ? <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} /> : (
        <MTimeline bulletSize={12} lineWidth={2}>
          {timeline.data.map((e, n) => (
            <MTimeline.Item key={n} title={<Text size="sm" fw={600}>{actionLabel(t, e.action)}{stepOf(e.after) && ` · ${t(`assignments.step.${stepOf(e.after)}`, { defaultValue: stepOf(e.after) })}`}</Text>}>
              <Text size="xs" c="dimmed">{formatTime(e.at, i18n.language)}{e.actorName && ` · ${actorLabel(t, e.actorName)}`}{unitOf(e.after) && ` · ${unitOf(e.after)}`}</Text>
            </MTimeline.Item>
          ))}
        </MTimeline>
      )}
    </Stack>
  );
}

const stepOf = (after: unknown) => (typeof after === 'object' && after !== null && 'step' in after ? String((after as { step: unknown }).step) : null);
const unitOf = (after: unknown) => (typeof after === 'object' && after !== null && 'callSign' in after ? String((after as { callSign: unknown }).callSign) : null);
