import { ActionIcon, Checkbox, Collapse, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp, IconStack2 } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { iconDataUrl } from './icons';
import { OVERLAYS, type Overlay } from './overlays';

/** Layer switches, each with the icon it draws: the legend and the switch are one thing. */
export function LayerPanel({ visible, onChange }: { visible: Record<Overlay, boolean>; onChange: (v: Record<Overlay, boolean>) => void }) {
  const { t } = useTranslation();
  const [open, { toggle }] = useDisclosure(true);
  const icons = useMemo<Partial<Record<Overlay, string>>>(
    () => ({ incidents: iconDataUrl('incident', 'P1'), units: iconDataUrl('unit', 'available', true), places: iconDataUrl('place', 'school'), hazards: iconDataUrl('hazard', '', false) }),
    [],
  );
  return (
    <Paper shadow="md" p="xs" style={{ position: 'absolute', top: 8, left: 8, zIndex: 2, minWidth: 190 }} data-testid="layer-panel">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap={6}>
          <IconStack2 size={16} aria-hidden />
          <Text size="sm" fw={700}>{t('map.layers')}</Text>
        </Group>
        <ActionIcon variant="subtle" size="sm" onClick={toggle} aria-expanded={open} aria-label={open ? t('map.collapse') : t('map.expand')}>
          {open ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
        </ActionIcon>
      </Group>
      <Collapse expanded={open}>
        <Stack gap={6} mt="xs">
          {[...OVERLAYS].reverse().map((o) => (
            <Checkbox
              key={o}
              size="sm"
              checked={visible[o]}
              onChange={(e) => onChange({ ...visible, [o]: e.currentTarget.checked })}
              label={
                <Group gap={6} wrap="nowrap">
                  {icons[o] && <Image src={icons[o]} w={16} h={16} alt="" />}
                  <span>{t(`map.overlay.${o}`)}</span>
                </Group>
              }
              data-testid={`layer-${o}`}
            />
          ))}
        </Stack>
      </Collapse>
    </Paper>
  );
}
