import type { Post } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { postOptions } from './post-options';

const post = (id: string, path: string, title: string, holder: string | null): Post => ({
  id, jurisdictionId: `j-${path}`, jurisdictionPath: path, kind: 'duty_post', title, createdAt: '2026-01-01T00:00:00.000Z',
  holder: holder ? { userId: `u-${holder}`, displayName: holder, from: '2026-01-01T00:00:00.000Z', to: null } : null,
});

describe('posts a task can go to', () => {
  const posts = [post('v', 'li.oberland.vaduz', 'Vaduz duty', 'Anna'), post('o', 'li.oberland', 'Region leader', null), post('x', 'li.oberlandx', 'Lookalike', 'Ben'), post('e', 'li.unterland.eschen', 'Eschen duty', 'Carla')];

  it('offers the posts at and under a level, in path order, with their holders', () => {
    expect(postOptions(posts, 'li.oberland', null, 'vacant')).toEqual([
      { value: 'o', label: 'Region leader · vacant (li.oberland)' },
      { value: 'v', label: 'Vaduz duty · Anna (li.oberland.vaduz)' },
    ]);
  });

  it('leaves out the post that has the task, and offers every post when no level is set', () => {
    expect(postOptions(posts, null, 'v').map((o) => o.value)).toEqual(['o', 'x', 'e']);
  });

  it('says where a post is by the jurisdiction\'s name when given one', () => {
    expect(postOptions(posts, 'li.unterland', null, 'vacant', (path) => (path === 'li.unterland.eschen' ? 'Eschen' : path))).toEqual([{ value: 'e', label: 'Eschen duty · Carla (Eschen)' }]);
  });
});
