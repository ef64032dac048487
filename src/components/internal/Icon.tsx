const PATHS = {
  phone: 'M4 2h2l1 3-1.5 1a8 8 0 0 0 4.5 4.5L11 9l3 1v2a2 2 0 0 1-2 2A10 10 0 0 1 2 4a2 2 0 0 1 2-2z',
  video: 'M2 4h8v8H2zM10 7l4-2v6l-4-2',
  chat: 'M2 3h12v8H7l-3 3v-3H2z',
  message: 'M2 4h12v8H2zM2 4l6 5 6-5',
  callback: 'M3 8a5 5 0 1 0 1.5-3.5M3 2v3h3',
  question: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM6 6a2 2 0 1 1 2.5 1.9C8 8.1 8 8.5 8 9M8 11v.5',
  incoming: 'M13 3 4 12M4 6v6h6',
  outgoing: 'M4 12l9-9M7 3h6v6',
  internal: 'M2 5h11l-2-2M14 11H3l2 2',
  consultation: 'M8 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM3 14a5 5 0 0 1 10 0',
  conference: 'M5 3a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM11 3a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM1 13a4 4 0 0 1 8 0M7 13a4 4 0 0 1 8 0',
  copy: 'M5 5h8v9H5zM3 11V2h7',
  check: 'M3 8.5 6.5 12 13 4',
  warning: 'M8 2 1.5 14h13zM8 6v4M8 11.5v.5',
  clock: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM8 4.5V8l2.5 1.5',
  live: 'M8 5a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  pause: 'M5 3.5v9M11 3.5v9',
  tag: 'M2 2h6l6 6-6 6-6-6zM5 5v.5',
  signedOut: 'M10 3h3v10h-3M7 5 4 8l3 3M4 8h7',
  lock: 'M4 7h8v7H4zM5.5 7V5a2.5 2.5 0 0 1 5 0v2',
} as const;

export type IconName = keyof typeof PATHS;

/** Icons that point somewhere and are mirrored in right-to-left layouts. */
const DIRECTIONAL: ReadonlySet<IconName> = new Set(['incoming', 'outgoing', 'callback', 'signedOut']);

/** A decorative inline SVG (hidden from assistive technology; the text next to it carries the meaning). */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      data-icon={name}
      data-mirror={DIRECTIONAL.has(name) ? 'rtl' : undefined}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
