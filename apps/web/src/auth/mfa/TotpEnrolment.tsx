import type { MfaEnrolment, RecoveryCodes } from '@firebreak/contracts';
import { Alert, Button, Code, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { toCanvas } from 'qrcode';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { problemText } from '../../api/http';

/** The otpauth URI as a QR code, drawn on a canvas (no image URL, so nothing for a CSP to allow). */
function QrCode({ value, label }: { value: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) void toCanvas(canvas.current, value, { width: 200, margin: 1, errorCorrectionLevel: 'M' });
  }, [value]);
  return <canvas ref={canvas} role="img" aria-label={label} width={200} height={200} data-testid="mfa-qr" />;
}

/**
 * Setting up an authenticator app: a new secret (QR code and text, shown this once), then a code
 * from the app to confirm it; the server answers the recovery codes. `begin` and `confirm` are the
 * sign-in (ticket) or the account page (session) endpoints.
 */
export function TotpEnrolment<R extends RecoveryCodes>({ begin, confirm, onEnrolled }: {
  begin: () => Promise<MfaEnrolment>;
  confirm: (code: string) => Promise<R>;
  onEnrolled: (result: R) => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  // One secret per mount: no refetching, or the QR code would change under the user's phone.
  const enrolment = useQuery({ queryKey: ['mfa-enrolment'], queryFn: begin, staleTime: Infinity, gcTime: 0, retry: false, refetchOnWindowFocus: false });
  const confirmed = useMutation({ mutationFn: () => confirm(code), onSuccess: onEnrolled, onError: () => setCode('') });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.length === 6) confirmed.mutate();
  };

  if (enrolment.isPending) return <Loader aria-label={t('login.mfa.loading')} />;
  if (enrolment.isError) {
    return <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(enrolment.error, t('errors.generic'))}</Alert>;
  }
  const { secret, otpauthUri, issuer, account } = enrolment.data;
  return (
    <Stack component="form" onSubmit={submit} data-testid="mfa-enrol">
      <Text size="sm">{t('login.mfa.enrolScan')}</Text>
      <QrCode value={otpauthUri} label={t('login.mfa.qrLabel', { issuer, account })} />
      <Text size="sm">{t('login.mfa.enrolManual')}</Text>
      <Code block data-testid="mfa-secret" style={{ wordBreak: 'break-all' }}>{secret.replace(/(.{4})/g, '$1 ').trim()}</Code>
      <Text size="sm" fw={600}>{t('login.mfa.enrolConfirm')}</Text>
      {confirmed.isError && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(confirmed.error, t('errors.generic'))}</Alert>
      )}
      <TextInput label={t('login.mfa.code')} inputMode="numeric" autoComplete="one-time-code" maxLength={7} autoFocus value={code}
        onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))} data-testid="mfa-enrol-code" />
      <Button type="submit" disabled={code.length !== 6} loading={confirmed.isPending} data-testid="mfa-enrol-submit">{t('login.mfa.enrolSubmit')}</Button>
    </Stack>
  );
}
