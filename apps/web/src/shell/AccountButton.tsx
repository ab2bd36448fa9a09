import { Group, Text, UnstyledButton } from '@mantine/core';
import { IconUser } from '@tabler/icons-react';
import { forwardRef, lazy, Suspense, useState, type ComponentPropsWithoutRef } from 'react';
import { useTranslation } from '../i18n/use-translation';

export interface AccountMenuProps { name: string | undefined; roles: string; onLogout: () => void }

const loadMenu = () => import('./AccountMenu');
const AccountMenu = lazy(loadMenu);

/** The header's account button (the menu's target: Menu clones it with its handlers and ref). */
export const AccountTarget = forwardRef<HTMLButtonElement, { name: string | undefined } & ComponentPropsWithoutRef<'button'>>(
  function AccountTarget({ name, ...rest }, ref) {
    const { t } = useTranslation();
    return (
      <UnstyledButton ref={ref} aria-label={t('shell.account')} {...rest}>
        <Group gap={4} wrap="nowrap">
          <IconUser size={18} aria-hidden />
          <Text size="sm" truncate maw={160} title={name} className="fb-user-name">{name}</Text>
        </Group>
      </UnstyledButton>
    );
  },
);

/**
 * The account button; the menu (Menu, Popover, floating-ui) is not part of the first load: it is
 * fetched when the pointer or focus reaches the button and opens on the first click.
 */
export function AccountButton(props: AccountMenuProps) {
  const [wanted, setWanted] = useState(false);
  const placeholder = (
    <AccountTarget name={props.name} onPointerEnter={() => void loadMenu()} onFocus={() => void loadMenu()} onClick={() => setWanted(true)} />
  );
  if (!wanted) return placeholder;
  return <Suspense fallback={placeholder}><AccountMenu {...props} /></Suspense>;
}
