import { Badge, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import { useParams } from 'react-router';
import { ListDetailLayout, ListDetailRow } from '../../shell/ListDetailLayout';
import { useNow } from '../../util/time';
import { LevelBadge, ExerciseBadge } from './badges';
import { clockState, formatWhen, useMajorIncidents } from './queries';
import { exerciseText } from './exercise-text';
import { useMe } from '../../api/queries';
import { useMajorCommand } from './use-major-command';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/** The major-incident board: every major incident in my scope on the left (live and exercises, each marked), the chosen one on the right. */
export default function MajorIncidentsPage() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const list = useMajorIncidents();
  const { id } = useParams();
  const now = useNow(5000);
  // Duty officers, commanders and administrators start the scripted exercise on the server (it checks where).
  const mayStart = (useMe().data?.permissions ?? []).includes('directives:issue');
  const start = useMajorCommand();
  const action = mayStart ? (
    <Button size="compact-sm" variant="light" color="grape" loading={start.isPending} data-testid="major-exercise-start"
      onClick={() => start.mutate({ path: '/major-incidents/exercises/gas-explosion', body: {} }, { onSuccess: () => notifications.show({ color: 'grape', message: t('majorIncidents.exerciseStarted') }) })}>
      {t('majorIncidents.exerciseStart')}
    </Button>
  ) : undefined;
  return (
    <ListDetailLayout testId="major-incidents" listTestId="major-incident-list" listLabel={t('majorIncidents.list')} title={t('majorIncidents.title')} action={action}
      list={list} emptyTitle={t('majorIncidents.empty')} emptyHint={t('majorIncidents.emptyHint')} pickTitle={t('majorIncidents.pick')} chosen={Boolean(id)}>
      {list.data?.map((m) => {
        const late = m.state === 'active' && (m.reportUp.some((c) => ['missed', 'overdue'].includes(clockState(c, now).state)) || (m.sitrep.dueAt !== null && Date.parse(m.sitrep.dueAt) < now));
        return (
          <ListDetailRow key={m.id} to={`/major-incidents/${m.id}`} testId="major-incident-row" id={m.id}>
            <Group gap={6} wrap="nowrap">
              <LevelBadge level={m.level} />
              <Text fw={600} size="sm" lineClamp={1}>{exerciseText(t, m.title)}</Text>
            </Group>
            <Text size="xs" c="dimmed">{nameOf(m.jurisdiction.path, m.jurisdiction.name)} · {t('majorIncidents.commandBy', { name: nameOf(m.command.path, m.command.name) })} · {formatWhen(m.declaredAt, i18n.language)}</Text>
            <Group gap={4} mt={2}>
              <ExerciseBadge exercise={m.exercise} />
              {m.state === 'stood_down' && <Badge size="xs" color="gray">{t('majorIncidents.stoodDown')}</Badge>}
              <Badge size="xs" variant="outline" color={m.casualties.total > 0 ? 'red' : 'gray'}>{t('majorIncidents.casualtiesShort', { count: m.casualties.total })}</Badge>
              {late && <Badge size="xs" color="red" leftSection={<IconAlertOctagon size={10} aria-hidden />} data-testid="major-late">{t('majorIncidents.clockLate')}</Badge>}
            </Group>
          </ListDetailRow>
        );
      })}
    </ListDetailLayout>
  );
}
