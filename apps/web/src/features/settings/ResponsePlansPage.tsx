import type { IncidentType, Priority } from '@firebreak/contracts';
import { Group, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useSearchParams } from 'react-router';
import { INCIDENT_TYPES, PRIORITIES } from '../../api/enums';
import { useJurisdictions, useMe } from '../../api/queries';
import { ErrorState, Loading } from '../../shell/States';
import { jurisdictionOptions } from '../../api/jurisdiction-names';
import { settingsAccess } from './access';
import { PlanFormModal } from './PlanFormModal';
import { PlanInForceCard } from './PlanInForceCard';
import { PlansSet } from './PlansSet';
import { withinAny } from './plan-form';
import { indexTree, usePlanInForce } from './queries';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

const isType = (v: string | null): v is IncidentType => (INCIDENT_TYPES as readonly string[]).includes(v ?? '');
const isPriority = (v: string | null): v is Priority => (PRIORITIES as readonly string[]).includes(v ?? '');

/**
 * Run cards: pick a jurisdiction, incident type and priority (kept in the address, so a view can
 * be linked), see the plan in force there and where it comes from, and set the jurisdiction's own.
 */
export default function ResponsePlansPage() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const tree = useJurisdictions();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const index = useMemo(() => indexTree(tree.data ?? []), [tree.data]);
  const options = useMemo(() => jurisdictionOptions(tree.data ?? [], i18n.language), [tree.data, i18n.language]);
  const asked = params.get('jurisdiction');
  const jurisdiction = (asked && index.byId.get(asked)) || index.byId.get(options[0]?.value ?? '') || null;
  const typeParam = params.get('type');
  const priorityParam = params.get('priority');
  const incidentType: IncidentType = isType(typeParam) ? typeParam : 'fire';
  const priority: Priority = isPriority(priorityParam) ? priorityParam : 'P1';
  const inForce = usePlanInForce(jurisdiction?.id ?? null, incidentType, priority);
  const [editing, setEditing] = useState(false);

  const pick = (values: Partial<Record<'jurisdiction' | 'type' | 'priority', string | null>>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [key, value] of Object.entries(values)) if (value) next.set(key, value);
      return next;
    }, { replace: true });
  const maySet = Boolean(me && jurisdiction && settingsAccess(me.permissions).setPlans && withinAny(jurisdiction.path, me.grants.map((g) => g.jurisdictionPath)));

  if (tree.isPending) return <Loading />;
  if (tree.isError) return <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  return (
    <Stack gap="md" maw={960} data-testid="response-plans">
      <Text size="sm" c="dimmed">{t('settings.plans.intro')}</Text>
      <Group align="flex-end" gap="sm">
        <Select label={t('settings.plans.jurisdiction')} data={options} value={jurisdiction?.id ?? null} onChange={(v) => pick({ jurisdiction: v })}
          searchable allowDeselect={false} w={280} data-testid="plan-jurisdiction" />
        <Select label={t('settings.plans.incidentType')} data={INCIDENT_TYPES.map((v) => ({ value: v, label: t(`incidentType.${v}`) }))} value={incidentType}
          onChange={(v) => pick({ type: v })} allowDeselect={false} w={220} data-testid="plan-type" />
        <Select label={t('settings.plans.priority')} data={PRIORITIES.map((v) => ({ value: v, label: `${v} · ${t(`priority.${v}`)}` }))} value={priority}
          onChange={(v) => pick({ priority: v })} allowDeselect={false} w={240} data-testid="plan-priority" />
      </Group>
      {jurisdiction && (
        inForce.isPending ? <Loading /> : inForce.isError ? <ErrorState error={inForce.error} onRetry={() => void inForce.refetch()} /> : (
          <PlanInForceCard jurisdiction={jurisdiction} plan={inForce.data.plan} nameOf={nameOf}
            onEdit={maySet ? () => setEditing(true) : undefined} />
        )
      )}
      <PlansSet incidentType={incidentType} priority={priority} inForceId={inForce.data?.plan?.id ?? null} nameOf={nameOf}
        onPick={(p) => pick({ jurisdiction: p.jurisdictionId })} />
      {editing && jurisdiction && inForce.data && (
        <PlanFormModal jurisdiction={jurisdiction} incidentType={incidentType} priority={priority} start={inForce.data.plan} onClose={() => setEditing(false)} />
      )}
    </Stack>
  );
}
