import type { IncidentType, Priority, ResponsePlan } from '@firebreak/contracts';
import { Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from '../../i18n/use-translation';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { usePlansSet } from './queries';

/**
 * Where the tree sets a run card of this type and priority (every jurisdiction of my scope that
 * has its own): the overrides at a glance. Choosing a row shows that jurisdiction above.
 */
export function PlansSet({ incidentType, priority, inForceId, nameOf, onPick }: {
  incidentType: IncidentType;
  priority: Priority;
  /** The card in force at the chosen jurisdiction, marked in the list. */
  inForceId: string | null;
  nameOf: (path: string) => string;
  onPick: (plan: ResponsePlan) => void;
}) {
  const { t } = useTranslation();
  const list = usePlansSet(incidentType, priority);
  const labels = { type: t(`incidentType.${incidentType}`), priority };
  return (
    <Stack gap="xs" data-testid="plans-set">
      <Title order={3} size="h5">{t('settings.plans.setWhere', labels)}</Title>
      {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : list.data.length === 0 ? (
        <EmptyState title={t('settings.plans.noneSet', labels)}>{t('settings.plans.noneSetHint')}</EmptyState>
      ) : (
        <Table withTableBorder highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.plans.jurisdiction')}</Table.Th>
              <Table.Th>{t('settings.plans.units')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((p) => {
              const here = p.id === inForceId;
              const depth = p.jurisdictionPath.split('.').length - 1;
              return (
                <Table.Tr key={p.id} data-testid="plan-set-row" data-path={p.jurisdictionPath} aria-current={here ? 'true' : undefined}
                  style={here ? { background: 'var(--mantine-color-default-hover)' } : undefined}>
                  <Table.Td style={{ paddingInlineStart: `calc(var(--mantine-spacing-xs) + ${depth}rem)` }}>
                    {/* The row's action, reachable by keyboard: the jurisdiction's name is the button. */}
                    <UnstyledButton onClick={() => onPick(p)} fw={here ? 700 : 500} data-testid="plan-set-pick">
                      {nameOf(p.jurisdictionPath)}
                    </UnstyledButton>
                    {here && <Text span size="xs" c="dimmed" ml="xs">{t('settings.plans.inForceHere')}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {[...p.tiers].sort((a, b) => a.tier - b.tier).map((tier) =>
                        `${t('settings.plans.tierN', { n: tier.tier })}: ${tier.slots.map((s) => t('settings.plans.slot', { count: s.units, kind: t(`unitKind.${s.kind}`) })).join(', ')}`).join(' · ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
