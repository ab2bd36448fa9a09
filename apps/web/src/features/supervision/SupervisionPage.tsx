import type { SupervisionSubject } from '@firebreak/contracts';
import { Badge, Button, Group, Select, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useParams } from 'react-router';
import { useMe } from '../../api/queries';
import { ListDetailLayout, ListDetailRow } from '../../shell/ListDetailLayout';
import { useVisits } from './queries';
import { RecordVisitModal } from './RecordVisitModal';
import { SubjectKindBadge } from './SubjectKindBadge';
import { SUBJECT_KINDS, visitCounts } from './visit-form';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/** Supervision visits in my subtree, newest first: the list (filtered by subject kind) on the left, the chosen visit on the right. */
export default function SupervisionPage() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const [kind, setKind] = useState<SupervisionSubject | null>(null);
  const list = useVisits(kind);
  const { id } = useParams();
  const mayRecord = useMe().data?.permissions.includes('supervision:record') ?? false;
  const [recording, setRecording] = useState(false);
  const kinds = [{ value: 'all', label: t('supervision.kind.all') }, ...SUBJECT_KINDS.map((k) => ({ value: k, label: t(`supervision.kind.${k}`) }))];

  return (
    <ListDetailLayout testId="supervision" listTestId="visit-list" listLabel={t('supervision.list')} title={t('supervision.title')}
      action={
        <Group gap={6} wrap="nowrap">
          <Select size="xs" w={110} data={kinds} value={kind ?? 'all'} onChange={(v) => setKind(v && v !== 'all' ? (v as SupervisionSubject) : null)} allowDeselect={false}
            aria-label={t('supervision.filter')} data-testid="visit-filter" />
          {mayRecord && <Button size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setRecording(true)} data-testid="visit-new">{t('supervision.new')}</Button>}
        </Group>
      }
      list={list} emptyTitle={t('supervision.empty')} emptyHint={t('supervision.emptyHint')} pickTitle={t('supervision.pick')} chosen={Boolean(id)}
      overlay={recording && <RecordVisitModal onClose={() => setRecording(false)} />}>
      {list.data?.map((v) => {
        const c = visitCounts(v);
        return (
          <ListDetailRow key={v.id} to={`/supervision/${v.id}`} testId="visit-row" id={v.id}>
            <Group gap={6} wrap="nowrap"><SubjectKindBadge kind={v.subjectType} /><Text fw={600} size="sm" lineClamp={1}>{v.subjectName}</Text></Group>
            <Text size="xs" c="dimmed">{nameOf(v.jurisdictionPath)} · {new Date(v.visitedAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</Text>
            <Group gap={4} mt={2}>
              <Text size="xs" data-testid="visit-findings-count" data-count={c.findings}>{t('supervision.findingsCount', { count: c.findings })}</Text>
              {c.owed > 0 && (
                <Badge size="xs" color="orange" variant="light" data-testid="visit-owed-count" data-count={c.owed}>{t('supervision.owedCount', { count: c.owed })}</Badge>
              )}
              {c.overdue > 0 && (
                <Badge size="xs" color="red" variant="outline" leftSection={<IconAlertTriangle size={10} aria-hidden />}>{t('supervision.overdueCount', { count: c.overdue })}</Badge>
              )}
            </Group>
          </ListDetailRow>
        );
      })}
    </ListDetailLayout>
  );
}
