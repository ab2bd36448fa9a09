import type { MutualAidAgreement } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { agreementBody, sortAgreements, type AgreementDraft } from './agreement-form';

const PATHS: Record<string, string> = { v: 'li.oberland.vaduz', s: 'li.oberland.schaan', o: 'li.oberland' };
const pathOf = (id: string) => PATHS[id];
const draft = (over: Partial<AgreementDraft>): AgreementDraft => ({ providingJurisdictionId: 's', requestingJurisdictionId: 'v', unitKinds: ['fire_engine'], mutual: false, note: '', ...over });

describe('new agreement form', () => {
  it('builds the body, the note trimmed and left out when empty', () => {
    expect(agreementBody(draft({ unitKinds: ['fire_engine', 'ladder'], mutual: true, note: '  night shifts  ' }), pathOf)).toEqual({
      problems: null,
      body: { providingJurisdictionId: 's', requestingJurisdictionId: 'v', unitKinds: ['fire_engine', 'ladder'], mutual: true, note: 'night shifts' },
    });
    expect(agreementBody(draft({ note: '   ' }), pathOf).body).toEqual({ providingJurisdictionId: 's', requestingJurisdictionId: 'v', unitKinds: ['fire_engine'], mutual: false });
  });

  it('says what is missing', () => {
    expect(agreementBody(draft({ providingJurisdictionId: null, requestingJurisdictionId: null, unitKinds: [] }), pathOf).problems).toEqual({
      providingJurisdictionId: 'settings.required', requestingJurisdictionId: 'settings.required', unitKinds: 'settings.required',
    });
  });

  it('refuses the same jurisdiction on both sides, and two one inside the other', () => {
    expect(agreementBody(draft({ requestingJurisdictionId: 's' }), pathOf).problems).toEqual({ requestingJurisdictionId: 'settings.aid.sameSide' });
    expect(agreementBody(draft({ providingJurisdictionId: 'o' }), pathOf).problems).toEqual({ requestingJurisdictionId: 'settings.aid.nested' });
    expect(agreementBody(draft({ requestingJurisdictionId: 'o' }), pathOf).problems).toEqual({ requestingJurisdictionId: 'settings.aid.nested' });
  });
});

describe('agreement list order', () => {
  const agreement = (id: string, createdAt: string, revokedAt: string | null): MutualAidAgreement => ({
    id, providingJurisdictionId: 's', providingJurisdictionPath: 'li.oberland.schaan', requestingJurisdictionId: 'v', requestingJurisdictionPath: 'li.oberland.vaduz',
    unitKinds: ['fire_engine'], mutual: false, note: null, createdBy: null, createdAt, revokedAt, version: 1,
  });

  it('puts agreements in force first, newest first within each', () => {
    const list = [
      agreement('old-revoked', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
      agreement('old-active', '2026-01-02T00:00:00.000Z', null),
      agreement('new-revoked', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'),
      agreement('new-active', '2026-03-03T00:00:00.000Z', null),
    ];
    expect(sortAgreements(list).map((a) => a.id)).toEqual(['new-active', 'old-active', 'new-revoked', 'old-revoked']);
  });
});
