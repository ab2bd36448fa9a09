import type { IncidentType, Priority, ResponsePlan, SetResponsePlanBody } from '@firebreak/contracts';
import { ActionIcon, Button, Fieldset, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { ApiError, call, fb, once, problemText } from '../../api/http';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import type { JurisdictionNode } from '../../api/queries';
import { IssueModal } from '../issue/IssueModal';
import { draftFromPlan, emptySlot, MAX_SLOTS, MAX_UNITS, nextTierNumber, placedPlanErrors, planBody, type PlanProblems, type TierDraft } from './plan-form';
import { settingsKeys } from './queries';
import { UNIT_KINDS } from './unit-kinds';

/**
 * Sets a jurisdiction's own run card, starting from the plan in force there (its own or the
 * inherited one). Problems found here and the server's field errors show under their input.
 */
export function PlanFormModal({ jurisdiction, incidentType, priority, start, onClose }: {
  jurisdiction: JurisdictionNode; incidentType: IncidentType; priority: Priority; start: ResponsePlan | null; onClose: () => void;
}) {
  const { t } = useTranslation();
  const nameOf = useJurisdictionNames();
  const client = useQueryClient();
  const [tiers, setTiers] = useState<TierDraft[]>(() => draftFromPlan(start));
  // After a refused attempt the rows are checked again as they change (indexes move when a row goes).
  const [tried, setTried] = useState(false);
  // One key per opened form: a refused attempt is rolled back, so the corrected retry reuses it.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: (body: SetResponsePlanBody) => call(fb.PUT('/api/v1/response-plans', { params: { header: once(idempotencyKey) }, body })),
    onSuccess: () => {
      // Every jurisdiction below may inherit this plan: all in-force answers are stale.
      void client.invalidateQueries({ queryKey: settingsKeys.plans });
      onClose();
    },
  });
  const server = save.error instanceof ApiError ? placedPlanErrors(save.error.problem?.errors) : { placed: {}, unplaced: [] };
  const built = planBody({ jurisdictionId: jurisdiction.id, incidentType, priority, tiers });
  const local: PlanProblems = tried ? built.problems ?? {} : {};
  const errorAt = (path: string): string | undefined => (local[path] ? t(local[path]) : server.placed[path]);
  // A failure no input shows: forbidden, conflict, network, or a field this form has no place for.
  const general = !save.error ? null
    : Object.keys(server.placed).length === 0 ? problemText(save.error, t('errors.generic'))
      : server.unplaced.length ? server.unplaced.join('; ') : null;
  const kindOptions = useMemo(() => UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) })), [t]);

  const update = (i: number, change: (tier: TierDraft) => TierDraft) => setTiers((all) => all.map((tier, k) => (k === i ? change(tier) : tier)));
  const submit = () => {
    if (save.isPending) return;
    setTried(true);
    if (built.body) save.mutate(built.body);
  };
  const nextTier = nextTierNumber(tiers);

  return (
    <IssueModal title={t('settings.plans.formTitle', { name: nameOf(jurisdiction.path, jurisdiction.name), type: t(`incidentType.${incidentType}`), priority })} testId="plan-form"
      submitLabel={t('settings.plans.save')} onSubmit={submit} onClose={onClose} pending={save.isPending} error={general}>
      <Text size="sm" c="dimmed">{t('settings.plans.formHint')}</Text>
      {errorAt('tiers') && <Text size="sm" c="red" role="alert" data-testid="plan-form-tiers-error">{errorAt('tiers')}</Text>}
      {tiers.map((tier, i) => (
        <Fieldset key={tier.tier} legend={t('settings.plans.tierN', { n: tier.tier })} data-testid={`plan-form-tier-${i}`}>
          <Stack gap="xs">
            {tier.slots.map((slot, j) => (
              <Group key={j} align="flex-start" gap="xs" wrap="nowrap">
                <Select label={t('settings.plans.kind')} data={kindOptions} value={slot.kind} searchable style={{ flex: 1 }}
                  onChange={(v) => update(i, (tr) => ({ ...tr, slots: tr.slots.map((s, k) => (k === j ? { ...s, kind: v as TierDraft['slots'][number]['kind'] } : s)) }))}
                  error={errorAt(`tiers.${i}.slots.${j}.kind`)} data-testid={`plan-form-kind-${i}-${j}`} {...(i === 0 && j === 0 && { 'data-autofocus': true })} />
                <NumberInput label={t('settings.plans.count')} value={slot.units} min={1} max={MAX_UNITS} allowDecimal={false} allowNegative={false} w={110}
                  onChange={(v) => update(i, (tr) => ({ ...tr, slots: tr.slots.map((s, k) => (k === j ? { ...s, units: v } : s)) }))}
                  error={errorAt(`tiers.${i}.slots.${j}.units`)} data-testid={`plan-form-units-${i}-${j}`} />
                <ActionIcon variant="subtle" color="gray" mt={26} aria-label={t('settings.plans.removeSlot')} data-testid={`plan-form-remove-slot-${i}-${j}`}
                  onClick={() => update(i, (tr) => ({ ...tr, slots: tr.slots.filter((_, k) => k !== j) }))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {errorAt(`tiers.${i}.slots`) && <Text size="sm" c="red" role="alert">{errorAt(`tiers.${i}.slots`)}</Text>}
            <Group gap="xs">
              <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} disabled={tier.slots.length >= MAX_SLOTS}
                onClick={() => update(i, (tr) => ({ ...tr, slots: [...tr.slots, emptySlot()] }))} data-testid={`plan-form-add-slot-${i}`}>
                {t('settings.plans.addSlot')}
              </Button>
              <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} disabled={tiers.length <= 1}
                onClick={() => setTiers((all) => all.filter((_, k) => k !== i))} data-testid={`plan-form-remove-tier-${i}`}>
                {t('settings.plans.removeTier')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      ))}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} disabled={nextTier === null}
          onClick={() => nextTier !== null && setTiers((all) => [...all, { tier: nextTier, slots: [emptySlot()] }])} data-testid="plan-form-add-tier">
          {t('settings.plans.addTier')}
        </Button>
      </Group>
    </IssueModal>
  );
}
