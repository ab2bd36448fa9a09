import { Anchor, Badge, Button, Card, Drawer, Group, SimpleGrid, Stack, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCalendarPlus, IconCheck, IconClipboardCheck, IconEye, IconGavel, IconLock, IconPhotoPlus, IconPlayerPlay, IconSend, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Link } from 'react-router';
import { call, fb } from '../../api/http';
import { useMe, usePlaces } from '../../api/queries';
import { ErrorState, Loading } from '../../shell/States';
import { offeredActions, type HazardAction } from './hazard-actions';
import { HazardStepModal } from './HazardStepModal';
import { usePlaceName } from '../places/place-name';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

const ICONS: Record<HazardAction, ReactNode> = {
  start: <IconPlayerPlay size={16} aria-hidden />, submit: <IconSend size={16} aria-hidden />, verify: <IconCheck size={16} aria-hidden />,
  reject: <IconX size={16} aria-hidden />, close: <IconLock size={16} aria-hidden />, requestExtension: <IconCalendarPlus size={16} aria-hidden />,
  decideExtension: <IconGavel size={16} aria-hidden />, addEvidence: <IconPhotoPlus size={16} aria-hidden />, supervise: <IconEye size={16} aria-hidden />,
};

export const hazardKeys = {
  one: (id: string) => ['hazards', 'one', id] as const,
  evidence: (id: string) => ['hazards', 'one', id, 'evidence'] as const,
  history: (id: string) => ['hazards', 'one', id, 'history'] as const,
};

/** One hazard in a drawer: what and where, its deadline and extensions, photos, history, and the steps I may take. */
const BELOW_HEADER = { inner: { top: 'var(--fb-header-height)' }, overlay: { top: 'var(--fb-header-height)' } };

export function HazardDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const jurisdictionName = useJurisdictionNames();
  const { t, i18n } = useTranslation();
  const nameOf = usePlaceName();
  const me = useMe().data;
  const hazard = useQuery({ queryKey: hazardKeys.one(id), queryFn: () => call(fb.GET('/api/v1/hazards/{id}', { params: { path: { id } } })) });
  const evidence = useQuery({ queryKey: hazardKeys.evidence(id), queryFn: () => call(fb.GET('/api/v1/hazards/{id}/evidence', { params: { path: { id } } })) });
  const history = useQuery({ queryKey: hazardKeys.history(id), queryFn: () => call(fb.GET('/api/v1/hazards/{id}/history', { params: { path: { id } } })) });
  const [acting, setActing] = useState<HazardAction | null>(null);
  const places = usePlaces();
  const dateTime = (s: string) => new Date(s).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const h = hazard.data;
  const place = h?.placeId ? places.data?.find((p) => p.id === h.placeId) : undefined;
  const placeName = place ? nameOf(place) : h?.placeName ? nameOf(h.placeName) : undefined;
  const offered = h && me ? offeredActions(h, { id: me.id, permissions: me.permissions, grantPaths: me.grants.map((g) => g.jurisdictionPath) }) : [];
  // Nothing this role may do here: one sentence, not a row of disabled buttons.
  const viewOnly = offered.length > 0 && offered.every((o) => !o.enabled && o.why === 'noPermission');

  return (
    // Below the app's fixed header (styles.css .fb-header, 3.5rem): the drawer and its overlay would otherwise cover the
    // navigation, the alerts bell and the language switch, and the drawer's own title would sit over the header's.
    <Drawer opened onClose={onClose} position="right" size="lg" title={<Text fw={700}>{t('hazardWork.detail')}</Text>} closeButtonProps={{ 'aria-label': t('actions.close') }}
      styles={BELOW_HEADER}>
      {hazard.isPending ? <Loading /> : hazard.isError ? <ErrorState error={hazard.error} onRetry={() => void hazard.refetch()} /> : h && (
        <Stack gap="md" data-testid="hazard-detail" data-id={h.id} data-state={h.state}>
          <div>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Title order={2} size="h4" style={{ flex: 1 }}>{h.title}</Title>
              <Badge color={h.grade === 'major' ? 'red' : 'yellow'} variant={h.grade === 'major' ? 'filled' : 'light'} style={{ flexShrink: 0 }}>{t(`hazards.grades.${h.grade}`)}</Badge>
            </Group>
            <Group gap="xs" mt={4}>
              <Badge variant="outline" data-testid="hazard-state">{t(`hazards.states.${h.state}`)}</Badge>
              {h.overdue && <Badge color="red" leftSection={<IconAlertTriangle size={12} aria-hidden />}>{t('place.overdue')}</Badge>}
              {h.stopUse && <Badge color="orange">{t('hazardWork.stopUseOn')}</Badge>}
            </Group>
            <Text size="sm" mt={4}>
              {h.placeId ? <Anchor component={Link} to={`/places/${h.placeId}`} size="sm" data-testid="hazard-detail-place">{placeName}</Anchor> : t('hazardWork.noPlace')}
              {' · '}{jurisdictionName(h.jurisdictionPath)}
            </Text>
            {h.inspectionId && <Text size="sm" mt="xs" c="dimmed" data-testid="hazard-from-inspection">{t('hazardWork.fromInspection')}</Text>}
            {h.description && <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="hazard-description">{h.description}</Text>}
          </div>

          <SimpleGrid cols={2}>
            <Fact label={t('hazards.due')}><Text size="sm" fw={h.overdue ? 700 : undefined} data-testid="hazard-due" data-due={h.dueAt}>{dateTime(h.dueAt)}</Text></Fact>
            <Fact label={t('hazardWork.raised')}><Text size="sm">{dateTime(h.raisedAt)}</Text></Fact>
            {h.escalatedTo && <Fact label={t('hazards.escalation')}><Text size="sm">{jurisdictionName(h.escalatedTo)}</Text></Fact>}
            {h.supervisedBy && <Fact label={t('hazardWork.supervisedBy')}><Text size="sm">{jurisdictionName(h.supervisedBy)}</Text></Fact>}
          </SimpleGrid>
          {(h.rectificationPlan || h.interimControls || h.fixNote || h.verificationNote) && (
            <Card withBorder p="sm">
              {h.rectificationPlan && <Note label={t('hazardWork.plan')} text={h.rectificationPlan} />}
              {h.interimControls && <Note label={t('hazardWork.controls')} text={h.interimControls} />}
              {h.fixNote && <Note label={t('hazardWork.fixNote')} text={h.fixNote} />}
              {h.verificationNote && <Note label={t('hazardWork.verificationNote')} text={h.verificationNote} />}
            </Card>
          )}

          {viewOnly ? <Text size="sm" c="dimmed" data-testid="hazard-view-only">{t('hazardWork.viewOnly')}</Text> : (
          <Group gap="xs" data-testid="hazard-actions">
            {offered.map((o) => {
              const button = (
                <Button key={o.action} size="xs" variant={o.enabled && ['submit', 'verify', 'start'].includes(o.action) ? 'filled' : 'light'} leftSection={ICONS[o.action]}
                  disabled={!o.enabled} onClick={() => setActing(o.action)} data-testid={`hazard-action-${o.action}`} data-enabled={o.enabled}>
                  {t(`hazardWork.action.${o.action}`)}
                </Button>
              );
              return o.enabled ? button : (
                <Tooltip key={o.action} label={t(`hazardWork.why.${o.why}`)} multiline w={260}>
                  <span data-testid={`hazard-why-${o.action}`} data-why={o.why}>{button}</span>
                </Tooltip>
              );
            })}
          </Group>
          )}
          {!viewOnly && offered.filter((o) => !o.enabled).map((o) => (
            <Text key={o.action} size="xs" c="dimmed" data-testid="hazard-why">{t(`hazardWork.action.${o.action}`)}: {t(`hazardWork.why.${o.why}`)}</Text>
          ))}

          {h.extensions.length > 0 && (
            <Card withBorder p="sm" data-testid="hazard-extensions">
              <Title order={3} size="h6" mb={4}>{t('hazardWork.extensions')}</Title>
              {h.extensions.map((e) => (
                <Text key={e.id} size="sm" data-testid="hazard-extension" data-state={e.state}>
                  {t(`hazardWork.extensionState.${e.state}`)} · {t('hazardWork.extensionTo', { date: dateTime(e.requestedDueAt) })} · {e.reason}{e.note ? ` — ${e.note}` : ''}
                </Text>
              ))}
            </Card>
          )}

          <Card withBorder p="sm" data-testid="hazard-evidence">
            <Title order={3} size="h6" mb={4}>{t('hazardWork.photos')}</Title>
            {evidence.isPending ? <Loading /> : evidence.isError ? <ErrorState error={evidence.error} /> : evidence.data.length === 0 ? <Text size="sm" c="dimmed">{t('hazardWork.noPhotos')}</Text> : (
              <Group gap="sm">
                {evidence.data.map((e) => {
                  const href = `/api/v1/hazards/${h.id}/evidence/${e.id}/content`;
                  return (
                    <Anchor key={e.id} href={href} target="_blank" rel="noreferrer" data-testid="hazard-evidence-link" size="xs">
                      {e.mediaType.startsWith('image/') ? <img src={href} alt={e.caption ?? e.filename} style={{ width: 96, height: 72, objectFit: 'cover', display: 'block', borderRadius: 4 }} /> : null}
                      {e.caption ?? e.filename}
                    </Anchor>
                  );
                })}
              </Group>
            )}
          </Card>

          <Card withBorder p="sm" data-testid="hazard-history">
            <Group gap="xs" mb={4}><IconClipboardCheck size={16} aria-hidden /><Title order={3} size="h6">{t('place.history')}</Title></Group>
            {history.isPending ? <Loading /> : history.isError ? <ErrorState error={history.error} /> : (
              <Timeline bulletSize={12} lineWidth={2}>
                {history.data.map((e, i) => (
                  <Timeline.Item key={`${e.at}-${i}`} title={<Text size="sm" fw={600}>{t(`hazardWork.history.${e.action.replace('hazards.', '')}`, { defaultValue: t('hazardWork.history.other') })}</Text>} data-testid="hazard-history-entry" data-action={e.action}>
                    <Text size="xs" c="dimmed">{dateTime(e.at)} · {e.actorName ?? t('place.system')}</Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Card>
          {acting && <HazardStepModal hazard={h} action={acting} onClose={() => setActing(null)} />}
        </Stack>
      )}
    </Drawer>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return <div><Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text>{children}</div>;
}

function Note({ label, text }: { label: string; text: string }) {
  return <Text size="sm"><Text span fw={600}>{label}: </Text><span style={{ whiteSpace: 'pre-wrap' }}>{text}</span></Text>;
}
