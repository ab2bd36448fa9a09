import type { PlaceCategory, UnitKind, Weekday } from '@firebreak/contracts';
import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowsMove } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, once } from '../../api/http';
import { useMe } from '../../api/queries';
import { Kbd } from '../../shell/Kbd';
import { SHORTCUTS } from '../../shell/shortcuts';
import { ErrorState } from '../../shell/States';
import { isStaleMoveUp } from './move-up-refresh';
import { travelClock } from './tiers';

export interface MoveUpAsk { jurisdictionId: string; categories: PlaceCategory[]; window: { hours: string; days: Weekday[] } | null; kinds: UnitKind[] }

/**
 * The move-up alert: when dispatches have taken the jurisdiction's coverage below its threshold,
 * which available units to move to which posts, accepted with one key (A) or the button. Its
 * query is under the page's `coverage` key, so it is recomputed with the coverage on unit events.
 * Accepted after a unit it named changed (409 `MOVE_UP_UNIT_UNAVAILABLE`), it asks again and
 * shows the new recommendation with a line saying why, to check and accept again.
 */
export function MoveUpAlert({ ask }: { ask: MoveUpAsk }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const { data: me } = useMe();
  const mayMove = me?.permissions.includes('dispatch:assign') ?? false;
  const query = {
    jurisdictionId: ask.jurisdictionId,
    ...(ask.categories.length ? { category: ask.categories.join(',') } : {}),
    ...(ask.kinds.length ? { unitKinds: ask.kinds.join(',') } : {}),
    ...(ask.window ? { window: ask.window.hours, days: ask.window.days.join(',') } : {}),
  };
  const rec = useQuery({
    queryKey: ['coverage', 'move-up', query],
    queryFn: () => call(fb.GET('/api/v1/coverage/move-up', { params: { query } })),
  });
  // Why the recommendation shown is not the one accepted (the server's words: which unit changed).
  const [changed, setChanged] = useState<string | null>(null);
  // One key per recommendation accepted: a retry of the same click never orders twice.
  const key = useRef(crypto.randomUUID());
  const accept = useMutation({
    mutationFn: () => {
      const r = rec.data!;
      return call(fb.POST('/api/v1/coverage/move-ups', {
        params: { header: once(key.current) },
        body: { jurisdictionId: ask.jurisdictionId, shareBefore: r.before, shareAfter: r.after, moves: r.moves.map((m) => ({ unitId: m.unitId, to: m.to, postName: m.postName, postPlaceId: m.postPlaceId, etaSeconds: m.etaSeconds })) },
      }));
    },
    onSuccess: () => {
      key.current = crypto.randomUUID();
      setChanged(null);
      void client.invalidateQueries({ queryKey: ['coverage'] });
    },
    onError: (error) => {
      if (!isStaleMoveUp(error)) return;
      // A definite refusal: the next accept is a new request (a new key) on the new recommendation.
      key.current = crypto.randomUUID();
      setChanged(error.message);
      void rec.refetch();
    },
  });
  const r = rec.data;
  const ready = mayMove && r !== undefined && r.below && r.moves.length > 0 && !accept.isPending;
  useHotkeys([[SHORTCUTS.acceptMoveUp.keys, () => { if (ready) accept.mutate(); }]]);

  if (rec.isError) return <ErrorState error={rec.error} onRetry={() => void rec.refetch()} />;
  if (!r || !r.below) {
    return changed === null || rec.isFetching ? null : <Alert color="green" variant="light" data-testid="move-up-changed">{t('coverage.moveUp.changedRestored', { why: changed })}</Alert>;
  }
  // A tenth of a percent: whole percents read "96 %, below the threshold of 96 %" when 96.3 % is set.
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <Alert color="red" variant="light" icon={<IconArrowsMove />} title={t('coverage.moveUp.title', { share: percent.format(r.before), threshold: percent.format(r.threshold), minutes: r.minutes })} data-testid="move-up-alert">
      <Text size="xs" c="dimmed" data-testid="move-up-basis">
        {r.window.asked ? t('coverage.moveUp.basisWindow', { count: r.places, hours: r.window.hours, outside: r.outsideWindow }) : t('coverage.moveUp.basisNow', { count: r.places, hours: r.window.hours, outside: r.outsideWindow })}
        {r.ordered > 0 ? ` ${t('coverage.moveUp.basisOrdered', { count: r.ordered })}` : ''}
      </Text>
      {changed !== null && <Text size="sm" fw={700} my={4} data-testid="move-up-changed">{rec.isFetching ? t('coverage.moveUp.changedFetching', { why: changed }) : t('coverage.moveUp.changed', { why: changed })}</Text>}
      {r.moves.length === 0 ? <Text size="sm">{t('coverage.moveUp.noMove')}</Text> : (
        <>
          <Text size="sm">{t('coverage.moveUp.proposal', { share: percent.format(r.after), count: r.moves.length })}</Text>
          <List size="sm" my="xs" data-testid="move-up-moves">
            {r.moves.map((m) => (
              <List.Item key={m.unitId}>{t('coverage.moveUp.move', { unit: m.callSign, post: m.postName ?? `${m.to[0].toFixed(4)}, ${m.to[1].toFixed(4)}`, eta: m.etaSeconds === null ? '—' : travelClock(m.etaSeconds) })}</List.Item>
            ))}
          </List>
          {mayMove ? (
            <Group gap="sm">
              <Button color="red" onClick={() => accept.mutate()} loading={accept.isPending} rightSection={<Kbd name="acceptMoveUp" />} data-testid="move-up-accept">{t('coverage.moveUp.accept')}</Button>
              {accept.isSuccess && <Text size="sm" c="green.8" data-testid="move-up-accepted">{t('coverage.moveUp.accepted', { count: accept.data.moves.length })}</Text>}
            </Group>
          ) : <Text size="xs" c="dimmed">{t('coverage.moveUp.notYours')}</Text>}
          {accept.isError && !isStaleMoveUp(accept.error) && <ErrorState error={accept.error} />}
        </>
      )}
    </Alert>
  );
}
