import { describe, expect, it } from 'vitest';
import { mayAdministerAccounts, mayManageAccount, mayMintTokenFor, mayRedrawBoundary, outOfReach, type Actor, type ActorGrant } from './access.js';

const grant = (role: ActorGrant['role'], path: string): ActorGrant => ({ id: `${role}@${path}`, role, jurisdictionId: path, path, jurisdictionName: path });
const actorWith = (grants: ActorGrant[], via: Actor['via'] = { kind: 'session', sessionId: 's' }): Actor => ({ id: 'u', username: 'u', displayName: 'u', kind: 'staff', via, grants });
const account = (homePath: string, ...grantPaths: string[]) => ({ homePath, grantPaths });

const vaduzAdmin = actorWith([grant('administrator', 'li.oberland.vaduz')]);
const oberlandAdmin = actorWith([grant('administrator', 'li.oberland')]);
const nationalAdmin = actorWith([grant('administrator', 'li')]);

describe('who may manage an account (access.ts mayManageAccount)', () => {
  it('lets an administrator manage an account homed and granted wholly within their subtree', () => {
    expect(mayManageAccount(vaduzAdmin, account('li.oberland.vaduz', 'li.oberland.vaduz'))).toBe(true);
    expect(mayManageAccount(vaduzAdmin, account('li.oberland.vaduz.station_1', 'li.oberland.vaduz.station_1'))).toBe(true);
    expect(mayManageAccount(oberlandAdmin, account('li.oberland.vaduz', 'li.oberland.schaan', 'li.oberland'))).toBe(true);
    expect(mayManageAccount(vaduzAdmin, account('li.oberland.vaduz'))).toBe(true);
  });

  it('refuses an account homed in the subtree that holds a role above or beside it: the national administrator homed in Vaduz', () => {
    expect(mayManageAccount(vaduzAdmin, account('li.oberland.vaduz', 'li'))).toBe(false);
    expect(outOfReach(vaduzAdmin, account('li.oberland.vaduz', 'li.oberland.vaduz', 'li'))).toBe('li');
    expect(mayManageAccount(vaduzAdmin, account('li.oberland.vaduz', 'li.oberland'))).toBe(false);
    expect(mayManageAccount(vaduzAdmin, account('li.oberland.vaduz', 'li.oberland.schaan'))).toBe(false);
    expect(mayManageAccount(oberlandAdmin, account('li.oberland.vaduz', 'li.unterland.eschen'))).toBe(false);
    expect(mayManageAccount(nationalAdmin, account('li.oberland.vaduz', 'li', 'li.unterland.eschen'))).toBe(true);
  });

  it('refuses an account homed outside, whatever it holds; the home is named first', () => {
    expect(outOfReach(vaduzAdmin, account('li.oberland', 'li.oberland.vaduz'))).toBe('li.oberland');
    expect(mayManageAccount(vaduzAdmin, account('li.oberland.schaan'))).toBe(false);
  });

  it('counts only grants that carry staff:manage, and lets disjoint subtrees cover an account together', () => {
    const commanderAndAdmin = actorWith([grant('commander', 'li'), grant('administrator', 'li.oberland.vaduz')]);
    expect(mayManageAccount(commanderAndAdmin, account('li.oberland.vaduz', 'li.oberland'))).toBe(false);
    const twoTowns = actorWith([grant('administrator', 'li.oberland.vaduz'), grant('administrator', 'li.unterland.eschen')]);
    expect(mayManageAccount(twoTowns, account('li.oberland.vaduz', 'li.unterland.eschen'))).toBe(true);
    expect(mayManageAccount(twoTowns, account('li.oberland.vaduz', 'li.unterland'))).toBe(false);
  });

  it('does not mistake a name that merely starts like the subtree for part of it', () => {
    expect(mayManageAccount(vaduzAdmin, account('li.oberland.vaduzer_berg'))).toBe(false);
  });
});

describe('who may administer accounts at all (access.ts mayAdministerAccounts)', () => {
  it('allows a session and the server itself, never an API token', () => {
    expect(mayAdministerAccounts(nationalAdmin)).toBe(true);
    expect(mayAdministerAccounts(actorWith(nationalAdmin.grants, { kind: 'system' }))).toBe(true);
    expect(mayAdministerAccounts(actorWith(nationalAdmin.grants, { kind: 'token', tokenId: 't' }))).toBe(false);
  });
});

describe('for whom an API token may be minted (access.ts mayMintTokenFor)', () => {
  it('for oneself or a device account; never for another person, whose name it would act under', () => {
    expect(mayMintTokenFor(vaduzAdmin, { id: 'u', kind: 'staff' })).toBe(true);
    expect(mayMintTokenFor(vaduzAdmin, { id: 'gateway', kind: 'device' })).toBe(true);
    expect(mayMintTokenFor(nationalAdmin, { id: 'dispatcher', kind: 'staff' })).toBe(false);
  });
});

describe('who may redraw a boundary (access.ts mayRedrawBoundary)', () => {
  it("only an administrator of the parent: not the jurisdiction's own, whose reach it would move", () => {
    expect(mayRedrawBoundary(vaduzAdmin, 'li.oberland.vaduz')).toBe(false);
    expect(mayRedrawBoundary(vaduzAdmin, 'li.oberland.vaduz.station_1')).toBe(true);
    expect(mayRedrawBoundary(oberlandAdmin, 'li.oberland.vaduz')).toBe(true);
    expect(mayRedrawBoundary(oberlandAdmin, 'li.oberland')).toBe(false);
    expect(mayRedrawBoundary(actorWith([grant('commander', 'li')]), 'li.oberland')).toBe(false);
  });

  it('a root has no parent: its own national administrator redraws it', () => {
    expect(mayRedrawBoundary(nationalAdmin, 'li')).toBe(true);
    expect(mayRedrawBoundary(oberlandAdmin, 'li')).toBe(false);
  });
});
