import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { Actor } from '../auth/access.js';
import type { CommandContext } from '../command.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

/**
 * The command context of an authenticated request. When the client sends an Idempotency-Key,
 * a retry of the same request returns the first answer instead of acting twice.
 */
export function commandContext(request: FastifyRequest): CommandContext & { actor: Actor } {
  if (!request.actor) throw new AppError('AUTH_REQUIRED');
  const key = request.headers['idempotency-key'];
  const ctx: CommandContext & { actor: Actor } = { actor: request.actor, requestId: request.id };
  if (typeof key === 'string') {
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new AppError('VALIDATION_FAILED', 'header.idempotency-key: 8-200 characters of A-Z a-z 0-9 . _ : -', {
        fields: [{ path: 'header.idempotency-key', message: '8-200 characters of A-Z a-z 0-9 . _ : -' }],
      });
    }
    ctx.idempotency = {
      key,
      operation: `${request.method} ${request.routeOptions.url ?? request.url}`,
      request: { params: request.params ?? null, body: request.body ?? null },
    };
  }
  return ctx;
}
