import { Button } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { forwardRef, lazy, Suspense, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useLocation } from 'react-router';

/** A destination the header keeps under "More" (screens used less often than the operational ones). */
export interface MoreItem { to: string; icon: ReactNode; label: string }

const loadMenu = () => import('./MoreMenu');
const MoreMenu = lazy(loadMenu);

/** The "More" button; shows the open screen's name when it is one of the items, so the header still says where you are. */
export const MoreTarget = forwardRef<HTMLButtonElement, { items: MoreItem[] } & ComponentPropsWithoutRef<'button'>>(function MoreTarget({ items, ...rest }, ref) {
  const { t } = useTranslation();
  const path = useLocation().pathname;
  const current = items.find((i) => path === i.to || path.startsWith(`${i.to}/`));
  return (
    <Button ref={ref} variant={current ? 'light' : 'subtle'} size="sm" leftSection={current?.icon ?? <IconDots size={18} aria-hidden />} aria-haspopup="menu"
      aria-current={current ? 'page' : undefined} title={current?.label ?? t('nav.more')} data-testid="nav-more" {...rest}>
      <span className="fb-nav-label">{current?.label ?? t('nav.more')}</span>
    </Button>
  );
});

/** Like the account menu, the menu itself (Menu, Popover, floating-ui) loads when the button is reached, not with the first screen. */
export function MoreNav({ items }: { items: MoreItem[] }) {
  const [wanted, setWanted] = useState(false);
  if (items.length === 0) return null;
  const placeholder = <MoreTarget items={items} onPointerEnter={() => void loadMenu()} onFocus={() => void loadMenu()} onClick={() => setWanted(true)} />;
  if (!wanted) return placeholder;
  return <Suspense fallback={placeholder}><MoreMenu items={items} /></Suspense>;
}
