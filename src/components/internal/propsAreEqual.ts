function isPlain(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || '$$typeof' in value) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Array.isArray(value);
}

/**
 * Structural equality for plain data (objects, arrays, primitives). React elements, functions
 * and class instances compare by reference.
 */
export function equalDeep(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!isPlain(a) || !isPlain(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && equalDeep(a[key], b[key]));
}

/**
 * `memo` comparator for parts fed from a `CallInfo`: an equal-but-new call object (a poll that
 * changed nothing) does not re-render them.
 */
export const propsAreEqual: (prev: object, next: object) => boolean = equalDeep;
