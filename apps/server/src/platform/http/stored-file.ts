import type { FastifyReply } from 'fastify';

/** Sends an uploaded file back as a download: its checked type, a safe file name, never sniffed. */
export function sendStoredFile(reply: FastifyReply, file: { mediaType: string; filename: string; content: Buffer | Uint8Array }) {
  return reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename="${file.filename.replaceAll(/[^\w.-]/g, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(file.content));
}
