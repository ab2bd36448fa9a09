import type { SupervisionVisit } from '@firebreak/contracts';
import { Anchor, Badge, Box, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconHistory, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { auditPath } from '../accountability/trace-query';
import { useVisit } from './queries';
import { SubjectKindBadge } from './SubjectKindBadge';
import { visitCounts } from './visit-form';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/** One visit: what was looked at, the findings, and where each required correction (a hazard record) stands now. */
export function VisitDetail() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const { id } = useParams() as { id: string };
  const visit = useVisit(id);
  const dateTime = (s: string) => new Date(s).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  if (visit.isPending) return <Loading />;
  if (visit.isError) return <ErrorState error={visit.error} onRetry={() => void visit.refetch()} />;
  const v = visit.data;
  const c = visitCounts(v);

  return (
    <Stack p="md" gap="md" data-testid="visit-detail" data-id={v.id}>
      <div>
        <Group gap="xs">
          <SubjectKindBadge kind={v.subjectType} />
          <Title order={2} size="h3">{v.subjectName}</Title>
          {v.subjectType === 'place' && (
            <Anchor component={Link} to={`/places/${v.subjectId}`} size="sm" data-testid="visit-place-link"><Group gap={2} component="span"><IconMapPin size={14} aria-hidden />{t('supervision.openPlace')}</Group></Anchor>
          )}
        </Group>
        <Text size="sm" c="dimmed">{nameOf(v.jurisdictionPath)} · {t('supervision.visitedAt', { date: dateTime(v.visitedAt) })}</Text>
      </div>
      <Card withBorder>
        <Title order={3} size="h5" mb={4}>{t('supervision.summary')}</Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{v.summary}</Text>
        {v.verified.length > 0 && <Text size="xs" c="dimmed" mt="xs">{t('supervision.verifiedCount', { count: v.verified.length })}</Text>}
      </Card>
      <Card withBorder p={0} data-testid="visit-findings">
        <Group p="sm" gap="xs">
          <Title order={3} size="h5">{t('supervision.findings')}</Title>
          <Text size="sm" c="dimmed">{t('supervision.findingsCount', { count: c.findings })} · {t('supervision.owedCount', { count: c.owed })}</Text>
        </Group>
        {v.findings.length === 0 ? <EmptyState title={t('supervision.noFindings')} /> : <FindingsTable visit={v} dateTime={dateTime} />}
      </Card>
    </Stack>
  );
}

function FindingsTable({ visit, dateTime }: { visit: SupervisionVisit; dateTime: (s: string) => string }) {
  const { t } = useTranslation();
  return (
    <Table fz="sm" striped>
      <Table.Thead>
        <Table.Tr><Table.Th>{t('supervision.finding')}</Table.Th><Table.Th>{t('supervision.correction')}</Table.Th><Table.Th>{t('hazards.state')}</Table.Th><Table.Th>{t('hazards.due')}</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {visit.findings.map((f) => {
          const k = f.correction;
          return (
            <Table.Tr key={f.id} data-testid="visit-finding">
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f.description}</Table.Td>
              {!k ? <Table.Td colSpan={3}><Text size="sm" c="dimmed">{t('supervision.noCorrection')}</Text></Table.Td> : (
                <>
                  <Table.Td data-testid="visit-correction" data-hazard-id={k.hazardId} data-state={k.state} data-overdue={k.overdue}>
                    <Group gap={6}>
                      <Text size="sm" fw={600}>{k.title}</Text>
                      <Badge size="xs" color={k.grade === 'major' ? 'red' : 'yellow'} variant={k.grade === 'major' ? 'filled' : 'light'}>{t(`hazards.grades.${k.grade}`)}</Badge>
                    </Group>
                    <Anchor component={Link} to={auditPath({ entityType: 'hazard', entityId: k.hazardId, auditIds: [] })} size="xs" data-testid="visit-correction-history">
                      <Group gap={2} component="span"><IconHistory size={12} aria-hidden />{t('supervision.hazardHistory')}</Group>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`hazards.states.${k.state}`)}</Table.Td>
                  <Table.Td>
                    {dateTime(k.dueAt)}
                    {k.overdue && <Box component="span"><Text span size="xs" fw={700} c="red.4"> · <IconAlertTriangle size={12} aria-hidden /> {t('supervision.overdue')}</Text></Box>}
                  </Table.Td>
                </>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
