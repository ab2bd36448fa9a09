import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './client.js';

describe('embedded data folder lock', () => {
  it('refuses a second process-level opener until the first releases', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fb-lock-'));
    const release = await lockDataDir(dir, 0);
    await expect(lockDataDir(dir, 0)).rejects.toThrow(/in use by another Firebreak process/);
    await release();
    const again = await lockDataDir(dir, 0);
    await again();
  });
});
