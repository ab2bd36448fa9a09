import type { CasualtyCounts, Post, Unit } from '@firebreak/contracts';
import { SECTIONS, TRIAGE_CATEGORIES } from './enums';
import { ActionIcon, Badge, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { TFunction } from 'i18next';
import { call, fb } from '../../api/http';
import { useUnits } from '../../api/queries';
import { formatWhen, type CommandPosition, type MajorIncident } from './queries';
import { useMajorCommand } from './use-major-command';
import { exerciseText } from './exercise-text';

const ROLE_ORDER = { commander: 0, section: 1, sector: 2 } as const;

/** The posts that may hold positions: those at and under the commanding jurisdiction, with their present holders. */
function usePosts(jurisdictionId: string) {
  return useQuery({ queryKey: ['posts', 'subtree', jurisdictionId], queryFn: () => call(fb.GET('/api/v1/posts', { params: { query: { jurisdictionId, subtree: 'true' } } })) });
}
const postLabel = (p: Post, vacant: string) => `${p.title} — ${p.holder?.displayName ?? vacant}`;

/** Incident commander, sections and sectors, each held by a post; sectors with their units and casualty counts. */
export function CommandStructure({ m }: { m: MajorIncident }) {
  const { t } = useTranslation();
  const posts = usePosts(m.command.id);
  const postOptions = (posts.data ?? []).map((p) => ({ value: p.id, label: postLabel(p, t('majorIncidents.vacant')) }));
  const active = m.state === 'active';
  const sorted = [...m.positions].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  return (
    <Card withBorder padding="sm" data-testid="major-structure">
      <Text fw={700} mb={4}>{t('majorIncidents.structure')}</Text>
      {sorted.length === 0 && <Text size="sm" c="dimmed">{t('majorIncidents.noStructure')}</Text>}
      <Stack gap="xs">
        {sorted.map((p) => <PositionRow key={p.id} m={m} p={p} postOptions={postOptions} active={active} />)}
      </Stack>
      {active && <AddPosition m={m} postOptions={postOptions} />}
    </Card>
  );
}

function positionName(t: TFunction, p: CommandPosition): string {
  if (p.role === 'commander') return t('majorIncidents.role.commander');
  if (p.role === 'section') return t(`majorIncidents.section.${p.section}`);
  return t('majorIncidents.sectorNamed', { name: exerciseText(t, p.name ?? '') });
}

function PositionRow({ m, p, postOptions, active }: { m: MajorIncident; p: CommandPosition; postOptions: { value: string; label: string }[]; active: boolean }) {
  const { t, i18n } = useTranslation();
  const [handTo, setHandTo] = useState<string | null>(null);
  const send = useMajorCommand();
  return (
    <Card withBorder padding="xs" data-testid="major-position" data-role={p.role} data-name={p.name ?? ''}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Text fw={600} size="sm">{positionName(t, p)}</Text>
          <Text size="xs" c="dimmed" data-testid="major-position-holder">
            {p.holder ? t('majorIncidents.heldBy', { post: exerciseText(t, p.holder.postTitle), person: p.holder.person?.displayName ?? t('majorIncidents.vacant'), since: formatWhen(p.holder.since, i18n.language) }) : t('majorIncidents.vacant')}
          </Text>
        </Stack>
        {active && (
          <Group gap={4} wrap="nowrap">
            <Select size="xs" w={220} data={postOptions.filter((o) => o.value !== p.holder?.postId)} value={handTo} onChange={setHandTo} searchable placeholder={t('majorIncidents.handTo')} aria-label={t('majorIncidents.handTo')} />
            <Button size="compact-xs" variant="light" disabled={!handTo} loading={send.isPending}
              onClick={() => send.mutate({ path: `/major-incidents/${m.id}/positions/${p.id}/post`, method: 'PUT', body: { postId: handTo } }, { onSuccess: () => setHandTo(null) })}>
              {t('majorIncidents.hand')}
            </Button>
          </Group>
        )}
      </Group>
      {p.role === 'sector' && <SectorBody m={m} p={p} active={active} />}
    </Card>
  );
}

function SectorBody({ m, p, active }: { m: MajorIncident; p: CommandPosition; active: boolean }) {
  const { t } = useTranslation();
  const units = useUnits(active);
  const [unit, setUnit] = useState<string | null>(null);
  const send = useMajorCommand();
  const inSector = new Set(p.units.map((u) => u.unitId));
  const options = (units.data ?? []).filter((u: Unit) => !inSector.has(u.id)).map((u: Unit) => ({ value: u.id, label: u.callSign }));
  return (
    <Stack gap={6} mt={6}>
      <Group gap={4} data-testid="major-sector-units">
        <Text size="xs" c="dimmed">{t('majorIncidents.units')}:</Text>
        {p.units.length === 0 && <Text size="xs" c="dimmed">{t('majorIncidents.noUnits')}</Text>}
        {p.units.map((u) => (
          <Badge key={u.unitId} variant="light" data-testid="major-sector-unit" rightSection={active && (
            <ActionIcon size="xs" variant="transparent" aria-label={t('majorIncidents.release', { callSign: u.callSign })}
              onClick={() => send.mutate({ path: `/major-incidents/${m.id}/units/${u.unitId}`, method: 'DELETE' })}><IconX size={10} /></ActionIcon>
          )}>{u.callSign}</Badge>
        ))}
      </Group>
      {active && (
        <Group gap={4}>
          <Select size="xs" w={200} data={options} value={unit} onChange={setUnit} searchable placeholder={t('majorIncidents.assignUnit')} aria-label={t('majorIncidents.assignUnit')} data-testid="major-assign-unit" />
          <Button size="compact-xs" variant="light" disabled={!unit} loading={send.isPending} data-testid="major-assign-unit-send"
            onClick={() => send.mutate({ path: `/major-incidents/${m.id}/positions/${p.id}/units/${unit}`, method: 'PUT' }, { onSuccess: () => setUnit(null) })}>
            {t('majorIncidents.assign')}
          </Button>
        </Group>
      )}
      {/* Keyed by the stored counts: a report from elsewhere (the stream) replaces what is shown. */}
      {p.casualties && <SectorCasualties key={TRIAGE_CATEGORIES.map((c) => p.casualties![c]).join('-')} m={m} p={p} counts={p.casualties} active={active} />}
    </Stack>
  );
}

function SectorCasualties({ m, p, counts, active }: { m: MajorIncident; p: CommandPosition; counts: CasualtyCounts; active: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CasualtyCounts>({ immediate: counts.immediate, delayed: counts.delayed, minor: counts.minor, deceased: counts.deceased });
  const send = useMajorCommand();
  const changed = TRIAGE_CATEGORIES.some((c) => draft[c] !== counts[c]);
  return (
    <Table withRowBorders={false} verticalSpacing={2} data-testid="major-sector-casualties">
      <Table.Tbody>
        <Table.Tr>
          {TRIAGE_CATEGORIES.map((c) => (
            <Table.Td key={c}>
              <NumberInput size="xs" label={t(`majorIncidents.triage.${c}`)} value={draft[c]} min={0} max={100_000} allowDecimal={false} disabled={!active}
                onChange={(v) => setDraft((d) => ({ ...d, [c]: typeof v === 'number' ? v : 0 }))} data-testid={`major-sector-${c}`} />
            </Table.Td>
          ))}
          <Table.Td style={{ verticalAlign: 'bottom' }}>
            {active && <Button size="compact-xs" disabled={!changed} loading={send.isPending} data-testid="major-sector-casualties-save"
              onClick={() => send.mutate({ path: `/major-incidents/${m.id}/positions/${p.id}/casualties`, method: 'PUT', body: draft })}>{t('majorIncidents.saveCounts')}</Button>}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function AddPosition({ m, postOptions }: { m: MajorIncident; postOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const hasCommander = m.positions.some((p) => p.role === 'commander');
  const [picked, setRole] = useState<string | null>(null);
  // Once a commander is appointed (here or by someone else) the choice falls to a sector.
  const role = picked && !(picked === 'commander' && hasCommander) ? picked : hasCommander ? 'sector' : 'commander';
  const [section, setSection] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [post, setPost] = useState<string | null>(null);
  const send = useMajorCommand();
  const ready = post && (role === 'commander' || (role === 'section' && section) || (role === 'sector' && name.trim()));
  const submit = () => send.mutate({
    path: `/major-incidents/${m.id}/positions`,
    body: { role, postId: post, ...(role === 'section' ? { section } : {}), ...(role === 'sector' ? { name: name.trim() } : {}) },
  }, { onSuccess: () => { setName(''); setPost(null); setSection(null); } });
  return (
    <Group gap={6} mt="sm" align="flex-end" data-testid="major-add-position">
      <Select size="xs" w={150} label={t('majorIncidents.addPosition')} value={role} onChange={(v) => v && setRole(v)} allowDeselect={false} data-testid="major-add-role"
        data={(['commander', 'section', 'sector'] as const).filter((r) => r !== 'commander' || !hasCommander).map((r) => ({ value: r, label: t(`majorIncidents.role.${r}`) }))} />
      {role === 'section' && <Select size="xs" w={160} label={t('majorIncidents.role.section')} value={section} onChange={setSection} data={SECTIONS.map((s) => ({ value: s, label: t(`majorIncidents.section.${s}`) }))} />}
      {role === 'sector' && <TextInput size="xs" w={160} label={t('majorIncidents.sectorName')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} data-testid="major-add-sector-name" />}
      <Select size="xs" w={260} label={t('majorIncidents.post')} data={postOptions} value={post} onChange={setPost} searchable data-testid="major-add-post" />
      <Button size="compact-sm" disabled={!ready} loading={send.isPending} onClick={submit} data-testid="major-add-position-send">{t('majorIncidents.add')}</Button>
    </Group>
  );
}
