import type { Attachment } from '@firebreak/contracts';
import { asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { Queryable } from '../../platform/db/client.js';
import { checkEvidenceFile } from '../hazards/index.js';
import { findInspection } from './inspections.queries.js';
import { inspectionAttachments } from './inspections.tables.js';

type AttachmentOut = z.infer<typeof Attachment>;

const metadata = {
  id: inspectionAttachments.id, inspectionId: inspectionAttachments.inspectionId, itemKey: inspectionAttachments.itemKey,
  filename: inspectionAttachments.filename, mediaType: inspectionAttachments.mediaType, sizeBytes: inspectionAttachments.sizeBytes,
  sha256: inspectionAttachments.sha256, uploadedBy: inspectionAttachments.uploadedBy, uploadedAt: inspectionAttachments.uploadedAt,
};

/** Adds a photo or document to an inspection; same type and size limits as hazard evidence. */
export async function attachFile(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  inspectionId: string,
  input: { filename: string; mediaType: string; contentBase64: string; itemKey?: string | undefined },
): Promise<AttachmentOut> {
  const file = checkEvidenceFile(input.mediaType, input.contentBase64);
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const inspection = await findInspection(tx, inspectionId);
    if (!inspection || !can(ctx.actor, 'places:read', inspection.jurisdictionPath)) throw notFound('Inspection');
    if (!can(ctx.actor, 'inspections:record', inspection.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not record inspections in ${inspection.jurisdictionPath}`);
    if (input.itemKey && !inspection.answers.some((a) => a.itemKey === input.itemKey)) throw invalidField('body.itemKey', 'not an item answered in this inspection');
    const id = uuidv7();
    const uploadedAt = deps.clock();
    await tx.insert(inspectionAttachments).values({ id, inspectionId, itemKey: input.itemKey ?? null, filename: input.filename, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256, content: file.content, uploadedBy: ctx.actor.id, uploadedAt });
    const out: AttachmentOut = { id, inspectionId, itemKey: input.itemKey ?? null, filename: input.filename, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256, uploadedBy: ctx.actor.id, uploadedAt: uploadedAt.toISOString() };
    record.audit({ action: 'inspections.file_attached', entityType: 'inspection', entityId: inspectionId, jurisdictionPath: inspection.jurisdictionPath, after: out });
    return out;
  });
  return result;
}

export async function listAttachments(q: Queryable, inspectionId: string): Promise<AttachmentOut[]> {
  const list = await q.select(metadata).from(inspectionAttachments).where(eq(inspectionAttachments.inspectionId, inspectionId)).orderBy(asc(inspectionAttachments.uploadedAt), asc(inspectionAttachments.id));
  return list.map((a) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() }));
}

export async function attachmentContent(q: Queryable, inspectionId: string, id: string) {
  const [row] = await q.select({ inspectionId: inspectionAttachments.inspectionId, mediaType: inspectionAttachments.mediaType, filename: inspectionAttachments.filename, content: inspectionAttachments.content }).from(inspectionAttachments).where(eq(inspectionAttachments.id, id));
  return row && row.inspectionId === inspectionId ? row : undefined;
}
