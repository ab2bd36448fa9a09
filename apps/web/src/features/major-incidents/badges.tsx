import { Badge } from '@mantine/core';
import { useTranslation } from '../../i18n/use-translation';

const LEVEL_COLORS: Record<string, string> = { I: 'red', II: 'orange', III: 'yellow', IV: 'blue' };

export function LevelBadge({ level, size = 'sm' }: { level: string; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation();
  // Never shrunk beside a long title: the list showed "LEVE…" for "LEVEL II".
  return <Badge size={size} color={LEVEL_COLORS[level] ?? 'gray'} miw="fit-content" style={{ flexShrink: 0, overflow: 'visible' }} data-testid="major-level">{t(`majorIncidents.levels.${level}`)}</Badge>;
}

/** Exercises are marked wherever they appear, so nobody takes one for the real thing. */
export function ExerciseBadge({ exercise, size = 'xs' }: { exercise: boolean; size?: 'xs' | 'lg' }) {
  const { t } = useTranslation();
  return exercise ? <Badge size={size} color="grape" variant="filled" data-testid="major-exercise">{t('majorIncidents.exercise')}</Badge> : null;
}
