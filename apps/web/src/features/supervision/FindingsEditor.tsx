import type { HazardGrade } from '@firebreak/contracts';
import { ActionIcon, Button, Card, Checkbox, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import { CORRECTION_GRADES, emptyFinding, type FindingDraft } from './visit-form';

/**
 * The findings of a visit, each optionally requiring a correction. A correction becomes a hazard
 * record: its deadline comes from the hazard policy for its grade and jurisdiction, shown on the
 * visit once recorded. `errorOf` takes the path as the server names it ("findings.0.description").
 */
export function FindingsEditor({ findings, onChange, errorOf }: {
  findings: FindingDraft[];
  onChange: (f: FindingDraft[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<FindingDraft>) => onChange(findings.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={500}>{t('supervision.findings')}</Text>
        <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...findings, emptyFinding(crypto.randomUUID())])}
          data-testid="visit-form-add-finding">{t('supervision.form.addFinding')}</Button>
      </Group>
      {findings.length === 0 && <Text size="xs" c="dimmed">{t('supervision.form.noFindings')}</Text>}
      {findings.map((f, i) => (
        <Card key={f.key} withBorder p="sm" data-testid="visit-form-finding">
          <Stack gap={6}>
            <Group align="flex-start" wrap="nowrap">
              <Textarea style={{ flex: 1 }} label={t('supervision.form.findingN', { n: i + 1 })} value={f.description} onChange={(e) => set(i, { description: e.currentTarget.value })}
                autosize minRows={2} maxRows={6} required error={errorOf(`findings.${i}.description`)} data-testid={`visit-form-finding-${i}-description`} />
              <ActionIcon variant="subtle" color="gray" mt={24} onClick={() => onChange(findings.filter((_, j) => j !== i))} aria-label={t('supervision.form.removeFinding', { n: i + 1 })}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            <Checkbox label={t('supervision.form.requiresCorrection')} checked={f.corrects} onChange={(e) => set(i, { corrects: e.currentTarget.checked })}
              data-testid={`visit-form-finding-${i}-corrects`} />
            {f.corrects && (
              <>
                <Group grow align="flex-start">
                  <TextInput label={t('supervision.form.correctionTitle')} value={f.title} onChange={(e) => set(i, { title: e.currentTarget.value })} maxLength={200} required
                    error={errorOf(`findings.${i}.correction.title`)} data-testid={`visit-form-finding-${i}-title`} />
                  <Select label={t('hazards.grade')} data={CORRECTION_GRADES.map((g) => ({ value: g, label: t(`hazards.grades.${g}`) }))} value={f.grade} allowDeselect={false}
                    onChange={(v) => v && set(i, { grade: v as HazardGrade })} error={errorOf(`findings.${i}.correction.grade`)} data-testid={`visit-form-finding-${i}-grade`} />
                </Group>
                <Textarea label={t('supervision.form.correctionDetail')} value={f.detail} onChange={(e) => set(i, { detail: e.currentTarget.value })} autosize minRows={1} maxRows={4}
                  error={errorOf(`findings.${i}.correction.description`)} data-testid={`visit-form-finding-${i}-detail`} />
                <Text size="xs" c="dimmed">{t('supervision.form.deadlineByPolicy')}</Text>
              </>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
