import { Alert, Badge, Button, Group, Modal, NativeSelect, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconChecks } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, once, problemText } from '../../api/http';
import type { CampaignAssignment, ChecklistTemplate } from '../../api/types';
import { ErrorState, Loading } from '../../shell/States';
import { buildAnswers, itemsOf, type FormValues } from './checklist-form';
import { useChecklists } from './queries';
import { StockCountField } from './StockCountField';
import { usePlaceName } from '../places/place-name';

type Item = ChecklistTemplate['sections'][number]['items'][number];

/** The inspector's step: answer the place's checklist and record the inspection (failed items raise hazards). */
export function InspectionModal({ assignment, onClose }: { assignment: CampaignAssignment; onClose: () => void }) {
  const { t } = useTranslation();
  const placeName = usePlaceName();
  const checklists = useChecklists(assignment.category);
  const [picked, setPicked] = useState<string | null>(null);
  const template = checklists.data?.find((c) => c.id === picked) ?? checklists.data?.[0];

  return (
    <Modal opened onClose={onClose} size="xl" title={<Title order={2} size="h4">{t('inspection.title', { place: placeName(assignment.placeName) })}</Title>}>
      {checklists.isPending ? <Loading /> : checklists.isError ? <ErrorState error={checklists.error} onRetry={() => void checklists.refetch()} /> : !template ? (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>{t('inspection.noChecklist', { category: t(`placeCategory.${assignment.category}`) })}</Alert>
      ) : (
        <Stack gap="sm">
          {checklists.data.length > 1 && (
            <Select label={t('inspection.checklist')} value={template.id} onChange={setPicked} allowDeselect={false}
              data={checklists.data.map((c) => ({ value: c.id, label: `${c.title} (v${c.version})` }))} />
          )}
          <ChecklistForm key={template.id} template={template} assignment={assignment} onDone={onClose} />
        </Stack>
      )}
    </Modal>
  );
}

function ChecklistForm({ template, assignment, onDone }: { template: ChecklistTemplate; assignment: CampaignAssignment; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState<FormValues>({});
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  // One key per opened form: a retried submit (network blip) records the inspection once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const built = useMemo(() => buildAnswers(template, values), [template, values]);
  const missing = new Set(tried ? built.missing : []);
  const failing = new Set(built.failing);
  const set = (key: string, value: string | undefined) => setValues((v) => ({ ...v, [key]: value }));

  const submit = useMutation({
    mutationFn: () => call(fb.POST('/api/v1/inspections', {
      params: { header: once(idempotencyKey) },
      body: { placeId: assignment.placeId, templateId: template.id, answers: built.answers, ...(note.trim() && { note: note.trim() }) },
    })),
    onSuccess: (inspection) => {
      notifications.show({
        color: inspection.hazardIds.length ? 'orange' : 'teal',
        title: t('inspection.recorded'),
        message: t('inspection.recordedDetail', { score: inspection.scorePercent === null ? '—' : Math.round(inspection.scorePercent), hazards: inspection.hazardIds.length }),
      });
      // The stream will say so too; refetch now so the inspector sees it at once.
      void client.invalidateQueries({ queryKey: ['campaigns'] });
      onDone();
    },
  });

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (built.missing.length === 0) submit.mutate();
    else focusItem(built.missing[0]!);
  };
  const allPass = () => setValues((v) => {
    const next = { ...v };
    for (const item of itemsOf(template)) if (item.answerType === 'yes_no' && !next[item.key]) next[item.key] = 'pass';
    return next;
  });

  return (
    <form onSubmit={onSubmit} data-testid="inspection-form" noValidate>
      <Stack gap="md">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">{template.title} · v{template.version}</Text>
          <Button variant="light" size="xs" leftSection={<IconChecks size={14} aria-hidden />} onClick={allPass} data-testid="inspection-all-pass">{t('inspection.allPass')}</Button>
        </Group>
        {template.sections.map((section) => (
          <Stack key={section.key} gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={700}>{section.title}</Text>
            {section.items.map((item) => (
              <ItemField key={item.key} item={item} placeId={assignment.placeId} value={values[item.key]} onChange={(v) => set(item.key, v)} missing={missing.has(item.key)} failing={failing.has(item.key)} />
            ))}
          </Stack>
        ))}
        <Textarea label={t('inspection.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={4000} data-testid="inspection-note" />
        {tried && built.missing.length > 0 && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid="inspection-missing">{t('inspection.missing', { count: built.missing.length })}</Alert>
        )}
        {submit.isError && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid="inspection-error">{problemText(submit.error, t('errors.generic'))}</Alert>}
        <Group justify="space-between">
          <Text size="sm" data-testid="inspection-failing" data-count={built.failing.length}>
            {built.failing.length > 0 ? <><IconAlertTriangle size={14} aria-hidden /> {t('inspection.willRaise', { count: built.failing.length })}</> : t('inspection.noFailures')}
          </Text>
          <Button type="submit" loading={submit.isPending} data-testid="inspection-submit">{t('inspection.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Takes the inspector to the first unanswered item (the field itself, or the first radio of a yes/no). */
function focusItem(key: string) {
  const el = document.querySelector<HTMLElement>(`[data-item="${CSS.escape(key)}"]`);
  const target = el?.matches('input, select, textarea') ? el : el?.querySelector<HTMLElement>('input, select, textarea');
  target?.focus();
  el?.scrollIntoView({ block: 'center' });
}

function ItemField({ item, placeId, value, onChange, missing, failing }: { item: Item; placeId: string; value: string | undefined; onChange: (v: string | undefined) => void; missing: boolean; failing: boolean }) {
  const { t } = useTranslation();
  const label = (
    <Group gap={6} wrap="wrap" component="span">
      <span>{item.text}{item.mandatory && <span aria-hidden> *</span>}</span>
      {item.severity === 'major' && <Badge size="xs" color="red" variant="outline">{t('hazards.grades.major')}</Badge>}
      {failing && <Badge size="xs" color="orange" leftSection={<IconAlertTriangle size={10} aria-hidden />} style={{ flexShrink: 0, overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }} data-testid="inspection-item-fails">{t('inspection.fails')}</Badge>}
    </Group>
  );
  const error = missing ? t('inspection.required') : undefined;
  const ids = { 'data-testid': `inspection-item-${item.key}`, 'data-item': item.key };
  const common = { ...ids, required: item.mandatory, description: item.guidance };
  switch (item.answerType) {
    case 'yes_no': {
      const choices = ['pass', 'fail', ...(item.mandatory ? [] : ['na'])];
      return (
        <Stack gap={2} {...ids}>
          <Text size="sm" fw={500} id={`item-${item.key}`}>{label}</Text>
          {item.guidance && <Text size="xs" c="dimmed">{item.guidance}</Text>}
          <SegmentedControl value={value ?? ''} onChange={onChange} aria-labelledby={`item-${item.key}`} w="fit-content"
            color={value === 'fail' ? 'orange' : value === 'pass' ? 'teal' : undefined}
            data={choices.map((c) => ({ value: c, label: <span data-testid={`inspection-answer-${item.key}-${c}`}>{t(`inspection.answer.${c}`)}</span> }))} />
          {error && <Text size="xs" c="red.4" role="alert">{error}</Text>}
        </Stack>
      );
    }
    case 'number': {
      const range = [item.min !== undefined && `≥ ${item.min}`, item.max !== undefined && `≤ ${item.max}`].filter(Boolean).join(', ');
      return <TextInput {...common} label={label} inputMode="decimal" value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)} error={error} w={260}
        description={[item.guidance, range && t('inspection.range', { range })].filter(Boolean).join(' · ') || undefined} />;
    }
    case 'choice':
      return <NativeSelect {...common} label={label} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || undefined)} error={error} w={320}
        data={[{ value: '', label: t('inspection.choose') }, ...(item.mandatory ? [] : [{ value: 'na', label: t('inspection.answer.na') }]), ...(item.options ?? []).map((o) => ({ value: o, label: o }))]} />;
    case 'text':
      return <Textarea {...common} label={label} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)} error={error} autosize minRows={1} />;
    case 'stock_count':
      return <StockCountField placeId={placeId} itemKey={item.key} label={label} value={value} onChange={onChange} error={error} />;
  }
}
