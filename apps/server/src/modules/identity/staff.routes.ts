import { AddGrantBody, ApiToken, CreateApiTokenBody, CreateStaffBody, CreatedApiToken, IdParams, StaffListQuery, StaffMember, UpdateStaffBody } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import { subtreeFilter } from '../jurisdictions/index.js';
import { createStaff } from './create-staff.js';
import { grantRole, revokeGrant } from './grant-role.js';
import { visibleStaff } from './staff.access.js';
import { listStaff } from './staff.queries.js';
import { updateStaff } from './update-staff.js';

const GrantParams = z.strictObject({ id: z.uuid(), grantId: z.uuid() });
const TokenParams = z.strictObject({ id: z.uuid(), tokenId: z.uuid() });

export async function staffRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['staff'];

  r.get('/staff', {
    schema: { operationId: 'listStaff', tags, summary: 'Staff and device accounts in my scope', querystring: StaffListQuery, response: { 200: z.array(StaffMember) } },
    config: { access: 'staff:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const underPath = await subtreeFilter(platform.db, actor, 'staff:read', request.query.jurisdictionId);
    return listStaff(platform.db, scopeRoots(actor, 'staff:read'), { underPath, limit: request.query.limit, offset: request.query.offset });
  });

  r.get('/staff/:id', {
    schema: { operationId: 'getStaff', tags, summary: 'One account with its grants', params: IdParams, response: { 200: StaffMember } },
    config: { access: 'staff:read' },
  }, async (request) => visibleStaff(platform.db, actorOf(request), request.params.id));

  r.post('/staff', {
    schema: { operationId: 'createStaff', errors: ['CONFLICT', 'DUTIES_NOT_SEPARATED'], tags, summary: 'Create an account (administrators, within their scope)', body: CreateStaffBody, response: { 201: StaffMember } },
    config: { access: 'staff:manage' },
  }, async (request, reply) => reply.status(201).send(await createStaff(platform.command, commandContext(request), request.body)));

  r.patch('/staff/:id', {
    schema: { operationId: 'updateStaff', errors: ['CONFLICT'], tags, summary: 'Rename, disable/enable or reset the password of an account', params: IdParams, body: UpdateStaffBody, response: { 200: StaffMember } },
    config: { access: 'staff:manage' },
  }, async (request) => updateStaff(platform.command, commandContext(request), request.params.id, request.body));

  r.post('/staff/:id/grants', {
    schema: { operationId: 'grantRole', errors: ['CONFLICT', 'GRANT_OWN_ACCOUNT', 'DUTIES_NOT_SEPARATED'], tags, summary: 'Grant a role on a jurisdiction', params: IdParams, body: AddGrantBody, response: { 201: StaffMember } },
    config: { access: 'staff:manage' },
  }, async (request, reply) => reply.status(201).send(await grantRole(platform.command, commandContext(request), request.params.id, request.body, platform.config.mfa.requiredRoles)));

  r.delete('/staff/:id/grants/:grantId', {
    schema: { operationId: 'revokeGrant', errors: ['GRANT_OWN_ACCOUNT'], tags, summary: 'Revoke a role grant', params: GrantParams, response: { 200: StaffMember } },
    config: { access: 'staff:manage' },
  }, async (request) => revokeGrant(platform.command, commandContext(request), request.params.id, request.params.grantId));

  r.get('/staff/:id/tokens', {
    schema: { operationId: 'listStaffTokens', tags, summary: "An account's API tokens", params: IdParams, response: { 200: z.array(ApiToken) } },
    config: { access: 'staff:manage' },
  }, async (request) => listApiTokens(platform.db, actorOf(request), request.params.id));

  r.post('/staff/:id/tokens', {
    schema: { operationId: 'createStaffToken', errors: ['CONFLICT'], tags, summary: 'Create an API token for a device account (shown once); a person creates their own with POST /auth/tokens', params: IdParams, body: CreateApiTokenBody, response: { 201: CreatedApiToken } },
    config: { access: 'staff:manage' },
  }, async (request, reply) => reply.status(201).send(await createApiToken(platform.command, commandContext(request), request.params.id, request.body, { maxDays: platform.config.apiTokenMaxDays })));

  r.delete('/staff/:id/tokens/:tokenId', {
    schema: { operationId: 'revokeStaffToken', tags, summary: "Revoke one API token of an account wholly within your reach (a stolen device token, without disabling the device); audited, `auth.token_revoked`", params: TokenParams, response: { 204: z.null() } },
    config: { access: 'staff:manage' },
  }, async (request, reply) => {
    await revokeApiToken(platform.command, commandContext(request), request.params.id, request.params.tokenId);
    return reply.status(204).send(null);
  });
}
