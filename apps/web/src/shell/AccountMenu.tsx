import { Menu } from '@mantine/core';
import { IconLogout, IconShieldLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from '../i18n/use-translation';
import { AccountTarget, type AccountMenuProps } from './AccountButton';

/** The account menu itself (Menu brings Popover and floating-ui): its own chunk, see AccountButton. */
export default function AccountMenu({ name, roles, onLogout }: AccountMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" defaultOpened>
      <Menu.Target>
        <AccountTarget name={name} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label fw={700}>{name}</Menu.Label>
        <Menu.Label>{roles}</Menu.Label>
        <Menu.Item component={Link} to="/account" leftSection={<IconShieldLock size={16} aria-hidden />} data-testid="menu-account">{t('shell.accountPage')}</Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={onLogout}>{t('shell.logout')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
