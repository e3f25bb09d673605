import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { featureCycles, folderEdges, isUpward, moduleCycles, RENDERER_SRC, type ImportEdge } from './renderer-graph';

const describeEdge = ({ file, spec }: ImportEdge) => `${file} imports ${spec}`;

describe("the renderer's folder graph", () => {
  const edges = folderEdges();

  it('reads the imports it judges', () => {
    // Guards against a regex that silently finds nothing, which would make the checks below vacuous.
    expect(edges.some((edge) => edge.from === 'features/drafts' && edge.to === 'editor')).toBe(true);
    expect(edges.some((edge) => edge.from === 'root' && edge.to === 'features/photos')).toBe(true);
  });

  it('has no upward import (root > features > editor > ui, api)', () => {
    expect(edges.filter((edge) => isUpward(edge.from, edge.to)).map(describeEdge)).toEqual([]);
  });

  it('has no cycle between features', () => {
    expect(featureCycles(edges)).toEqual([]);
  });

  it('has features reach each other only through their public entry', () => {
    const deep = edges.filter((edge) => edge.to.startsWith('features/') && !/^\.\.\/[^/]+(\/index)?$|\/features\/[^/]+(\/index)?$/.test(edge.spec));
    expect(deep.map(describeEdge)).toEqual([]);
  });
});

describe('module cycles', () => {
  it('none in the renderer, type-only imports included (PhotoNode and PhotoView were one)', () => {
    expect(moduleCycles(RENDERER_SRC)).toEqual([]);
  });

  it('none in shared/ (credit and credit-pattern were one)', () => {
    expect(moduleCycles(resolve(RENDERER_SRC, '../../shared'))).toEqual([]);
  });
});
