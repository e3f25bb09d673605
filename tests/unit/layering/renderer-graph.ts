import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The renderer's folder graph, read from the source with a regex (every relative `import … from`,
 * `export … from` and side-effect import): which folder imports which. A second opinion on the lint
 * rule, which sees one file at a time and cannot see a cycle between features.
 */

export const RENDERER_SRC = resolve(__dirname, '../../../renderer/src');

/** The layers from the bottom up; an import may stay in its layer or go down, never up. */
const LAYER_RANK = { api: 0, ui: 0, editor: 1, features: 2, root: 3 } as const;
export type Layer = keyof typeof LAYER_RANK;

/** "root", "api", "ui", "editor" or "features/<name>" for a file under renderer/src. */
export function folderOf(file: string): string {
  const [top, second, third] = relative(RENDERER_SRC, file).split(sep);
  if (third === undefined && second === undefined) return 'root';
  return top === 'features' ? `features/${second}` : (top ?? 'root');
}

export function layerOf(folder: string): Layer {
  const top = folder.split('/')[0];
  if (top === 'api' || top === 'ui' || top === 'editor' || top === 'features') return top;
  return 'root';
}

export const isUpward = (from: string, to: string): boolean => LAYER_RANK[layerOf(to)] > LAYER_RANK[layerOf(from)];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const IMPORT_SPEC = /(?:^|\n)\s*(?:import|export)\b[^'"]*?['"](\.{1,2}\/[^'"]+)['"]/g;

export interface ImportEdge {
  from: string;
  to: string;
  file: string;
  spec: string;
}

/** Every import between two different folders of renderer/src. */
export function folderEdges(root = RENDERER_SRC): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(root)) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT_SPEC)) {
      const spec = match[1] ?? '';
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(root + sep)) continue; // shared/ and the styles' fonts are not renderer folders
      // A folder import ("../photos") reaches that folder's index: name a file inside it.
      const from = folderOf(file);
      const to = folderOf(/\.(tsx?|css)$/.test(target) ? target : join(target, 'index.ts'));
      if (from !== to) edges.push({ from, to, file: relative(root, file), spec });
    }
  }
  return edges;
}

/** The features that import each other in a circle, as "a → b → a" strings (none, in a sound tree). */
export function featureCycles(edges: readonly ImportEdge[]): string[] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (layerOf(from) !== 'features' || layerOf(to) !== 'features') continue;
    next.set(from, (next.get(from) ?? new Set()).add(to));
  }
  const cycles: string[] = [];
  const visit = (node: string, path: string[]) => {
    for (const to of next.get(node) ?? []) {
      if (path.includes(to)) cycles.push([...path.slice(path.indexOf(to)), to].join(' → '));
      else visit(to, [...path, to]);
    }
  };
  for (const start of next.keys()) visit(start, [start]);
  return cycles;
}

function resolveModule(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((path) => /\.tsx?$/.test(path) && sourceFileSet(dirname(path)).has(path)) ?? null;
}

const listed = new Map<string, Set<string>>();
function sourceFileSet(dir: string): Set<string> {
  let files = listed.get(dir);
  if (!files) {
    try {
      files = new Set(readdirSync(dir).map((name) => join(dir, name)));
    } catch {
      files = new Set();
    }
    listed.set(dir, files);
  }
  return files;
}

/**
 * Circles between modules under `root`, type-only imports included (they still tie the two files
 * together for every reader and refactoring), each as "a → b → a" relative to root.
 */
export function moduleCycles(root: string): string[] {
  const next = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const targets = [...readFileSync(file, 'utf8').matchAll(IMPORT_SPEC)]
      .map((match) => resolveModule(file, match[1] ?? ''))
      .filter((target): target is string => target !== null && target.startsWith(root + sep));
    next.set(file, targets);
  }
  const cycles: string[] = [];
  const done = new Set<string>();
  const visit = (file: string, path: string[]) => {
    for (const to of next.get(file) ?? []) {
      const at = path.indexOf(to);
      if (at >= 0) cycles.push([...path.slice(at), to].map((p) => relative(root, p)).join(' → '));
      else if (!done.has(to)) visit(to, [...path, to]);
    }
    done.add(file);
  };
  for (const file of next.keys()) if (!done.has(file)) visit(file, [file]);
  return cycles;
}
