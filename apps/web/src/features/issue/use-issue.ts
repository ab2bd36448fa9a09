import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { callPath } from '../../api/http';
import { fieldErrors } from './issue-form';
import { useCommandForm } from './use-command-form';

/** Sends an issue form (see useCommandForm); on success the list is marked stale and the new record opens. */
export function useIssue<Body, Result extends { id: string }>(path: '/directives' | '/campaigns', listKey: readonly unknown[], fields: readonly string[], onDone: () => void) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useCommandForm<Body, Result>((body, idempotencyKey) => callPath<Result>(path, { body, idempotencyKey }), fieldErrors, (created) => {
    void client.invalidateQueries({ queryKey: listKey });
    onDone();
    void navigate(`${path}/${created.id}`);
  });
  return { ...form, unplaced: form.unplaced(fields) };
}
