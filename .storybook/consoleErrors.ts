/**
 * Every story fails when something logs `console.error` while it renders and plays: React's
 * warnings (keys, invalid DOM nesting, state updates on unmounted parts) and the library's own
 * development errors all go there.
 *
 * `watchConsoleErrors` is a preview `beforeEach`: it wraps `console.error` (still forwarding every
 * call) and returns the cleanup Storybook runs when the story is left. `failOnConsoleErrors` is a
 * preview `afterEach`: it runs after the play function and throws if anything was logged.
 */

let logged: unknown[][] = [];

export function watchConsoleErrors(): () => void {
  logged = [];
  const original = console.error;
  const watching = (...args: unknown[]) => {
    logged.push(args);
    original.apply(console, args);
  };
  console.error = watching;
  return () => {
    // Only undo our own wrapper: something else may have wrapped it since.
    if (console.error === watching) console.error = original;
  };
}

export function failOnConsoleErrors(): void {
  if (logged.length === 0) return;
  const messages = logged.map((args) => args.map(describe).join(' ')).map((text) => `  - ${text.slice(0, 500)}`);
  const count = logged.length;
  logged = [];
  throw new Error(`The story logged ${count} console error${count === 1 ? '' : 's'}:\n${messages.join('\n')}`);
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
