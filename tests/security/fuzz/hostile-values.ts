import fc from 'fast-check';

/**
 * Values a compromised or buggy renderer could send as a whole request or inside one: every type
 * the IPC's structured clone carries (Uint8Array, Date, Map, Set, BigInt included), the numbers and
 * strings that break naive code, objects whose keys name prototype machinery, and nesting deep
 * enough to overflow a recursive validator.
 */

/** Deeper than any recursion on the main thread's stack could follow without a guard. */
export const DEEP_NESTING = 10_000;

/** A megabyte of text: a message that echoes it would swamp the renderer. */
export const HUGE_STRING = 'x'.repeat(1024 * 1024);

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = null;
  for (let level = 0; level < depth; level += 1) value = wrap(value);
  return value;
}

/** Built once: structured clone cannot copy these (its serializer runs out of stack), so they are sent as they are. */
export const DEEP_OBJECT = nested(DEEP_NESTING, (inner) => ({ a: inner }));
export const DEEP_ARRAY = nested(DEEP_NESTING, (inner) => [inner]);
/** Nested the way Lexical nests nodes, so a walker over `children` is tried too. */
export const DEEP_NODE = nested(DEEP_NESTING, (inner) => ({ type: 'paragraph', children: inner === null ? [] : [inner] }));

export function isTooDeepToClone(value: unknown): boolean {
  return value === DEEP_OBJECT || value === DEEP_ARRAY || value === DEEP_NODE;
}

/** Keys that reach Object.prototype when code copies objects key by key without care. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Objects that really own `__proto__` (as JSON.parse and structured clone make them), not a setter call. */
function withOwnKeys(entries: Record<string, unknown>): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entries)) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** Keys nobody names: a megabyte long, or ten thousand of them. */
export const HUGE_KEY = 'k'.repeat(1024 * 1024);
const keyFloods: unknown[] = [
  { [HUGE_KEY]: 1 },
  Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, i])),
  Array.from({ length: 100_000 }, () => '../x'),
];

const prototypeAttacks: unknown[] = [
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  withOwnKeys({ __proto__: { polluted: 'yes' }, constructor: { prototype: { polluted: 'yes' } }, prototype: { polluted: 'yes' } }),
  withOwnKeys({ toString: 'not a function', valueOf: 42, hasOwnProperty: null }),
];

/** Strings that break parsers, logs, terminals and path handling. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'abc\u0000def',
  '\ud800',
  '\udfff',
  'a\ud83dz',
  '\u202eevil',
  '\ufeff',
  '𝕹𝖊𝖜𝖘',
  '💥'.repeat(1000),
  'é'.normalize('NFD'),
  '\r\n\t\u000b\u001b[31m',
  '%s%n%x',
  '${process.exit()}',
  '<script>alert(1)</script>',
  "'; DROP TABLE drafts; --",
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '__proto__',
  'constructor',
  HUGE_STRING,
];

/** Strings a caller might put in an id to reach files outside the data folder. */
export const PATH_STRINGS: readonly string[] = [
  '../../../../etc/passwd',
  '..\\..\\..\\Windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\System32\\config\\SAM',
  '\\\\server\\share\\file',
  'file:///etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'harbour-0001/../../../x',
  'harbour-0001\u0000.json',
  'harbour-0001/',
  './harbour-0001',
  '~/.ssh/id_rsa',
  '..',
  '.',
  'CON',
  'aux.json',
];

export const SPECIAL_NUMBERS: readonly number[] = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  -1,
  0.5,
  -0.000001,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MAX_VALUE,
  1e21,
];

const specials = fc.constantFrom<unknown>(
  null,
  undefined,
  true,
  false,
  0n,
  -(2n ** 64n),
  2n ** 128n,
  new Date(Number.NaN),
  new Date(8.64e15),
  new Uint8Array(0),
  new Uint8Array(70_000),
  new Map<unknown, unknown>([['id', 'harbour-0001']]),
  new Set(['harbour-0001']),
  [],
  {},
  ...SPECIAL_NUMBERS,
  ...NASTY_STRINGS,
  ...PATH_STRINGS,
  ...prototypeAttacks,
  ...keyFloods,
);

const deep = fc.constantFrom<unknown>(DEEP_OBJECT, DEEP_ARRAY, DEEP_NODE);

const keys = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'id', 'type', 'kind', 'toString', HUGE_KEY), fc.string({ unit: 'binary', maxLength: 12 }));

/** Any structured-clone-able value: JSON, typed arrays, dates, maps, sets, bigints, sparse arrays, odd keys. */
const anything = fc.anything({
  key: keys,
  maxDepth: 4,
  maxKeys: 6,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  withNullPrototype: true,
  withUnicodeString: true,
  stringUnit: 'binary',
});

/** One hostile value, to stand for a whole request or for one field of it. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: specials },
  { weight: 4, arbitrary: anything },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue(), { maxLength: 8 }) },
  { weight: 1, arbitrary: deep },
);

/** A value for a leaf that should have been a plain string: too long for any limit the contract sets. */
export const tooLongString = fc.constantFrom(
  'x'.repeat(65),
  'x'.repeat(121),
  'x'.repeat(201),
  'x'.repeat(501),
  'x'.repeat(2001),
  'x'.repeat(5001),
  'x'.repeat(10_001),
  HUGE_STRING,
);

/** Almost right: the spelling of a real enum value or literal, but not it. */
export function nearMisses(value: string): string[] {
  return [value.toUpperCase(), ` ${value}`, `${value} `, `${value}\u0000`, value.normalize('NFD') + '\u0301', value.slice(1), `${value}s`];
}
