import type { z } from 'zod';

/**
 * Walks zod request schemas down to their string fields, either every field a schema can hold
 * (all branches of unions) or the fields one concrete request holds. Reads zod 4's schema
 * definitions (`_zod.def`); a kind this walker does not know fails loudly rather than hiding fields.
 */
export type FieldPath = (string | number)[];
export interface StringField {
  /** Keys and array indexes from the request's root; '[]' stands for "any element" in schema walks. */
  path: FieldPath;
  schema: z.ZodType;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'success']);
/** Kinds that hold no string a request could smuggle a path in. */
const NO_STRINGS = new Set(['number', 'int', 'boolean', 'literal', 'enum', 'null', 'undefined', 'custom', 'bigint', 'date', 'nan', 'void', 'never', 'unknown', 'any']);

/** Every string field `schema` can hold. */
export function schemaStringFields(schema: z.ZodType, path: FieldPath = [], depth = 0): StringField[] {
  if (depth > 20) return [];
  const def = defOf(schema);
  if (def.type === 'string') return [{ path, schema }];
  if (WRAPPERS.has(def.type)) return schemaStringFields(def.innerType!, path, depth + 1);
  if (def.type === 'pipe') return schemaStringFields(def.in!, path, depth + 1);
  if (def.type === 'lazy') return schemaStringFields(def.getter!(), path, depth + 1);
  if (def.type === 'object') {
    const fields = Object.entries(def.shape ?? {}).flatMap(([key, child]) => schemaStringFields(child, [...path, key], depth + 1));
    return def.catchall && defOf(def.catchall).type !== 'unknown' && defOf(def.catchall).type !== 'never'
      ? [...fields, ...schemaStringFields(def.catchall, [...path, '{}'], depth + 1)]
      : fields;
  }
  if (def.type === 'array') return schemaStringFields(def.element!, [...path, '[]'], depth + 1);
  if (def.type === 'record') return schemaStringFields(def.valueType!, [...path, '{}'], depth + 1);
  if (def.type === 'union') return def.options!.flatMap((option) => schemaStringFields(option, path, depth + 1));
  if (def.type === 'intersection') return [...schemaStringFields(def.left!, path, depth + 1), ...schemaStringFields(def.right!, path, depth + 1)];
  if (NO_STRINGS.has(def.type)) return [];
  throw new Error(`The request walker does not know zod's "${def.type}" schemas (at ${path.join('.') || 'the root'})`);
}

/** The string fields `value` (a valid request for `schema`) actually holds, with their concrete paths. */
export function valueStringFields(schema: z.ZodType, value: unknown, path: FieldPath = []): StringField[] {
  const def = defOf(schema);
  if (value === undefined || value === null) return [];
  if (def.type === 'string') return typeof value === 'string' ? [{ path, schema }] : [];
  if (WRAPPERS.has(def.type)) return valueStringFields(def.innerType!, value, path);
  if (def.type === 'pipe') return valueStringFields(def.in!, value, path);
  if (def.type === 'lazy') return valueStringFields(def.getter!(), value, path);
  if (def.type === 'object' && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
      const childSchema = def.shape?.[key] ?? def.catchall;
      return childSchema ? valueStringFields(childSchema, child, [...path, key]) : [];
    });
  }
  if (def.type === 'array' && Array.isArray(value)) return value.flatMap((child, index) => valueStringFields(def.element!, child, [...path, index]));
  if (def.type === 'record' && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => valueStringFields(def.valueType!, child, [...path, key]));
  }
  if (def.type === 'union') {
    const matching = def.options!.find((option) => option.safeParse(value).success);
    return matching ? valueStringFields(matching, value, path) : [];
  }
  return [];
}

/** A copy of `value` with the field at `path` replaced. */
export function withField<T>(value: T, path: FieldPath, replacement: unknown): T {
  const copy = structuredClone(value);
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = replacement;
  return copy;
}

/** The name a field goes by: its last key, not an array index. */
export function fieldName(path: FieldPath): string {
  return String([...path].reverse().find((key) => typeof key === 'string' && key !== '[]' && key !== '{}') ?? '');
}
