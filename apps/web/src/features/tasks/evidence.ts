import type { EVIDENCE_MEDIA_TYPES } from '@firebreak/contracts';

/** Copied from the contract (its values would bring zod into the bundle); evidence.test.ts keeps them equal. */
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const satisfies readonly (typeof EVIDENCE_MEDIA_TYPES)[number][];
export const EVIDENCE_LIMIT = 512 * 1024;
export const MAX_EVIDENCE_FILES = 4;

export type EvidenceProblem = 'type' | 'size' | 'count';

/** Why a chosen file would be refused by the server (it checks the bytes too), or null. */
export function evidenceProblem(file: { type: string; size: number }): EvidenceProblem | null {
  if (!(EVIDENCE_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > EVIDENCE_LIMIT) return 'size';
  return null;
}

/** Bytes as base64, in chunks (a spread of 512 KiB into one call would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
