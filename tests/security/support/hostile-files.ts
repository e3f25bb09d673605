/**
 * Ways a stored JSON file can turn hostile: hand edits, a sync tool, a disk that returned garbage.
 * Each takes the valid text of a file the app wrote and returns what is put in its place.
 */
export type Mutation = (valid: string) => Buffer;

// Deep enough to overflow even a walk the JIT has optimised (small frames), not only a cold one.
const DEPTH = 400_000;

/** `depth` nested arrays, as text: JSON.stringify itself could not write them. */
export function deepArrays(depth = DEPTH): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** `depth` nested Lexical nodes, as text. */
export function deepNodes(depth = DEPTH): string {
  return `${'{"type":"quote","children":['.repeat(depth)}{"type":"text","text":"deep"}${']}'.repeat(depth)}`;
}

/** Adds `"key": value` (raw JSON text) as the first member of the top-level object. */
function withFirstMember(valid: string, key: string, rawValue: string): string {
  const at = valid.indexOf('{');
  return `${valid.slice(0, at + 1)}${JSON.stringify(key)}:${rawValue},${valid.slice(at + 1)}`;
}

/** Every string, number, boolean and array swapped for a value of another type. */
function wrongTypes(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return null;
  if (value === null) return 'null';
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), wrongTypes(item, depth + 1)]));
  if (typeof value === 'object' && depth < 64) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, depth === 0 ? wrongTypes(item, depth + 1) : item]));
  }
  return value;
}

const PROTO_MEMBERS = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"toString":"no","hasOwnProperty":1,';

export const MUTATIONS: Record<string, Mutation> = {
  'nested 400,000 levels in an extra member': (valid) => Buffer.from(withFirstMember(valid, 'extra', deepArrays())),
  'nested 400,000 levels in its article bodies': (valid) => {
    const deep = deepNodes();
    return Buffer.from(valid.replace(/"children":\[(\]?)/g, (_match, empty: string) => (empty ? `"children":[${deep}]` : `"children":[${deep},`)));
  },
  'nothing but 400,000 nested arrays': () => Buffer.from(deepArrays()),
  'a 16 MB string in an extra member': (valid) => Buffer.from(withFirstMember(valid, 'extra', JSON.stringify('x'.repeat(16 * 1024 * 1024)))),
  'every string field 2 MB long': (valid) => Buffer.from(valid.replace(/":"([^"\\]*)"/g, () => `":"${'y'.repeat(2 * 1024 * 1024)}"`)),
  'keys named constructor and toString in every object': (valid) => Buffer.from(valid.replaceAll(/\{(?=")/g, '{"constructor":{"x":1},"toString":"no","valueOf":2,')),
  'prototype keys in every object': (valid) => Buffer.from(valid.replaceAll(/\{(?=")/g, `{${PROTO_MEMBERS}`)),
  'every field of the wrong type': (valid) => Buffer.from(JSON.stringify(wrongTypes(JSON.parse(valid)))),
  'invalid UTF-8 inside its strings': (valid) => {
    const cut = valid.indexOf('":"') + 3;
    return Buffer.concat([Buffer.from(valid.slice(0, cut)), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from(valid.slice(cut))]);
  },
  'random bytes': () => Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256)),
  'cut in half': (valid) => Buffer.from(valid.slice(0, Math.floor(valid.length / 2))),
  empty: () => Buffer.alloc(0),
};
