import type { AlertInfoText, IssueAlertBody } from '@firebreak/contracts';
import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { AlertDrafts } from './AlertDrafts';
import { CAP_CERTAINTIES, CAP_LIMITS, CAP_RESPONSE_TYPES, CAP_SEVERITIES, CAP_URGENCIES } from './enums';
import { formatWhen, useMajorAlerts, useMajorSettings, type AlertDraft, type MajorIncident, type PublicAlert } from './queries';
import { useMajorCommand } from './use-major-command';
import { exerciseText } from './exercise-text';

type Draft = Omit<IssueAlertBody, 'area' | 'categories' | 'expiresInMinutes'> & { cordon: 'inner' | 'outer' };
const TEXT_FIELDS = ['event', 'headline', 'description', 'instruction', 'areaDesc'] as const;
const emptyText = (language: string): AlertInfoText => ({ language, event: '', headline: '', description: '', instruction: '', areaDesc: '' });

/**
 * Public warnings of the major incident (CAP 1.2): the messages so far, each with its XML as the
 * public reads it, and a composer with a preview in every alert language. Update and cancel act
 * on a thread; a cancelled one is done. Every message is sent as a draft that a second person
 * approves (AlertDrafts) before the public sees it.
 */
export function PublicAlerts({ m }: { m: MajorIncident }) {
  const { t, i18n } = useTranslation();
  const alerts = useMajorAlerts(m.id);
  const [editing, setEditing] = useState<PublicAlert | 'new' | null>(null);
  const current = (alerts.data ?? []).filter((a) => !a.superseded);
  return (
    <Card withBorder padding="sm" data-testid="major-alerts">
      <Group justify="space-between">
        <Text fw={700}>{t('majorIncidents.alerts.title')}</Text>
        {m.state === 'active' && editing === null && (
          <Button size="compact-sm" variant="light" onClick={() => setEditing('new')} data-testid="major-alert-compose">{t('majorIncidents.alerts.compose')}</Button>
        )}
      </Group>
      {editing !== null && <Composer m={m} base={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      <AlertDrafts m={m} />
      <Stack gap="xs" mt="xs">
        {current.length === 0 && <Text size="sm" c="dimmed">{t('majorIncidents.alerts.none')}</Text>}
        {current.map((a) => {
          const text = a.info.find((i) => i.language.toLowerCase().startsWith(i18n.language.slice(0, 2).toLowerCase())) ?? a.info[0];
          return (
            <Card key={a.id} withBorder padding="xs" data-testid="major-alert" data-msg-type={a.msgType} data-alert-id={a.id}>
              <Group gap={6}>
                <Badge size="sm" color={a.msgType === 'Cancel' ? 'gray' : 'red'}>{t(`majorIncidents.alerts.msgType.${a.msgType}`)}</Badge>
                {a.status === 'Exercise' && <Badge size="sm" variant="outline">{t('majorIncidents.exercise')}</Badge>}
                <Text size="sm" fw={600}>{text?.headline}</Text>
              </Group>
              <Text size="xs" c="dimmed">{formatWhen(a.createdAt, i18n.language)} · {t('majorIncidents.alerts.composedApproved', { composer: a.composedBy ? exerciseText(t, a.composedBy) : '—', approver: a.createdBy ? exerciseText(t, a.createdBy) : '—' })} · {a.identifier}</Text>
              {a.note && <Text size="xs">{a.note}</Text>}
              <Group gap={6} mt={4}>
                <Anchor href={`/api/v1/public-alerts/${a.id}.xml`} target="_blank" size="xs" data-testid="major-alert-xml">{t('majorIncidents.alerts.xml')}</Anchor>
                {a.msgType !== 'Cancel' && editing === null && (
                  <>
                    {m.state === 'active' && <Button size="compact-xs" variant="subtle" onClick={() => setEditing(a)} data-testid="major-alert-update">{t('majorIncidents.alerts.update')}</Button>}
                    <CancelForm m={m} a={a} />
                  </>
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
      <Text size="xs" mt="xs">
        <Anchor href={`/api/v1/public-alerts/${m.exercise ? 'exercise' : 'feed'}.atom`} target="_blank">{t(m.exercise ? 'majorIncidents.alerts.exerciseFeed' : 'majorIncidents.alerts.feed')}</Anchor>
      </Text>
    </Card>
  );
}

function Composer({ m, base, onDone }: { m: MajorIncident; base: PublicAlert | null; onDone: () => void }) {
  const { t } = useTranslation();
  const languages = useMajorSettings().data?.alertLanguages ?? ['en-US', 'zh-CN'];
  const send = useMajorCommand<AlertDraft>();
  const [d, setD] = useState<Draft>(() => ({
    cordon: base?.areaSource === 'inner' ? 'inner' : 'outer', urgency: base?.urgency ?? 'Immediate', severity: base?.severity ?? 'Severe',
    certainty: base?.certainty ?? 'Observed', responseType: base?.responseType ?? 'Avoid',
    info: languages.map((l) => base?.info.find((i) => i.language.toLowerCase() === l.toLowerCase()) ?? emptyText(l)),
  }));
  const setText = (i: number, k: (typeof TEXT_FIELDS)[number], v: string) => setD((x) => ({ ...x, info: x.info.map((b, j) => (j === i ? { ...b, [k]: v } : b)) }));
  const complete = d.info.every((b) => TEXT_FIELDS.every((k) => b[k].trim() !== ''));
  const hasCordon = m.cordons.some((c) => c.kind === d.cordon);
  const enumSelect = (field: 'urgency' | 'severity' | 'certainty' | 'responseType', values: readonly string[]) => (
    <Select<string> size="xs" label={t(`majorIncidents.alerts.${field}`)} value={d[field] ?? null} allowDeselect={false} data-testid={`major-alert-${field}`}
      onChange={(v) => v && setD((x) => ({ ...x, [field]: v }))} data={values.map((v) => ({ value: v, label: t(`majorIncidents.alerts.${field}Value.${v}`) }))} />
  );
  const submit = () => {
    const { cordon, ...rest } = d;
    const body = { ...rest, area: { cordon }, categories: ['Safety'], info: d.info.map((b) => ({ ...b, ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, b[k].trim()])) })) };
    send.mutate({ path: base ? `/major-incidents/${m.id}/alerts/${base.id}/updates` : `/major-incidents/${m.id}/alerts`, body }, { onSuccess: onDone });
  };
  return (
    <Stack gap="xs" mt="xs" data-testid="major-alert-composer">
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Select size="xs" label={t('majorIncidents.alerts.area')} value={d.cordon} allowDeselect={false} data-testid="major-alert-area"
          onChange={(v) => v && setD((x) => ({ ...x, cordon: v as Draft['cordon'] }))}
          data={(['inner', 'outer'] as const).map((k) => ({ value: k, label: t(`majorIncidents.cordon.${k}`), disabled: !m.cordons.some((c) => c.kind === k) }))} />
        {enumSelect('urgency', CAP_URGENCIES)}
        {enumSelect('severity', CAP_SEVERITIES)}
        {enumSelect('certainty', CAP_CERTAINTIES)}
        {enumSelect('responseType', CAP_RESPONSE_TYPES)}
      </SimpleGrid>
      {!hasCordon && <Text size="xs" c="red">{t('majorIncidents.alerts.drawCordonFirst')}</Text>}
      <SimpleGrid cols={{ base: 1, md: d.info.length }}>
        {d.info.map((b, i) => (
          <Stack key={b.language} gap={4} data-testid={`major-alert-text-${b.language}`}>
            <Text size="sm" fw={600}>{t('majorIncidents.alerts.language', { language: b.language })}</Text>
            {TEXT_FIELDS.map((k) => {
              const Input = k === 'description' || k === 'instruction' ? Textarea : TextInput;
              return <Input key={k} size="xs" label={t(`majorIncidents.alerts.field.${k}`)} value={b[k]} maxLength={CAP_LIMITS[k]} onChange={(e) => setText(i, k, e.currentTarget.value)} data-testid={`major-alert-${b.language}-${k}`} />;
            })}
            <Card withBorder padding="xs" bg="var(--mantine-color-red-light)" data-testid={`major-alert-preview-${b.language}`}>
              <Text size="xs" c="dimmed">{t('majorIncidents.alerts.preview')}</Text>
              <Text size="sm" fw={700} lang={b.language}>{b.headline || '…'}</Text>
              <Text size="xs" lang={b.language}>{b.event} · {b.areaDesc}</Text>
              <Text size="xs" lang={b.language} style={{ whiteSpace: 'pre-wrap' }}>{b.description}</Text>
              <Text size="xs" fw={600} lang={b.language} style={{ whiteSpace: 'pre-wrap' }}>{b.instruction}</Text>
            </Card>
          </Stack>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <Button size="compact-sm" color="red" disabled={!complete || !hasCordon} loading={send.isPending} onClick={submit} data-testid="major-alert-issue">
          {t(base ? 'majorIncidents.alerts.sendUpdate' : 'majorIncidents.alerts.issue')}
        </Button>
        <Button size="compact-sm" variant="subtle" onClick={onDone}>{t('majorIncidents.alerts.discard')}</Button>
      </Group>
    </Stack>
  );
}

function CancelForm({ m, a }: { m: MajorIncident; a: PublicAlert }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const send = useMajorCommand<AlertDraft>();
  return (
    <Group gap={4}>
      <TextInput size="xs" w={220} placeholder={t('majorIncidents.alerts.cancelNote')} aria-label={t('majorIncidents.alerts.cancelNote')} value={note} maxLength={CAP_LIMITS.note}
        onChange={(e) => setNote(e.currentTarget.value)} data-testid="major-alert-cancel-note" />
      <Button size="compact-xs" variant="light" color="gray" disabled={note.trim() === ''} loading={send.isPending} data-testid="major-alert-cancel"
        onClick={() => send.mutate({ path: `/major-incidents/${m.id}/alerts/${a.id}/cancel`, body: { note: note.trim() } }, { onSuccess: () => setNote('') })}>{t('majorIncidents.alerts.cancel')}</Button>
    </Group>
  );
}
