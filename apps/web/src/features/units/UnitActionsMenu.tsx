import type { Unit } from '@firebreak/contracts';
import { ActionIcon, Menu } from '@mantine/core';
import { IconDotsVertical } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import { unitActions, type UnitAction } from './unit-actions';

/** The status steps a dispatcher may record for one unit, in a compact menu (keyboard: Enter, arrows). */
export function UnitActionsMenu({ unit, busy, onAction }: { unit: Unit; busy: boolean; onAction: (action: UnitAction) => void }) {
  const { t } = useTranslation();
  const actions = unitActions(unit);
  if (actions.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" size="sm" loading={busy} aria-label={t('units.actions.open', { callSign: unit.callSign })} data-testid="unit-actions">
          <IconDotsVertical size={16} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((a) => (
          <Menu.Item key={a} onClick={() => onAction(a)} data-testid={`unit-action-${a}`}>
            {t(`units.actions.${a}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
