import type { CoverageMove, MoveUpRecommendation } from '@firebreak/contracts';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useLocation } from 'react-router';
import { onStreamEvents } from '../../live/stream-listeners';
import type { MoveUpCard as Card } from './MoveUpCard';
import { shownPush } from './move-up-refresh';

// The card (Alert, list, accept with its key) comes with the first push, not with the first screen
// (docs/benchmarks.md, "Initial JS"): most shifts see no push at all.
const loadCard = () => import('./MoveUpCard');

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
  const { t } = useTranslation();
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
  const [MoveUpCard, setCard] = useState<typeof Card | null>(null);
  useEffect(() => onStreamEvents((events) => {
    const pushed = events.filter((e) => e.type === 'coverage.move_up_recommended').map((e) => e.data as MoveUpRecommendation);
    if (pushed.length > 0) {
      setRecs((m) => {
        const next = new Map(m);
        for (const r of pushed) { next.delete(r.jurisdiction.id); next.set(r.jurisdiction.id, r); }
        return next;
      });
      // A failed fetch (a deploy replaced the chunk) is tried again with the next push.
      void loadCard().then((m) => setCard(() => m.MoveUpCard), (err: unknown) => console.error('move-up card unavailable', err));
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
  if (!rec || !MoveUpCard) return null;
  return <MoveUpCard rec={rec} shown={!onCoveragePage} onFresh={put} onGone={drop} />;
}
