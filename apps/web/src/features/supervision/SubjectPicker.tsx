import type { SupervisionSubject } from '@firebreak/contracts';
import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useMe, useUnits } from '../../api/queries';
import { PlaceSearchSelect } from './PlaceSearchSelect';
import { useDirectiveList, useDirectiveTasks } from './queries';
import { SUBJECT_KINDS } from './visit-form';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/** Which subjects I can see at all: tasks with directives:read, units with units:read, places with places:read (as the server checks). */
const SEEN_WITH = { task: 'directives:read', unit: 'units:read', place: 'places:read' } as const;

/**
 * The subject of a visit: a kind, then a place searched by name on the server, a unit of my
 * forces, or a task of a directive. `error` is the server's or the form's word on `subjectId`.
 */
export function SubjectPicker({ kind, onKind, subjectId, onSubject, error }: {
  kind: SupervisionSubject;
  onKind: (k: SupervisionSubject) => void;
  subjectId: string | null;
  onSubject: (id: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const perms = useMe().data?.permissions ?? [];
  const kinds = SUBJECT_KINDS.filter((k) => perms.includes(SEEN_WITH[k]));
  return (
    <Stack gap={6}>
      <div>
        <Text size="sm" fw={500} id="visit-subject-kind">{t('supervision.form.subjectKind')}</Text>
        <SegmentedControl aria-labelledby="visit-subject-kind" data={kinds.map((k) => ({ value: k, label: t(`supervision.kind.${k}`) }))} value={kind}
          onChange={(v) => { onKind(v as SupervisionSubject); onSubject(null); }} data-testid="visit-form-kind" />
      </div>
      {kind === 'place' && <PlaceSearchSelect label={t('supervision.form.place')} value={subjectId} onChange={onSubject} error={error} testId="visit-form-place" />}
      {kind === 'unit' && <UnitPicker value={subjectId} onChange={onSubject} error={error} />}
      {kind === 'task' && <TaskPicker value={subjectId} onChange={onSubject} error={error} />}
    </Stack>
  );
}

interface PickerProps { value: string | null; onChange: (id: string | null) => void; error?: string | undefined }

function UnitPicker({ value, onChange, error }: PickerProps) {
  const { t } = useTranslation();
  const nameOf = useJurisdictionNames();
  const units = useUnits(true);
  const data = (units.data ?? []).map((u) => ({ value: u.id, label: `${u.callSign} · ${nameOf(u.jurisdictionPath)}` }));
  return (
    <Select label={t('supervision.form.unit')} searchable data={data} value={value} onChange={onChange} required error={error ?? (units.isError ? t('errors.loadFailed') : undefined)}
      nothingFoundMessage={units.isPending ? t('common.loading') : t('supervision.form.noUnit')} data-testid="visit-form-unit" />
  );
}

function TaskPicker({ value, onChange, error }: PickerProps) {
  const { t } = useTranslation();
  const nameOf = useJurisdictionNames();
  const [directiveId, setDirectiveId] = useState<string | null>(null);
  const directives = useDirectiveList(true);
  const tasks = useDirectiveTasks(directiveId);
  return (
    <Group grow align="flex-start">
      <Select label={t('supervision.form.directive')} searchable data={(directives.data ?? []).map((d) => ({ value: d.id, label: d.title }))} value={directiveId}
        onChange={(v) => { setDirectiveId(v); onChange(null); }} nothingFoundMessage={directives.isPending ? t('common.loading') : t('supervision.form.noDirective')}
        data-testid="visit-form-directive" />
      <Select label={t('supervision.form.task')} searchable data={(tasks.data ?? []).map((k) => ({ value: k.id, label: `${k.title} · ${nameOf(k.jurisdictionPath)}` }))} value={value} onChange={onChange}
        disabled={!directiveId} required error={error} nothingFoundMessage={t('supervision.form.noTask')} data-testid="visit-form-task" />
    </Group>
  );
}
