import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { ApiError, problemText } from '../../api/http';
import { wordedFields } from './issue-form';

/** Problems by field path, as i18n keys (found here) — the server's come as text. */
export type FormProblems = Record<string, string>;

/**
 * Sends a form as one command: one Idempotency-Key per opened form (a refused attempt is rolled
 * back on the server, so the corrected retry reuses it), problems found here or by the server
 * under their field (`serverFields` maps problem+json `errors[]` to field paths), and anything no
 * shown field carries (forbidden, conflict, network) for the form's alert.
 */
export function useCommandForm<Body, Result>(
  post: (body: Body, idempotencyKey: string) => Promise<Result>,
  serverFields: (errors: readonly { path: string; message: string }[] | undefined) => Record<string, string>,
  onSuccess: (result: Result) => void,
) {
  const { t, i18n } = useTranslation();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [local, setLocal] = useState<FormProblems>({});
  const mutation = useMutation({ mutationFn: (body: Body) => post(body, idempotencyKey), onSuccess });
  const server = mutation.error instanceof ApiError ? wordedFields(serverFields(mutation.error.problem?.errors), mutation.error.problem?.code, i18n.language, (key) => (i18n.exists(key) ? t(key) : null)) : {};
  const errorOf = (field: string): string | undefined => (local[field] ? t(local[field]) : server[field]);
  const unplaced = (shown: readonly string[]) => (mutation.error && !shown.some((f) => server[f]) ? problemText(mutation.error, t('errors.generic')) : null);
  const send = (built: { body: Body; problems: null } | { body: null; problems: FormProblems }) => {
    if (mutation.isPending) return;
    if (built.problems) {
      setLocal(built.problems);
      return;
    }
    setLocal({});
    mutation.mutate(built.body);
  };
  return { send, errorOf, unplaced, pending: mutation.isPending };
}
