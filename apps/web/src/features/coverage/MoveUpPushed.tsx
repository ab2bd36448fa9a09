import type { CoverageMove, MoveUpRecommendation } from '@firebreak/contracts';
import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowsMove } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { call, fb, once } from '../../api/http';
import { useMe } from '../../api/queries';
import { onStreamEvents } from '../../live/stream-listeners';
import { Kbd } from '../../shell/Kbd';
import { SHORTCUTS } from '../../shell/shortcuts';
import { ErrorState } from '../../shell/States';

/**
 * The move-up the server pushes (`coverage.move_up_recommended`) when a dispatch took a
 * jurisdiction's coverage below its threshold: shown on whatever screen the dispatcher is on,
 * accepted with one key (A) or the button, dismissed with ×. The Coverage page shows its own
 * alert for the jurisdiction it is looking at, so this one stands aside there. An order that
 * ends (`coverage.move_up_ended`: the unit reached its post by AVL, or a dispatcher ended it)
 * shows as a notification on every screen, the Coverage page included.
 */
export function MoveUpPushed() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const mayMove = me?.permissions.includes('dispatch:assign') ?? false;
  const onCoveragePage = useLocation().pathname.startsWith('/coverage');
  const client = useQueryClient();
  const [rec, setRec] = useState<MoveUpRecommendation | null>(null);
  useEffect(() => onStreamEvents((events) => {
    const last = events.filter((e) => e.type === 'coverage.move_up_recommended').at(-1);
    if (last) setRec(last.data as MoveUpRecommendation);
    // An order ended (the unit reached its post, or it was called off): the dispatcher sees it, on any screen.
    const endedText = (m: CoverageMove) => {
      const words = { unit: m.callSign, post: m.postName ?? `${m.to[0].toFixed(4)}, ${m.to[1].toFixed(4)}` };
      return m.state === 'completed' ? t('moveUpPush.ended_completed', words) : m.state === 'superseded' ? t('moveUpPush.ended_superseded', words) : t('moveUpPush.ended_cancelled', words);
    };
    const ended = events.filter((e) => e.type === 'coverage.move_up_ended').map((e) => e.data as CoverageMove);
    for (const m of new Map(ended.map((m) => [m.id, m])).values()) {
      notifications.show({
        id: `move-up-ended-${m.id}`, color: m.state === 'completed' ? 'teal' : 'gray', autoClose: 15_000,
        message: endedText(m),
      });
    }
    if (ended.length > 0) void client.invalidateQueries({ queryKey: ['coverage'] });
  }), [t, client]);
  // One key per recommendation accepted: a retry of the same click never orders twice.
  const key = useRef(crypto.randomUUID());
  const accept = useMutation({
    mutationFn: (r: MoveUpRecommendation) => call(fb.POST('/api/v1/coverage/move-ups', {
      params: { header: once(key.current) },
      body: { jurisdictionId: r.jurisdiction.id, shareBefore: r.before, shareAfter: r.after, moves: r.moves.map((m) => ({ unitId: m.unitId, to: m.to, postName: m.postName, postPlaceId: m.postPlaceId, etaSeconds: m.etaSeconds })) },
    })),
    onSuccess: () => {
      key.current = crypto.randomUUID();
      void client.invalidateQueries({ queryKey: ['coverage'] });
    },
  });
  const shown = rec !== null && !onCoveragePage;
  const ready = shown && mayMove && !accept.isPending && !accept.isSuccess;
  useHotkeys([[SHORTCUTS.acceptMoveUp.keys, () => { if (ready) accept.mutate(rec); }]]);
  if (!shown) return null;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const dismiss = () => { setRec(null); accept.reset(); };
  return (
    <Alert color="red" variant="filled" icon={<IconArrowsMove />} withCloseButton onClose={dismiss} closeButtonLabel={t('moveUpPush.dismiss')} data-testid="move-up-pushed"
      style={{ position: 'fixed', bottom: 16, left: 16, zIndex: 300, maxWidth: 520 }}
      title={t('moveUpPush.title', { jurisdiction: rec.jurisdiction.name, share: percent.format(rec.before), threshold: percent.format(rec.threshold), minutes: rec.minutes })}>
      <Text size="sm">{t('moveUpPush.proposal', { share: percent.format(rec.after), count: rec.moves.length })}</Text>
      <List size="sm" my="xs" c="white" data-testid="move-up-pushed-moves">
        {rec.moves.map((m) => <List.Item key={m.unitId}>{t('moveUpPush.move', { unit: m.callSign, post: m.postName ?? `${m.to[0].toFixed(4)}, ${m.to[1].toFixed(4)}` })}</List.Item>)}
      </List>
      {accept.isSuccess ? <Text size="sm" fw={700} data-testid="move-up-pushed-accepted">{t('moveUpPush.accepted', { count: accept.data.moves.length })}</Text> : mayMove ? (
        <Group gap="sm">
          <Button color="dark" onClick={() => accept.mutate(rec)} loading={accept.isPending} rightSection={<Kbd name="acceptMoveUp" />} data-testid="move-up-pushed-accept">{t('moveUpPush.accept')}</Button>
        </Group>
      ) : <Text size="xs">{t('moveUpPush.notYours')}</Text>}
      {accept.isError && <ErrorState error={accept.error} />}
    </Alert>
  );
}
