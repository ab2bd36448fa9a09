import { Menu } from '@mantine/core';
import { Link } from 'react-router';
import { MoreTarget, type MoreItem } from './MoreNav';

/** The "More" menu itself: its own chunk, see MoreNav. */
export default function MoreMenu({ items }: { items: MoreItem[] }) {
  return (
    <Menu position="bottom-start" defaultOpened>
      <Menu.Target>
        <MoreTarget items={items} />
      </Menu.Target>
      <Menu.Dropdown data-testid="nav-more-menu">
        {items.map((i) => (
          <Menu.Item key={i.to} component={Link} to={i.to} leftSection={i.icon}>{i.label}</Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
