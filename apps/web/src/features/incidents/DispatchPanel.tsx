import type { Assignment, Incident, TierStatus } from '@firebreak/contracts';
import type { ShortfallSlot } from '../../api/types';
import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { ApiError, call, fb, once, problemText } from '../../api/http';
import { keys, useMe, useRecommendations } from '../../api/queries';
import { Kbd } from '../../shell/Kbd';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { formatClock } from '../../util/time';
import { recommendedSet } from './recommended';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/**
 * The run card's slots the units on offer cannot fill in time, each with why: shown above the
 * dispatch button, so it is read before Enter sends the rest.
 */
function Shortfall({ shortfall, tiers }: { shortfall: readonly ShortfallSlot[]; tiers: readonly TierStatus[] }) {
  const { t } = useTranslation();
  if (shortfall.length === 0) return null;
  // A slot asks for a kind, a capability (any unit carrying it), or both.
  const slotWords = (s: ShortfallSlot) => [s.kind && t(`unitKind.${s.kind}`), s.capability && t(`reinforcements.capability.${s.capability}`, { defaultValue: s.capability })].filter(Boolean).join(' · ');
  const reason = (s: ShortfallSlot) => {
    if (s.reason === 'none_in_scope' || s.reason === 'none_available') return t(`dispatch.shortfallReason.${s.reason}`);
    const minutes = tiers.find((x) => x.tier === s.tier)?.minutes ?? '?';
    return t('dispatch.shortfallReason.too_far', { tier: s.tier, minutes, eta: s.fastestEtaSeconds === null ? '—' : formatClock(s.fastestEtaSeconds) });
  };
  return (
    <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('dispatch.shortfallTitle')} py={6} data-testid="shortfall">
      <Stack gap={2}>
        {shortfall.map((s) => (
          <Text key={`${s.tier}:${s.kind}:${s.capability}:${s.reason}`} size="sm" data-reason={s.reason}>
            {t('dispatch.shortfallLine', { tier: s.tier, missing: s.missing, kind: slotWords(s), reason: reason(s) })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

/**
 * Recommendations (the run card's units first, then by road travel time), the recommended set ticked, what the card still misses, and one action —
 * the button, or Enter anywhere on the panel — that sends them. Not shown to a role that may not send
 * units (an auditor, an inspector): the server would refuse the recommendations anyway.
 */
export function DispatchPanel({ incident, autoFocus, dispatched }: { incident: Incident; autoFocus: boolean; dispatched: boolean }) {
  const { t } = useTranslation();
  const nameOf = useJurisdictionNames();
  const client = useQueryClient();
  const { data: me } = useMe();
  const mayDispatch = me?.permissions.includes('dispatch:assign') ?? false;
  const rec = useRecommendations(incident.id, incident.state === 'open' && mayDispatch);
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const dispatchRef = useRef<HTMLButtonElement>(null);
  const recommended = useMemo(() => (rec.data ? recommendedSet(rec.data, incident.tiers) : []), [rec.data, incident.tiers]);
  // Once units are on their way, nothing is pre-ticked: a second Enter must not send more by accident.
  const selected = chosen ?? new Set(dispatched ? [] : recommended);
  const idempotencyKey = useRef(crypto.randomUUID());

  const dispatch = useMutation({
    // What the recommendation offered goes along: the accountability trace tells recommended from passed over.
    mutationFn: (unitIds: string[]) => call(fb.POST('/api/v1/incidents/{id}/assignments', { params: { path: { id: incident.id }, header: once(idempotencyKey.current) }, body: { unitIds, recommendedUnitIds: recommended.slice(0, 50) } })),
    onSuccess: (assignments) => {
      idempotencyKey.current = crypto.randomUUID();
      setChosen(null);
      client.setQueryData<Assignment[]>(keys.assignments(incident.id), (held) => [...(held ?? []).filter((a) => !assignments.some((n) => n.id === a.id)), ...assignments]);
      void client.invalidateQueries({ queryKey: keys.recommendations(incident.id) });
      void client.invalidateQueries({ queryKey: keys.incident(incident.id) });
    },
  });
  const send = () => {
    if (selected.size && !dispatch.isPending) dispatch.mutate([...selected]);
  };

  // Enter on the panel dispatches, unless another control has focus (it keeps its own Enter).
  // No preventDefault by the hook: a focused button (the dispatch button itself included) keeps its native Enter.
  useHotkeys([['Enter', (event) => {
    const el = document.activeElement;
    if (el && el !== document.body && el.closest('button, a, [role="button"], [role="checkbox"], input, tr[tabindex]')) return;
    event.preventDefault();
    send();
  }, { preventDefault: false }]]);
  useEffect(() => {
    if (autoFocus && rec.data && recommended.length) dispatchRef.current?.focus();
  }, [autoFocus, rec.data, recommended.length]);

  if (incident.state !== 'open' || !mayDispatch) return null;
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  return (
    <Stack gap="xs" data-testid="recommendations">
      <Group justify="space-between">
        <Title order={3} size="h5">{t('dispatch.recommendations')}</Title>
        {rec.data?.plan ? <Badge variant="outline">{t('dispatch.planInForce')}</Badge> : rec.data && <Badge variant="outline" color="gray">{t('dispatch.noPlan')}</Badge>}
      </Group>
      {rec.data?.routedTo && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} py={6} data-testid="routed-to" data-point-kind={rec.data.routedTo.point?.kind ?? 'none'}>
          {rec.data.routedTo.point
            ? t('dispatch.routedTo', { point: rec.data.routedTo.point.name, kind: t(`dispatch.routedToKind.${rec.data.routedTo.point.kind}`), cordon: t(`dispatch.routedToCordon.${rec.data.routedTo.cordon}`), title: rec.data.routedTo.majorIncidentTitle })
            : t('dispatch.routedToNone', { cordon: t(`dispatch.routedToCordon.${rec.data.routedTo.cordon}`), title: rec.data.routedTo.majorIncidentTitle })}
        </Alert>
      )}
      {rec.isPending ? (
        <Loading />
      ) : rec.isError ? (
        <ErrorState error={rec.error} onRetry={rec.error instanceof ApiError && rec.error.status === 403 ? undefined : () => void rec.refetch()} />
      ) : rec.data.items.length === 0 ? (
        <EmptyState title={t('dispatch.noUnits')}>{t('dispatch.noUnitsHint')}</EmptyState>
      ) : (
        <>
          <Table verticalSpacing={4} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={32} aria-label={t('dispatch.send')} />
                <Table.Th>{t('dispatch.unit')}</Table.Th>
                <Table.Th>{t('dispatch.eta')}</Table.Th>
                <Table.Th>{t('dispatch.tiers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rec.data.items.map((r) => (
                <Table.Tr key={r.unitId} data-testid="recommendation" data-unit-id={r.unitId} data-kind={r.kind} data-mutual-aid={r.mutualAid?.providingJurisdictionPath} data-lent={r.lent ? 'true' : undefined} data-selected={selected.has(r.unitId)}>
                  <Table.Td>
                    <Checkbox aria-label={t('dispatch.select', { unit: r.callSign })} checked={selected.has(r.unitId)} onChange={() => toggle(r.unitId)} disabled={r.etaSeconds === null} />
                  </Table.Td>
                  <Table.Td>
                    <Text fw={700} size="sm">{r.callSign}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`unitKind.${r.kind}`)} · {t(`unitStatus.${r.status}`)}
                      {r.positionSource !== 'avl' && ` · ${t(`dispatch.source.${r.positionSource}`)}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">{r.etaSeconds === null ? t('dispatch.noRoute') : formatClock(r.etaSeconds)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {r.makesTiers.map((tier) => <Badge key={tier} size="sm" color="green" variant="light">{t('dispatch.makesTier', { tier })}</Badge>)}
                      {r.planSlot && <Badge size="sm" variant="outline">{t('dispatch.slot', { tier: r.planSlot.tier, kind: t(`unitKind.${r.planSlot.kind}`) })}</Badge>}
                      {/* The lender's name is the point of this badge: it wraps in the narrow column rather than end in "…". */}
                      {r.mutualAid && <Badge size="sm" color="grape" variant="outline" h="auto" maw="100%" styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }} data-testid="mutual-aid-badge">{t('dispatch.mutualAid', { from: nameOf(r.mutualAid.providingJurisdictionPath) })}</Badge>}
                      {r.lent && <Badge size="sm" color="teal" variant="outline" data-testid="lent-badge">{t('reinforcements.lentBadge')}</Badge>}
                      {r.makesTiers.length === 0 && !r.planSlot && !r.mutualAid && !r.lent && <Text size="xs" c="dimmed">—</Text>}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {rec.data && <Shortfall shortfall={rec.data.shortfall} tiers={incident.tiers} />}
      {dispatch.isError && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('dispatch.failed')} role="alert">{problemText(dispatch.error, t('errors.generic'))}</Alert>
      )}
      <Button
        ref={dispatchRef}
        size="lg"
        color="red"
        leftSection={<IconSend aria-hidden />}
        rightSection={<Kbd name="dispatch" />}
        onClick={send}
        loading={dispatch.isPending}
        disabled={selected.size === 0}
        data-testid="dispatch-button"
      >
        {selected.size === 0 ? t('dispatch.tickToSend') : t(dispatched ? 'dispatch.sendMore' : 'dispatch.sendUnits', { count: selected.size })}
      </Button>
    </Stack>
  );
}
