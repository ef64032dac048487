import type { MessageValues } from './Messages';

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; a placeholder without a value is left as written. */
export function interpolate(template: string, values?: MessageValues): string {
  if (!values) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
