import type { StaffMember } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { filterStaff, oneTimePassword, refusalDetail, staffAccess } from './staff-list';

const member = (username: string, role: StaffMember['grants'][number]['role'], path: string, kind: StaffMember['kind'] = 'staff'): StaffMember => ({
  id: `id-${username}`, username, displayName: username.toUpperCase(), kind, jurisdictionId: `j-${path}`, jurisdictionPath: path,
  disabled: false, mfaEnrolled: false, createdAt: '2026-12-07T00:00:00Z',
  grants: [{ id: `g-${username}`, role, jurisdictionId: `j-${path}`, jurisdictionPath: path, jurisdictionName: path }],
});
const names: Record<string, string> = { 'li.oberland.vaduz': '瓦杜兹', 'li.unterland.eschen': 'Eschen' };
const roles: Record<string, string> = { dispatcher: '调度员', administrator: 'Administrator' };

describe('staffAccess', () => {
  it('reads with staff:read, manages only with staff:manage', () => {
    expect(staffAccess(['staff:read'])).toEqual({ read: true, manage: false });
    expect(staffAccess(['staff:manage'])).toEqual({ read: true, manage: true });
    expect(staffAccess(['units:read'])).toEqual({ read: false, manage: false });
  });
});

describe('filterStaff', () => {
  const list = [member('zed', 'dispatcher', 'li.oberland.vaduz'), member('cam', 'dispatcher', 'li.oberland.vaduz', 'device'), member('amy', 'administrator', 'li.unterland.eschen')];
  const run = (f: string) => filterStaff(list, f, (r) => roles[r] ?? r, (p) => names[p] ?? p).map((m) => m.username);

  it('keeps staff before devices, each by username', () => expect(run('')).toEqual(['amy', 'zed', 'cam']));
  it('matches the jurisdiction and the role as the screen words them', () => {
    expect(run('瓦杜兹')).toEqual(['zed', 'cam']);
    expect(run('调度员 ZE')).toEqual(['zed']);
    expect(run('eschen')).toEqual(['amy']);
  });
  it('matches a device account by its kind as the screen words it', () => {
    expect(filterStaff(list, '设备', (r) => roles[r] ?? r, (p) => names[p] ?? p, '设备').map((m) => m.username)).toEqual(['cam']);
    expect(run('device')).toEqual(['cam']);
  });
  it('matches nothing that is not there', () => expect(run('nobody')).toEqual([]));
});

describe('oneTimePassword', () => {
  it('encodes the drawn bytes as base64url, long enough for the contract', () => {
    const pw = oneTimePassword((b) => b.fill(255));
    expect(pw).toBe('________________________');
    expect(oneTimePassword().length).toBeGreaterThanOrEqual(12);
    expect(oneTimePassword()).not.toBe(oneTimePassword());
  });
});

describe('refusalDetail', () => {
  const problem = (extra: object) => new ApiError(403, { type: 'about:blank', title: 'Forbidden', status: 403, code: 'FORBIDDEN', ...extra } as never);
  it('says the field messages, named without the body prefix', () => {
    expect(refusalDetail(problem({ detail: 'You cannot disable your own account', errors: [{ path: 'body.disabled', message: 'cannot disable yourself' }] }))).toBe('disabled: cannot disable yourself');
  });
  it('else the detail, else nothing', () => {
    expect(refusalDetail(problem({ detail: 'You may not manage this account: it holds a role on li.oberland' }))).toBe('You may not manage this account: it holds a role on li.oberland');
    expect(refusalDetail(problem({}))).toBeNull();
    expect(refusalDetail(new Error('offline'))).toBeNull();
  });
});
