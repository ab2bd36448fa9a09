import type { SupervisionSubject } from '@firebreak/contracts';
import { Badge } from '@mantine/core';
import { IconBuilding, IconListCheck, IconTruck } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';

const ICONS = { place: IconBuilding, unit: IconTruck, task: IconListCheck } as const;

/** What kind of subject a visit looked at: icon and word, never colour alone. */
export function SubjectKindBadge({ kind }: { kind: SupervisionSubject }) {
  const { t } = useTranslation();
  const Icon = ICONS[kind];
  return <Badge size="xs" variant="outline" color="gray" leftSection={<Icon size={10} aria-hidden />}>{t(`supervision.kind.${kind}`)}</Badge>;
}
