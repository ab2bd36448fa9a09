import { ActionIcon, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp, IconStack2 } from '@tabler/icons-react';
import { Fragment, useMemo } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { iconDataUrl } from './icons';
import { DETAIL_ZOOM, OVERLAYS, type Overlay } from './overlays';
import { PRIORITY_COLOR, UNIT_STATUS_STYLE } from './palette';

/** A small circle as the overview layers draw it (`overlays.ts` units-overview / incidents-overview). */
function Dot({ fill, stroke, width, size = 10 }: { fill: string; stroke: string; width: number; size?: number }) {
  return <span aria-hidden style={{ display: 'inline-block', flexShrink: 0, width: size, height: size, borderRadius: '50%', background: fill, border: `${width}px solid ${stroke}`, boxSizing: 'border-box' }} />;
}

/** Below DETAIL_ZOOM the icons become circles: say how to read them, under the layer's switch. */
function OverviewLegend({ overlay }: { overlay: 'units' | 'incidents' }) {
  const { t } = useTranslation();
  const free = UNIT_STATUS_STYLE.available.color;
  const busy = UNIT_STATUS_STYLE.on_scene.color;
  return (
    <Stack gap={2} pl={28} data-testid={`legend-overview-${overlay}`}>
      <Text size="xs" c="dimmed">{t('map.overview.below', { zoom: DETAIL_ZOOM })}</Text>
      {overlay === 'units' ? (
        <Group gap={8} wrap="nowrap">
          <Group gap={4} wrap="nowrap"><Dot fill="#f8f9fa" stroke={free} width={2} /><Text size="xs">{t('map.overview.free')}</Text></Group>
          <Group gap={4} wrap="nowrap"><Dot fill={busy} stroke="#111" width={1} /><Text size="xs">{t('map.overview.committed')}</Text></Group>
        </Group>
      ) : (
        <Group gap={8} wrap="nowrap">
          <Group gap={4} wrap="nowrap"><Dot fill={PRIORITY_COLOR.P1} stroke="#fff" width={1} /><Text size="xs">{t('map.overview.byPriority')}</Text></Group>
          <Group gap={4} wrap="nowrap"><Dot fill={PRIORITY_COLOR.P2} stroke="#000" width={3} size={12} /><Text size="xs">{t('map.overview.missed')}</Text></Group>
          <Group gap={4} wrap="nowrap"><Dot fill={PRIORITY_COLOR.P1} stroke="#fff" width={3} size={12} /><Text size="xs">{t('mapLegend.fresh')}</Text></Group>
        </Group>
      )}
    </Stack>
  );
}

/** Layer switches, each with the icon it draws: the legend and the switch are one thing. */
export function LayerPanel({ visible, onChange }: { visible: Record<Overlay, boolean>; onChange: (v: Record<Overlay, boolean>) => void }) {
  const { t } = useTranslation();
  // Starts collapsed: the map is the first thing a dispatcher reads; the switches are one click away.
  const [open, { toggle }] = useDisclosure(false);
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
      {/* Shown or not, without Mantine's Collapse animation (its hooks would join the first load). */}
      {open && (
        <Stack gap={6} mt="xs">
          {[...OVERLAYS].reverse().map((o) => (
            <Fragment key={o}>
              {/* A native checkbox: Mantine's Checkbox brings its Input family into the first load. */}
              <label style={{ display: 'flex', alignItems: 'center', gap: 'var(--mantine-spacing-xs)', cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>
                <input
                  type="checkbox"
                  checked={visible[o]}
                  onChange={(e) => onChange({ ...visible, [o]: e.currentTarget.checked })}
                  style={{ width: '1.25rem', height: '1.25rem', margin: 0, cursor: 'pointer', accentColor: 'var(--mantine-color-blue-6)' }}
                  data-testid={`layer-${o}`}
                />
                <Group gap={6} wrap="nowrap">
                  {icons[o] && <Image src={icons[o]} w={16} h={16} alt="" />}
                  <span>{t(`map.overlay.${o}`)}</span>
                </Group>
              </label>
              {(o === 'units' || o === 'incidents') && <OverviewLegend overlay={o} />}
            </Fragment>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
