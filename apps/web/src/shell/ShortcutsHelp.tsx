import { Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from '../i18n/use-translation';
import { SHORTCUTS, shortcutDisplay, type ShortcutName } from './shortcuts';

/** The keyboard shortcuts dialog; its own chunk (Modal, focus trap, scroll lock) fetched when first opened. */
export default function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} data-testid="shortcuts-help">
      <Table>
        <Table.Tbody>
          {(Object.keys(SHORTCUTS) as ShortcutName[]).map((name) => (
            <Table.Tr key={name}>
              <Table.Td><Kbd>{shortcutDisplay(name)}</Kbd></Table.Td>
              <Table.Td>{t(SHORTCUTS[name].label)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
