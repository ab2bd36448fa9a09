import { describe, expect, it } from 'vitest';
import { idsBelowRoots, type TreeNode } from './jurisdiction-tree';

const node = (id: string, ...children: TreeNode[]): TreeNode => ({ id, children });

describe('idsBelowRoots', () => {
  // li: two regions, each with municipalities, one of which has a station below (a third level).
  const tree = [node('li', node('oberland', node('vaduz', node('vaduz-station')), node('schaan')), node('unterland', node('eschen')))];

  it('takes the two levels below the roots, never the roots themselves nor a third level', () => {
    expect(idsBelowRoots(tree, 2, 80)).toEqual(['oberland', 'vaduz', 'schaan', 'unterland', 'eschen']);
  });

  it('leaves room for the roots within the limit', () => {
    expect(idsBelowRoots(tree, 2, 3)).toEqual(['oberland', 'vaduz']);
    expect(idsBelowRoots([node('a'), node('b')], 2, 2)).toEqual([]);
  });
});
