import type { CoverageMove, MoveUpRecommendation } from '@firebreak/contracts';
import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowsMove } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PRESENCE_CATEGORIES } from '../../api/enums';
import { call, fb, once } from '../../api/http';
import { useMe } from '../../api/queries';
import { onStreamEvents } from '../../live/stream-listeners';
import { Kbd } from '../../shell/Kbd';
import { SHORTCUTS } from '../../shell/shortcuts';
import { ErrorState } from '../../shell/States';
import { isStaleMoveUp, shownPush } from './move-up-refresh';

/**
 * The move-up the server pushes (`coverage.move_up_recommended`) when a dispatch took a
 * jurisdiction's coverage below its threshold: shown on whatever screen the dispatcher is on,
 * accepted with one key (A) or the button, dismissed with ×. The Coverage page shows its own
 * alert for the jurisdiction it is looking at, so this one stands aside there. An order that
 * ends (`coverage.move_up_ended`: the unit reached its post by AVL, or a dispatcher ended it)
 * shows as a notification on every screen, the Coverage page included. A dispatcher receives
 * the push of each jurisdiction they look after that lost coverage (a country's and its
 * municipalities'): the widest one is shown. Accepted after a unit it named changed (409
 * `MOVE_UP_UNIT_UNAVAILABLE`), it asks the server again and shows the new recommendation with a
 * line saying why, or says the move-up is no longer needed.
 */
export function MoveUpPushed() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const mayMove = me?.permissions.includes('dispatch:assign') ?? false;
  const onCoveragePage = useLocation().pathname.startsWith('/coverage');
  const client = useQueryClient();
  // The latest push per jurisdiction, in the order they came (the newest last).
  const [recs, setRecs] = useState<ReadonlyMap<string, MoveUpRecommendation>>(new Map());
  const put = (r: MoveUpRecommendation) => setRecs((m) => {
    const next = new Map(m);
    next.delete(r.jurisdiction.id);
    return next.set(r.jurisdiction.id, r);
  });
  const drop = (id: string) => setRecs((m) => { const next = new Map(m); next.delete(id); return next; });
  const rec = shownPush(recs);
  // Why the recommendation shown is not the one accepted (the server's words: which unit changed).
  const [changed, setChanged] = useState<string | null>(null);
  useEffect(() => onStreamEvents((events) => {
    const pushed = events.filter((e) => e.type === 'coverage.move_up_recommended').map((e) => e.data as MoveUpRecommendation);
    if (pushed.length > 0) {
      setRecs((m) => {
        const next = new Map(m);
        for (const r of pushed) { next.delete(r.jurisdiction.id); next.set(r.jurisdiction.id, r); }
        return next;
      });
    }
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
      setChanged(null);
      void client.invalidateQueries({ queryKey: ['coverage'] });
    },
    onError: async (error, r) => {
      if (!isStaleMoveUp(error)) return;
      // A definite refusal: ask again, as the watch asks (schools and kindergartens open now, its unit kinds).
      key.current = crypto.randomUUID();
      const fresh = await call(fb.GET('/api/v1/coverage/move-up', { params: { query: {
        jurisdictionId: r.jurisdiction.id, category: PRESENCE_CATEGORIES.join(','), ...(r.unitKinds ? { unitKinds: r.unitKinds.join(',') } : {}),
      } } })).catch(() => null);
      if (fresh && fresh.below && fresh.moves.length > 0) {
        setChanged(error.message);
        put(fresh);
      } else {
        drop(r.jurisdiction.id);
        notifications.show({ id: `move-up-stale-${r.jurisdiction.id}`, color: fresh ? 'teal' : 'orange', autoClose: 15_000,
          message: fresh ? t('moveUpPush.noLongerNeeded', { why: error.message, jurisdiction: r.jurisdiction.name }) : t('moveUpPush.askAgain', { why: error.message, jurisdiction: r.jurisdiction.name }) });
      }
    },
  });
  const shown = rec !== null && !onCoveragePage;
  const ready = shown && mayMove && !accept.isPending && !accept.isSuccess;
  useHotkeys([[SHORTCUTS.acceptMoveUp.keys, () => { if (ready) accept.mutate(rec); }]]);
  if (!shown) return null;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const dismiss = () => { drop(rec.jurisdiction.id); setChanged(null); accept.reset(); };
  return (
    <Alert color="red" variant="filled" icon={<IconArrowsMove />} withCloseButton onClose={dismiss} closeButtonLabel={t('moveUpPush.dismiss')} data-testid="move-up-pushed"
      style={{ position: 'fixed', bottom: 16, left: 16, zIndex: 300, maxWidth: 520 }}
      title={t('moveUpPush.title', { jurisdiction: rec.jurisdiction.name, share: percent.format(rec.before), threshold: percent.format(rec.threshold), minutes: rec.minutes })}>
      {changed !== null && <Text size="sm" fw={700} data-testid="move-up-pushed-changed">{t('moveUpPush.changed', { why: changed })}</Text>}
      <Text size="sm">{t('moveUpPush.proposal', { share: percent.format(rec.after), count: rec.moves.length })}</Text>
      <List size="sm" my="xs" c="white" data-testid="move-up-pushed-moves">
        {rec.moves.map((m) => <List.Item key={m.unitId}>{t('moveUpPush.move', { unit: m.callSign, post: m.postName ?? `${m.to[0].toFixed(4)}, ${m.to[1].toFixed(4)}` })}</List.Item>)}
      </List>
      {accept.isSuccess ? <Text size="sm" fw={700} data-testid="move-up-pushed-accepted">{t('moveUpPush.accepted', { count: accept.data.moves.length })}</Text> : mayMove ? (
        <Group gap="sm">
          <Button color="dark" onClick={() => accept.mutate(rec)} loading={accept.isPending} rightSection={<Kbd name="acceptMoveUp" />} data-testid="move-up-pushed-accept">{t('moveUpPush.accept')}</Button>
        </Group>
      ) : <Text size="xs">{t('moveUpPush.notYours')}</Text>}
      {accept.isError && !isStaleMoveUp(accept.error) && <ErrorState error={accept.error} />}
    </Alert>
  );
}
