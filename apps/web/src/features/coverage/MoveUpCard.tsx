import type { MoveUpRecommendation } from '@firebreak/contracts';
import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowsMove } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { PRESENCE_CATEGORIES } from '../../api/enums';
import { call, fb, once } from '../../api/http';
import { useMe } from '../../api/queries';
import { Kbd } from '../../shell/Kbd';
import { SHORTCUTS } from '../../shell/shortcuts';
import { ErrorState } from '../../shell/States';
import { isStaleMoveUp } from './move-up-refresh';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/**
 * The pushed move-up's card (MoveUpPushed.tsx): its chunk is fetched with the first push, not
 * with the first screen. Mounted from then on (hidden on the Coverage page), so an accepted
 * order still reads as accepted after a visit there. Refused because a unit it named changed
 * (409), it asks again and hands the new recommendation up (`onFresh`), or drops the push
 * (`onGone`) when none is needed any more.
 */
export function MoveUpCard({ rec, shown, onFresh, onGone }: {
  rec: MoveUpRecommendation; shown: boolean; onFresh: (r: MoveUpRecommendation) => void; onGone: (jurisdictionId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const { data: me } = useMe();
  const mayMove = me?.permissions.includes('dispatch:assign') ?? false;
  const client = useQueryClient();
  // Why the recommendation shown is not the one accepted (the server's words: which unit changed).
  const [changed, setChanged] = useState<string | null>(null);
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
        onFresh(fresh);
      } else {
        onGone(r.jurisdiction.id);
        notifications.show({ id: `move-up-stale-${r.jurisdiction.id}`, color: fresh ? 'teal' : 'orange', autoClose: 15_000,
          message: fresh ? t('moveUpPush.noLongerNeeded', { why: error.message, jurisdiction: nameOf(r.jurisdiction.path, r.jurisdiction.name) }) : t('moveUpPush.askAgain', { why: error.message, jurisdiction: nameOf(r.jurisdiction.path, r.jurisdiction.name) }) });
      }
    },
  });
  const ready = shown && mayMove && !accept.isPending && !accept.isSuccess;
  useHotkeys([[SHORTCUTS.acceptMoveUp.keys, () => { if (ready) accept.mutate(rec); }]]);
  if (!shown) return null;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const dismiss = () => { onGone(rec.jurisdiction.id); setChanged(null); accept.reset(); };
  return (
    <Alert color="red" variant="filled" icon={<IconArrowsMove />} withCloseButton onClose={dismiss} closeButtonLabel={t('moveUpPush.dismiss')} data-testid="move-up-pushed"
      style={{ position: 'fixed', bottom: 16, left: 16, zIndex: 300, maxWidth: 520 }}
      title={t('moveUpPush.title', { jurisdiction: nameOf(rec.jurisdiction.path, rec.jurisdiction.name), share: percent.format(rec.before), threshold: percent.format(rec.threshold), minutes: rec.minutes })}>
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
