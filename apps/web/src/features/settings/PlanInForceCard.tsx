import type { ResponsePlan } from '@firebreak/contracts';
import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowDown, IconEdit, IconHome, IconRuler2 } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import type { NameOf } from '../../api/jurisdiction-names';
import type { JurisdictionNode } from '../../api/queries';
import { planSource } from './plan-form';

/** The plan in force at a jurisdiction, where it comes from (in words and an icon, not colour alone), and its tiers. */
export function PlanInForceCard({ jurisdiction, plan, nameOf, onEdit }: {
  jurisdiction: JurisdictionNode;
  plan: ResponsePlan | null;
  nameOf: NameOf;
  /** Set when the user may set this jurisdiction's own plan. */
  onEdit?: (() => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const source = planSource(jurisdiction.id, plan);
  const badge = {
    own: { color: 'blue', icon: <IconHome size={12} aria-hidden />, label: t('settings.plans.source.own') },
    inherited: { color: 'grape', icon: <IconArrowDown size={12} aria-hidden />, label: t('settings.plans.source.inherited') },
    default: { color: 'gray', icon: <IconRuler2 size={12} aria-hidden />, label: t('settings.plans.source.default') },
  }[source.kind];
  const explanation = source.kind === 'own' ? t('settings.plans.explain.own', { name: nameOf(jurisdiction.path, jurisdiction.name) })
    : source.kind === 'inherited' ? t('settings.plans.explain.inherited', { name: nameOf(source.jurisdictionPath) })
      : t('settings.plans.explain.default');

  return (
    <Card withBorder padding="md" data-testid="plan-in-force" data-source={source.kind} data-from={plan?.jurisdictionPath ?? ''}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={700}>{t('settings.plans.inForceAt', { name: nameOf(jurisdiction.path, jurisdiction.name) })}</Text>
              <Badge color={badge.color} variant="light" leftSection={badge.icon} data-testid="plan-source">{badge.label}</Badge>
            </Group>
            <Text size="sm" data-testid="plan-source-text">{explanation}</Text>
            {plan && (
              <Text size="xs" c="dimmed">
                {t('settings.plans.updated', { version: plan.version, date: new Date(plan.updatedAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }) })}
              </Text>
            )}
          </Stack>
          {onEdit && (
            <Button leftSection={<IconEdit size={16} aria-hidden />} onClick={onEdit} style={{ flexShrink: 0 }} data-testid="plan-edit">
              {source.kind === 'own' ? t('settings.plans.edit', { name: nameOf(jurisdiction.path, jurisdiction.name) }) : t('settings.plans.override', { name: nameOf(jurisdiction.path, jurisdiction.name) })}
            </Button>
          )}
        </Group>
        {plan && (
          <Table withTableBorder striped data-testid="plan-tiers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>{t('settings.plans.tier')}</Table.Th>
                <Table.Th>{t('settings.plans.units')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...plan.tiers].sort((a, b) => a.tier - b.tier).map((tier) => (
                <Table.Tr key={tier.tier} data-testid="plan-tier" data-tier={tier.tier}>
                  <Table.Td>{t('settings.plans.tierN', { n: tier.tier })}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {tier.slots.map((s) => (
                        <Badge key={s.kind} variant="outline" color="gray" tt="none" data-testid="plan-slot" data-kind={s.kind} data-units={s.units}>
                          {t('settings.plans.slot', { count: s.units, kind: t(`unitKind.${s.kind}`) })}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
