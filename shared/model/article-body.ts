/**
 * How deep an article body's JSON may nest. Lexical nests two levels per node (node, children), so
 * this allows well over a hundred nested lists or quotes; far deeper, the draft file's
 * JSON.stringify runs out of stack.
 */
export const MAX_BODY_DEPTH = 256;

/**
 * What in `body` cannot be stored as JSON as it is, or null. The article schema checks the root
 * and the top-level nodes only; beyond them any value passes, yet over IPC a body may carry a
 * BigInt (JSON.stringify throws), a Map, Set, Date or byte array (silently written as something
 * else), or nesting too deep to serialise. Walked with an explicit stack so the check itself cannot
 * overflow.
 */
export function bodyProblem(body: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return 'a number that is not finite';
      continue;
    }
    if (typeof value !== 'object') return `a value JSON cannot hold (${typeof value})`;
    if (depth >= MAX_BODY_DEPTH) return `more than ${MAX_BODY_DEPTH} levels of nesting`;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index += 1) {
        if (!(index in value) || value[index] === undefined) return 'an array with a hole or an undefined item';
        stack.push({ value: value[index], depth: depth + 1 });
      }
      continue;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return 'an object that is not plain data (a Map, Set, Date or byte array)';
    // An undefined property is left out of the file, as the editor's own JSON export does.
    for (const item of Object.values(value)) if (item !== undefined) stack.push({ value: item, depth: depth + 1 });
  }
  return null;
}
