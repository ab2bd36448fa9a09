import type { MoveUpRecommendation } from '@firebreak/contracts';
import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowsMove } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { call, fb, once } from '../../api/http';
import { useMe } from '../../api/queries';
import { Kbd } from '../../shell/Kbd';
import { SHORTCUTS } from '../../shell/shortcuts';
import { ErrorState } from '../../shell/States';

/**
 * The pushed move-up's card (MoveUpPushed.tsx): its chunk is fetched with the first push, not
 * with the first screen. Mounted from then on (hidden on the Coverage page), so an accepted
 * order still reads as accepted after a visit there.
 */
export function MoveUpCard({ rec, shown, onDismiss }: { rec: MoveUpRecommendation; shown: boolean; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const mayMove = me?.permissions.includes('dispatch:assign') ?? false;
  const client = useQueryClient();
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
  const ready = shown && mayMove && !accept.isPending && !accept.isSuccess;
  useHotkeys([[SHORTCUTS.acceptMoveUp.keys, () => { if (ready) accept.mutate(rec); }]]);
  if (!shown) return null;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const dismiss = () => { onDismiss(); accept.reset(); };
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
