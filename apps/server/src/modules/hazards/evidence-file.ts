import { createHash } from 'node:crypto';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MEDIA_TYPES } from '@firebreak/contracts';
import { AppError, invalidField } from '../../errors.js';

type MediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/** What each accepted type's first bytes must be: the declared type is never taken on trust. */
const SIGNATURES: Record<MediaType, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export interface CheckedFile {
  content: Buffer;
  mediaType: MediaType;
  sizeBytes: number;
  sha256: string;
}

/** Decodes an uploaded file and enforces the type and size limits, naming the field at fault. */
export function checkEvidenceFile(mediaType: string, contentBase64: string): CheckedFile {
  if (!(EVIDENCE_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', `body.mediaType: ${mediaType} is not accepted; use one of ${EVIDENCE_MEDIA_TYPES.join(', ')}`, {
      fields: [{ path: 'body.mediaType', message: `must be one of ${EVIDENCE_MEDIA_TYPES.join(', ')}` }],
    });
  }
  if (!BASE64.test(contentBase64)) throw invalidField('body.contentBase64', 'is not valid base64');
  const content = Buffer.from(contentBase64, 'base64');
  if (content.length > EVIDENCE_MAX_BYTES) {
    throw new AppError('UPLOAD_TOO_LARGE', `body.contentBase64: the file is ${content.length} bytes; at most ${EVIDENCE_MAX_BYTES} are accepted`, {
      fields: [{ path: 'body.contentBase64', message: `at most ${EVIDENCE_MAX_BYTES} bytes` }],
    });
  }
  const type = mediaType as MediaType;
  if (!SIGNATURES[type](content)) {
    throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', `body.contentBase64: the content is not a ${type} file`, {
      fields: [{ path: 'body.contentBase64', message: `content is not ${type}` }],
    });
  }
  return { content, mediaType: type, sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}
