import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Publishing is split by concern; these folders may lean only on the ones listed, so the graph
// stays one-way (no cycles) and a CMS never reaches into another CMS. The top level
// (handlers, job dispatch, inputs, connection test) is the only place that spans them all, and no
// folder imports it back.
const PUBLISHING = resolve('electron/main/services/publishing');
const ALLOWED: Record<string, readonly string[]> = {
  http: [],
  targets: [],
  remote: ['http', 'outbox'],
  export: ['http'],
  outbox: ['http'],
  wordpress: ['http', 'remote', 'export', 'outbox'],
  ghost: ['http', 'remote', 'export', 'outbox'],
  // Bringing posts in reads each CMS through its own API module, and writes the records a push leaves.
  import: ['http', 'remote', 'targets', 'wordpress', 'ghost'],
};
const TOP = '(top level)';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The publishing folder a file sits in, or null when it is outside publishing. */
function folderOf(path: string): string | null {
  const inside = relative(PUBLISHING, path);
  if (inside.startsWith('..')) return null;
  const parts = inside.split('/');
  return parts.length > 1 ? (parts[0] ?? TOP) : TOP;
}

/** Every folder-to-folder import edge, as "from -> to" with the file that makes it. */
function folderEdges(): Map<string, string> {
  const edges = new Map<string, string>();
  for (const file of sourceFiles(PUBLISHING)) {
    const from = folderOf(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const to = folderOf(resolve(dirname(file), match[1] ?? ''));
      if (from && to && from !== to) edges.set(`${from} -> ${to}`, relative(PUBLISHING, file));
    }
  }
  return edges;
}

/** A cycle in the graph as a path of names, or null. */
function cycleIn(edges: Iterable<[string, string]>): string[] | null {
  const next = new Map<string, string[]>();
  for (const [from, to] of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]): string[] | null => {
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    if (state.get(node) === 'done') return null;
    state.set(node, 'open');
    for (const to of next.get(node) ?? []) {
      const found = visit(to, [...path, node]);
      if (found) return found;
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of next.keys()) {
    const found = visit(node, []);
    if (found) return found;
  }
  return null;
}

describe('publishing folders', () => {
  const edges = folderEdges();

  it('import only the folders they are allowed to lean on', () => {
    const refused = [...edges].filter(([edge]) => {
      const [from = '', to = ''] = edge.split(' -> ');
      return from !== TOP && !(ALLOWED[from] ?? []).includes(to);
    });
    expect(refused.map(([edge, file]) => `${edge} (in ${file})`)).toEqual([]);
  });

  it('form no cycle', () => {
    expect(cycleIn([...edges.keys()].map((edge) => edge.split(' -> ') as [string, string]))).toBeNull();
  });

  it('every folder is named in the allowed list (a new one must say what it leans on)', () => {
    const folders = readdirSync(PUBLISHING, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('the cycle check finds a cycle (so a passing check means something)', () => {
    expect(cycleIn([['ghost', 'wordpress'], ['wordpress', 'remote'], ['remote', 'ghost']])).toEqual(['ghost', 'wordpress', 'remote', 'ghost']);
    expect(cycleIn([['ghost', 'remote'], ['wordpress', 'remote']])).toBeNull();
  });
});
