/** Joins class names, skipping empty ones. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * A function giving each part its stable `cip-<Component>-<part>` class, the integrator's class
 * for that part from `classNames`, and any extra class.
 */
export function partClassNames<Part extends string>(
  component: string,
  classNames: Partial<Record<Part, string>> | undefined,
): (part: Part, extra?: string) => string {
  return (part, extra) => cx(`cip-${component}-${part}`, classNames?.[part], extra);
}

/** `data-unstyled` when the part is unstyled, nothing otherwise. */
export function unstyledAttr(unstyled: boolean): { 'data-unstyled'?: '' } {
  return unstyled ? { 'data-unstyled': '' } : {};
}
