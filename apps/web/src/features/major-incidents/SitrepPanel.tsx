import type { SitrepBody, UnitKind } from '@firebreak/contracts';
import { Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { UNIT_KINDS } from '../settings/unit-kinds';
import { useTranslation } from '../../i18n/use-translation';
import { formatWhen, useSitreps, type MajorIncident, type Sitrep } from './queries';
import { useMajorCommand } from './use-major-command';
import { exerciseText } from './exercise-text';

const EMPTY = {
  situation: '', committed: 0 as number | string, committedNote: '', requested: 0 as number | string, requestedNote: '', cordonStatus: '', nextSteps: '',
  /** Ask the level above for the units requested, of this kind, through the reinforcement workflow. */
  reinforceKind: null as string | null,
};
/** A reinforcement request asks for at most 20 units (the reinforcements contract). */
const MAX_REINFORCEMENT = 20;

/** The SITREP form (for the commander's post) and the reports so far, newest first, as every level above sees them. */
export function SitrepPanel({ m, now }: { m: MajorIncident; now: number }) {
  const { t } = useTranslation();
  const list = useSitreps(m.id);
  return (
    <Card withBorder padding="sm" data-testid="major-sitreps">
      <Text fw={700} mb={4}>{t('majorIncidents.sitreps')}</Text>
      {m.state === 'active' && <SitrepForm m={m} now={now} />}
      <Stack gap="xs" mt="sm" data-testid="major-sitrep-list">
        {list.data?.length === 0 && <Text size="sm" c="dimmed">{t('majorIncidents.noSitreps')}</Text>}
        {list.data?.map((s) => <SitrepCard key={s.id} s={s} />)}
      </Stack>
    </Card>
  );
}

export function SitrepCard({ s }: { s: Sitrep }) {
  const { t, i18n } = useTranslation();
  // The scripted exercise's words in the UI language; a person's own words as written.
  const x = (text: string) => exerciseText(t, text);
  return (
    <Card withBorder padding="xs" data-testid="major-sitrep" data-seq={s.seq} style={{ flexShrink: 0 }}>
      <Group gap={6}>
        <Text fw={600} size="sm">{t('majorIncidents.sitrepNo', { seq: s.seq })}</Text>
        <Text size="xs" c="dimmed">{formatWhen(s.submittedAt, i18n.language)} · {s.postTitle ? exerciseText(t, s.postTitle) : '—'} · {x(s.submittedBy)}</Text>
        {s.onBehalf && <Badge size="xs" variant="outline">{t('majorIncidents.onBehalf')}</Badge>}
        {s.late && <Badge size="xs" color="red">{t('majorIncidents.late')}</Badge>}
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="major-sitrep-situation">{x(s.situation)}</Text>
      <Text size="xs"><b>{t('majorIncidents.casualties')}:</b> {t('majorIncidents.tallyLine', s.casualties)}</Text>
      <Text size="xs"><b>{t('majorIncidents.committed')}:</b> {s.resourcesCommitted.units} {x(s.resourcesCommitted.note ?? '')}</Text>
      <Text size="xs"><b>{t('majorIncidents.requested')}:</b> {s.resourcesRequested.units} {x(s.resourcesRequested.note ?? '')}</Text>
      {s.reinforcement && <ReinforcementLine r={s.reinforcement} />}
      <Text size="xs"><b>{t('majorIncidents.cordonStatus')}:</b> {x(s.cordonStatus)}</Text>
      <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}><b>{t('majorIncidents.nextSteps')}:</b> {x(s.nextSteps)}</Text>
    </Card>
  );
}

/** The reinforcement request the SITREP raised, as it stands now: asked of whom, how many lent. */
function ReinforcementLine({ r }: { r: NonNullable<Sitrep['reinforcement']> }) {
  const { t } = useTranslation();
  const what = r.kind ? t(`unitKind.${r.kind}`) : (r.capability ?? '');
  const color = r.state === 'fulfilled' ? 'teal' : r.state === 'open' ? 'blue' : 'gray';
  return (
    <Group gap={6} data-testid="major-sitrep-reinforcement" data-state={r.state}>
      <Text size="xs"><b>{t('majorIncidents.reinforcement')}:</b> {t('majorIncidents.reinforcementLine', { count: r.count, what, granted: r.granted })}</Text>
      <Badge size="xs" color={color}>{t(`majorIncidents.reinforcementState.${r.state}`)}</Badge>
      {r.targetPath && <Text size="xs" c="dimmed">{t('majorIncidents.reinforcementAsked', { path: r.targetPath })}</Text>}
    </Group>
  );
}

function SitrepForm({ m, now }: { m: MajorIncident; now: number }) {
  const { t } = useTranslation();
  const [f, setF] = useState(EMPTY);
  const send = useMajorCommand<Sitrep>();
  const set = (k: keyof typeof EMPTY) => (v: string | number | null) => setF((d) => ({ ...d, [k]: v }));
  const kindOptions = useMemo(() => UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) })), [t]);
  const requested = Number(f.requested) || 0;
  // Raised only from an incident: a major incident declared at a point has none to lend units to.
  const mayReinforce = m.incidentId !== null && requested > 0;
  const hasCommander = m.positions.some((p) => p.role === 'commander');
  const ready = hasCommander && f.situation.trim() && f.cordonStatus.trim() && f.nextSteps.trim();
  const body = (): SitrepBody => ({
    situation: f.situation.trim(), cordonStatus: f.cordonStatus.trim(), nextSteps: f.nextSteps.trim(),
    resourcesCommitted: { units: Number(f.committed) || 0, note: f.committedNote.trim() }, resourcesRequested: { units: requested, note: f.requestedNote.trim() },
    ...(mayReinforce && f.reinforceKind ? { reinforcement: { kind: f.reinforceKind as UnitKind, count: Math.min(requested, MAX_REINFORCEMENT), timeoutSeconds: 120 } } : {}),
  });
  const overdue = m.sitrep.dueAt !== null && Date.parse(m.sitrep.dueAt) < now;
  return (
    <Stack gap={6} data-testid="major-sitrep-form">
      {!hasCommander && <Text size="xs" c="orange">{t('majorIncidents.needCommander')}</Text>}
      {overdue && <Text size="xs" c="red">{t('majorIncidents.sitrepOverdue')}</Text>}
      <Textarea label={t('majorIncidents.situation')} value={f.situation} onChange={(e) => set('situation')(e.currentTarget.value)} autosize minRows={2} maxLength={10_000} required data-testid="sitrep-situation" />
      <Text size="xs" c="dimmed">{t('majorIncidents.tallyTaken', m.casualties)}</Text>
      <SimpleGrid cols={2}>
        <Group gap={4} grow>
          <NumberInput label={t('majorIncidents.committed')} value={f.committed} onChange={set('committed')} min={0} max={100_000} allowDecimal={false} data-testid="sitrep-committed" />
          <TextInput label={t('majorIncidents.note')} value={f.committedNote} onChange={(e) => set('committedNote')(e.currentTarget.value)} maxLength={2000} />
        </Group>
        <Group gap={4} grow>
          <NumberInput label={t('majorIncidents.requested')} value={f.requested} onChange={set('requested')} min={0} max={100_000} allowDecimal={false} data-testid="sitrep-requested" />
          <TextInput label={t('majorIncidents.note')} value={f.requestedNote} onChange={(e) => set('requestedNote')(e.currentTarget.value)} maxLength={2000} />
        </Group>
      </SimpleGrid>
      {mayReinforce && (
        <Select size="xs" w={320} clearable label={t('majorIncidents.raiseReinforcement', { count: Math.min(requested, MAX_REINFORCEMENT), level: m.inform.name })}
          placeholder={t('majorIncidents.noReinforcement')} value={f.reinforceKind} onChange={set('reinforceKind')} data={kindOptions} data-testid="sitrep-reinforce-kind" />
      )}
      <TextInput label={t('majorIncidents.cordonStatus')} value={f.cordonStatus} onChange={(e) => set('cordonStatus')(e.currentTarget.value)} maxLength={2000} required data-testid="sitrep-cordon" />
      <Textarea label={t('majorIncidents.nextSteps')} value={f.nextSteps} onChange={(e) => set('nextSteps')(e.currentTarget.value)} autosize minRows={2} maxLength={10_000} required data-testid="sitrep-next" />
      <Group justify="flex-end">
        <Button size="compact-sm" disabled={!ready} loading={send.isPending} data-testid="sitrep-submit"
          onClick={() => send.mutate({ path: `/major-incidents/${m.id}/sitreps`, body: body() }, { onSuccess: () => setF(EMPTY) })}>{t('majorIncidents.submitSitrep')}</Button>
      </Group>
    </Stack>
  );
}
