import type { Evidence } from '@firebreak/contracts';
import { asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { Queryable } from '../../platform/db/client.js';
import { checkEvidenceFile } from './evidence-file.js';
import { hazardFor } from './hazards.access.js';
import { hazardEvidence } from './hazards.tables.js';

type EvidenceOut = z.infer<typeof Evidence>;

const metadata = {
  id: hazardEvidence.id, hazardId: hazardEvidence.hazardId, filename: hazardEvidence.filename, mediaType: hazardEvidence.mediaType,
  sizeBytes: hazardEvidence.sizeBytes, sha256: hazardEvidence.sha256, caption: hazardEvidence.caption,
  uploadedBy: hazardEvidence.uploadedBy, uploadedAt: hazardEvidence.uploadedAt,
};

/** Attaches a photo or document (evidence of the fix, or of the hazard) to a hazard. */
export async function addEvidence(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  hazardId: string,
  input: { filename: string; mediaType: string; contentBase64: string; caption?: string | undefined },
): Promise<EvidenceOut> {
  const file = checkEvidenceFile(input.mediaType, input.contentBase64);
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const row = await hazardFor(tx, ctx.actor, hazardId, 'hazards:manage');
    const id = uuidv7();
    const uploadedAt = deps.clock();
    await tx.insert(hazardEvidence).values({ id, hazardId, filename: input.filename, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256, caption: input.caption ?? null, content: file.content, uploadedBy: ctx.actor.id, uploadedAt });
    const out: EvidenceOut = { id, hazardId, filename: input.filename, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256, caption: input.caption ?? null, uploadedBy: ctx.actor.id, uploadedAt: uploadedAt.toISOString() };
    record.audit({ action: 'hazards.evidence_added', entityType: 'hazard', entityId: hazardId, jurisdictionPath: row.jurisdictionPath, after: out });
    record.emit({ type: 'hazards.evidence_added', jurisdictionPath: row.jurisdictionPath, data: out });
    return out;
  });
  return result;
}

export async function listEvidence(q: Queryable, hazardId: string): Promise<EvidenceOut[]> {
  const list = await q.select(metadata).from(hazardEvidence).where(eq(hazardEvidence.hazardId, hazardId)).orderBy(asc(hazardEvidence.uploadedAt));
  return list.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() }));
}

export async function evidenceContent(q: Queryable, hazardId: string, id: string) {
  const [row] = await q.select({ hazardId: hazardEvidence.hazardId, mediaType: hazardEvidence.mediaType, filename: hazardEvidence.filename, content: hazardEvidence.content }).from(hazardEvidence).where(eq(hazardEvidence.id, id));
  return row && row.hazardId === hazardId ? row : undefined;
}
