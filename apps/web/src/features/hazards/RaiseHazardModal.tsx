import type { Hazard, HazardGrade, Place, PlaceCategory } from '@firebreak/contracts';
import { Group, Select, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, once } from '../../api/http';
import { PLACE_CATEGORIES } from '../../api/enums';
import { IssueModal } from '../issue/IssueModal';
import { fieldErrors } from '../issue/issue-form';
import { useCommandForm } from '../issue/use-command-form';
import { raiseBody, type RaiseDraft } from './hazard-forms';

/**
 * Raise a hazard outside a checklist: the place (narrowed by category; fixed when opened from a
 * place), grade, what is wrong, and optionally a deadline sooner than the grade's.
 */
export function RaiseHazardModal({ places, place, placeLabel, onClose, onRaised }: {
  /** The places I may raise hazards at (with `hazards:manage` there). */
  places: readonly Place[];
  /** Opened from a place's page: that place, not a choice. */
  place?: Place;
  placeLabel: (p: Place) => string;
  onClose: () => void;
  onRaised?: (h: Hazard) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [category, setCategory] = useState<PlaceCategory | null>(place?.category ?? null);
  const [draft, setDraft] = useState<RaiseDraft>({ placeId: place?.id ?? null, grade: 'general', title: '', description: '', dueAt: '' });
  const set = (patch: Partial<RaiseDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const options = useMemo(() => places.filter((p) => !category || p.category === category).map((p) => ({ value: p.id, label: placeLabel(p) })).sort((a, b) => a.label.localeCompare(b.label)), [places, category, placeLabel]);
  const form = useCommandForm<ReturnType<typeof raiseBody> extends { body: infer B } ? NonNullable<B> : never, Hazard>(
    (body, key) => call(fb.POST('/api/v1/hazards', { params: { header: once(key) }, body })),
    fieldErrors,
    (h) => {
      void client.invalidateQueries({ queryKey: ['hazards'] });
      void client.invalidateQueries({ queryKey: ['place', h.placeId] });
      onClose();
      onRaised?.(h);
    },
  );

  return (
    <IssueModal title={t('hazardWork.raise.title')} testId="hazard-raise-form" submitLabel={t('hazardWork.raise.submit')}
      onSubmit={() => form.send(raiseBody(draft, Date.now()))} onClose={onClose} pending={form.pending} error={form.unplaced(['placeId', 'grade', 'title', 'description', 'dueAt'])}>
      {place ? (
        <Stack gap={0}><Text size="sm" fw={500}>{t('hazards.place')}</Text><Text size="sm" data-testid="hazard-raise-place-fixed">{placeLabel(place)}</Text></Stack>
      ) : (
        <Group grow align="flex-start">
          <Select label={t('hazardWork.category')} placeholder={t('hazardWork.anyCategory')} clearable value={category} onChange={(v) => { setCategory(v as PlaceCategory | null); set({ placeId: null }); }}
            data={PLACE_CATEGORIES.map((c) => ({ value: c, label: t(`placeCategory.${c}`) }))} data-testid="hazard-raise-category" />
          <Select label={t('hazards.place')} required searchable value={draft.placeId} onChange={(v) => set({ placeId: v })} data={options} limit={200}
            nothingFoundMessage={t('hazardWork.noPlaces')} error={form.errorOf('placeId')} data-autofocus data-testid="hazard-raise-place" />
        </Group>
      )}
      <div>
        <Text size="sm" fw={500} id="hazard-raise-grade-label">{t('hazards.grade')}</Text>
        <SegmentedControl aria-labelledby="hazard-raise-grade-label" value={draft.grade ?? 'general'} onChange={(v) => set({ grade: v as HazardGrade })} data-testid="hazard-raise-grade"
          data={[{ value: 'general', label: t('hazards.grades.general') }, { value: 'major', label: t('hazards.grades.major') }]} />
        <Text size="xs" c="dimmed">{t(`hazardWork.gradeHint.${draft.grade ?? 'general'}`)}</Text>
      </div>
      <TextInput label={t('hazardWork.raise.what')} required maxLength={200} value={draft.title} onChange={(e) => set({ title: e.currentTarget.value })}
        error={form.errorOf('title')} data-autofocus={place ? true : undefined} data-testid="hazard-raise-title" />
      <Textarea label={t('hazardWork.raise.description')} autosize minRows={2} maxLength={4000} value={draft.description} onChange={(e) => set({ description: e.currentTarget.value })}
        error={form.errorOf('description')} data-testid="hazard-raise-description" />
      <TextInput type="datetime-local" label={t('hazardWork.raise.dueAt')} description={t('hazardWork.raise.dueHint')} value={draft.dueAt} onChange={(e) => set({ dueAt: e.currentTarget.value })}
        error={form.errorOf('dueAt')} data-testid="hazard-raise-due" />
    </IssueModal>
  );
}
