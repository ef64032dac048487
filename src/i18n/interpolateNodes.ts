import { Fragment, createElement, type ReactNode } from 'react';

/**
 * Like `interpolate`, for placeholders whose values are elements (a `<time>`, a live timer):
 * returns the message as a list of text and nodes, in the order the locale writes them.
 */
export function interpolateNodes(template: string, values: Readonly<Record<string, ReactNode>>): ReactNode[] {
  return template
    .split(/\{(\w+)\}/)
    .map((part, index) =>
      index % 2 === 0 ? part : createElement(Fragment, { key: index }, Object.hasOwn(values, part) ? values[part] : `{${part}}`),
    );
}
