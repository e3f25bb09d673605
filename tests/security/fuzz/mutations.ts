import fc from 'fast-check';
import { HUGE_KEY, PATH_STRINGS, PROTOTYPE_KEYS, SPECIAL_NUMBERS, hostileValue, nearMisses, tooLongString } from './hostile-values';

/**
 * Mutations of a valid request: the most telling fuzz input, because it gets past the first check
 * (is it an object?) and tests each field's rule. One to three steps are applied to a copy of the
 * sample, each at a field picked from what the request holds at that point.
 */

type Key = string | number;
type Path = readonly Key[];

const OPERATIONS = ['drop-key', 'add-key', 'swap-type', 'out-of-range', 'too-long', 'path-in-string', 'wrong-enum', 'wrap', 'whole'] as const;
export type MutationKind = (typeof OPERATIONS)[number];

interface Step {
  operation: MutationKind;
  /** Which field (modulo the fields there are), and which key of it. */
  pick: number;
  keyPick: number;
  key: string;
  value: unknown;
  number: number;
  long: string;
  pathString: string;
}

const step: fc.Arbitrary<Step> = fc.record({
  operation: fc.constantFrom(...OPERATIONS),
  pick: fc.nat(),
  keyPick: fc.nat(),
  key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'extra', 'id', 'then', 'toJSON', HUGE_KEY), fc.string({ unit: 'binary', minLength: 1, maxLength: 16 })),
  value: hostileValue,
  number: fc.constantFrom(...SPECIAL_NUMBERS),
  long: tooLongString,
  pathString: fc.constantFrom(...PATH_STRINGS),
});

function isContainer(value: unknown): value is Record<Key, unknown> {
  return typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);
}

/**
 * Every field path of a request (the root is []), breadth-first. Only the copy of the sample is
 * walked: a hostile value put in by an earlier step may be shared between runs (the deep constants)
 * and must never be changed.
 */
function fieldPaths(root: unknown, owned: WeakSet<object>): Path[] {
  const paths: Path[] = [[]];
  for (let at = 0; at < paths.length; at += 1) {
    const path = paths[at]!;
    const value = valueAt(root, path);
    if (!isContainer(value) || !owned.has(value)) continue;
    for (const key of Object.keys(value)) paths.push([...path, Array.isArray(value) ? Number(key) : key]);
  }
  return paths;
}

function ownedContainers(root: unknown, owned = new WeakSet<object>()): WeakSet<object> {
  if (isContainer(root)) {
    owned.add(root);
    for (const value of Object.values(root)) ownedContainers(value, owned);
  }
  return owned;
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) value = (value as Record<Key, unknown>)[key];
  return value;
}

/** Sets as an own property even for "__proto__", the way JSON.parse and structured clone deliver it. */
function setOwn(target: Record<Key, unknown>, key: Key, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function replaceAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  setOwn(valueAt(root, path.slice(0, -1)) as Record<Key, unknown>, path[path.length - 1]!, value);
  return root;
}

function pickPath(paths: readonly Path[], pick: number, accept: (value: unknown, path: Path) => boolean, root: unknown): Path | null {
  const fitting = paths.filter((path) => accept(valueAt(root, path), path));
  return fitting.length === 0 ? null : fitting[pick % fitting.length]!;
}

const NOT_APPLICABLE = Symbol('not applicable');

/** A step that finds nothing to change (no string field, say) adds an unknown key instead, so no run is wasted. */
function applyStep(root: unknown, s: Step, owned: WeakSet<object>): unknown {
  const changed = applyIfPossible(root, s, owned);
  if (changed !== NOT_APPLICABLE) return changed;
  const fallback = applyIfPossible(root, { ...s, operation: 'add-key' }, owned);
  return fallback === NOT_APPLICABLE ? s.value : fallback;
}

function applyIfPossible(root: unknown, s: Step, owned: WeakSet<object>): unknown {
  const paths = fieldPaths(root, owned);
  const isOwned = (value: unknown) => isContainer(value) && owned.has(value);
  const nonRoot = (_value: unknown, path: Path) => path.length > 0;
  const isString = (value: unknown, path: Path) => path.length > 0 && typeof value === 'string';
  switch (s.operation) {
    case 'drop-key': {
      const path = pickPath(paths, s.pick, (value) => isOwned(value) && Object.keys(value as object).length > 0, root);
      if (!path) return NOT_APPLICABLE;
      const container = valueAt(root, path) as Record<Key, unknown>;
      const keys = Object.keys(container);
      if (Array.isArray(container)) container.splice(s.keyPick % keys.length, 1);
      else delete container[keys[s.keyPick % keys.length]!];
      return root;
    }
    case 'add-key': {
      const path = pickPath(paths, s.pick, (value) => isOwned(value) && !Array.isArray(value), root);
      if (!path) return NOT_APPLICABLE;
      setOwn(valueAt(root, path) as Record<Key, unknown>, s.key, s.value);
      return root;
    }
    case 'out-of-range': {
      const path = pickPath(paths, s.pick, (value, p) => p.length > 0 && typeof value === 'number', root) ?? pickPath(paths, s.pick, nonRoot, root);
      return path ? replaceAt(root, path, s.number) : NOT_APPLICABLE;
    }
    case 'too-long': {
      const path = pickPath(paths, s.pick, isString, root);
      return path ? replaceAt(root, path, s.long) : NOT_APPLICABLE;
    }
    case 'path-in-string': {
      const path = pickPath(paths, s.pick, isString, root);
      return path ? replaceAt(root, path, s.pathString) : NOT_APPLICABLE;
    }
    case 'wrong-enum': {
      const path = pickPath(paths, s.pick, isString, root);
      if (!path) return NOT_APPLICABLE;
      const misses = nearMisses(valueAt(root, path) as string);
      return replaceAt(root, path, misses[s.keyPick % misses.length]);
    }
    case 'wrap': {
      const path = paths[s.pick % paths.length]!;
      const value = valueAt(root, path);
      return replaceAt(root, path, s.keyPick % 2 === 0 ? [value] : { value });
    }
    case 'whole': {
      // The request in another shape: in an array, as JSON text, as entries, as a Map.
      const entries = () => (typeof root === 'object' && root !== null ? Object.entries(root) : [['value', root]]);
      const forms = [() => [root], () => jsonText(root), entries, () => new Map(entries() as [unknown, unknown][])];
      return forms[s.keyPick % forms.length]!();
    }
    case 'swap-type': {
      const path = pickPath(paths, s.pick, nonRoot, root);
      return path ? replaceAt(root, path, s.value) : NOT_APPLICABLE;
    }
  }
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return '{"unserialisable": true}';
  }
}

export interface Mutation {
  payload: unknown;
  kinds: MutationKind[];
}

/** One to three mutation steps applied to a fresh copy of `sample`. */
export function mutationOf(sample: unknown): fc.Arbitrary<Mutation> {
  return fc.array(step, { minLength: 1, maxLength: 3 }).map((steps) => {
    let payload: unknown = structuredClone(sample);
    const owned = ownedContainers(payload);
    for (const s of steps) payload = applyStep(payload, s, owned);
    return { payload, kinds: steps.map((s) => s.operation) };
  });
}
