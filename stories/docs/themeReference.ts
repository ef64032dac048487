import type { CallDataViewPart } from '../../src/components/CallDataView/CallDataView';
import type { CallDetailsPart } from '../../src/components/CallDetails/CallDetails';
import type { CallInfoViewPart } from '../../src/components/CallInfoView/CallInfoView';
import type { CallLegsPart } from '../../src/components/CallLegs/CallLegs';
import type { CallPartiesPart } from '../../src/components/CallParties/CallParties';
import type { CallTimerPart } from '../../src/components/CallTimer/CallTimer';
import type { CallTypeBadgePart } from '../../src/components/CallTypeBadge/CallTypeBadge';
import type { MediaBadgePart } from '../../src/components/MediaBadge/MediaBadge';
import type { SkillTagPart } from '../../src/components/SkillTag/SkillTag';
import type { TraceTimelinePart } from '../../src/components/TraceTimeline/TraceTimeline';

/**
 * Every styleable part of every component, for the Theming page. Each map is typed with the
 * component's own part type, so a part added to (or removed from) a component without a line here
 * fails the type check, and the docs cannot drift from the code.
 */
const callInfoView = {
  root: 'The panel: a `<section>` labelled by its title.',
  header: 'Title and status badge.',
  title: 'The `<h2>` "Call information".',
  badge: 'The "Live call" / "On hold" / "Last call" badge (`data-status`, `data-phase`).',
  badgeIcon: 'Its icon.',
  notice: 'The stale notice: "Not up to date · Last updated … · Retrying in 8 s" and Retry.',
  noticeIcon: 'Its warning icon.',
  retry: 'The "Retrying in 8 s" countdown to the next automatic retry, in the notice or the error\u2019s hint.',
  body: 'Everything below the header.',
  call: 'The call\u2019s sections (`data-phase`), keyed on the call ID.',
  group: 'A group of sections: the at-a-glance ones, then the rest (two columns when the panel is wide).',
  section: 'One section (`data-section`).',
  sectionTitle: 'The `<h3>` of the trace and call-data sections.',
  phase: 'The status band: what the call is doing now (`data-phase`) and its timer.',
  phaseIcon: 'The band\u2019s icon.',
  phaseLabel: 'The band\u2019s words ("Talking", "On hold"...).',
  timer: 'The band\u2019s live timer (`data-timer`: `call`, `wait`, `ring`, `talk`, `hold`).',
  message: 'The status words (no call, signed out, error...).',
  messageIcon: 'Their icon.',
  hint: 'The secondary words under a message (what to do, the error in words).',
  issues: 'Development builds only: the `<details>` list of what a malformed answer got wrong (`GatewayError.issues`).',
  action: 'Retry and "Sign in again" buttons.',
  skeleton: 'The loading placeholder (hidden from assistive technology).',
  skeletonLine: 'One line of it.',
  announcer: 'The visually hidden polite live region.',
  actions: 'The host\u2019s own controls (`renderActions`), at the end of the header; they wrap.',
} satisfies Record<CallInfoViewPart, string>;

const callLegs = {
  root: 'The strip of the agent\u2019s calls, a `tablist`, shown with two calls or more.',
  leg: 'One call\u2019s tab (`data-call-id`, `data-phase`, `data-current` on the call the agent is on, `aria-selected`).',
  number: 'The other party\u2019s number.',
  state: 'The call\u2019s state in words, its icon and timer.',
  stateIcon: 'The state\u2019s icon.',
  timer: 'The call\u2019s timer, from its begin.',
} satisfies Record<CallLegsPart, string>;

const callParties = {
  root: 'The parties block (`data-direction`).',
  list: 'The `<dl>` of numbers.',
  party: 'One number\u2019s entry (`data-party`).',
  term: 'Its label.',
  value: 'Its value: the number and the copy button.',
  number: 'The number itself (isolated left to right).',
  copy: 'The copy button (also `cip-CopyButton-root`).',
} satisfies Record<CallPartiesPart, string>;

const skillTag = {
  root: 'The tag (`data-skill`).',
  icon: 'The tag icon.',
  label: 'The visible "Skill" label.',
  name: 'The skill description as received.',
  id: 'The "ID 20011" text.',
} satisfies Record<SkillTagPart, string>;

const mediaBadge = {
  root: 'The badge (`data-media`, `data-ability`).',
  icon: 'The media icon.',
  label: 'The media words.',
} satisfies Record<MediaBadgePart, string>;

const callTypeBadge = {
  root: 'The badge (`data-call-type`, `data-direction`).',
  icon: 'The direction icon.',
  label: 'The call type words.',
} satisfies Record<CallTypeBadgePart, string>;

const callTimer = {
  root: 'The `<time>` element (`data-state`).',
} satisfies Record<CallTimerPart, string>;

const traceTimeline = {
  root: 'The timeline (`data-phase`, `data-trace`).',
  list: 'The `<ol>` of segments.',
  segment: 'Queue wait, ringing or talk (`data-segment`, `data-state`).',
  segmentLabel: 'The segment\u2019s name.',
  times: 'Its start and end (or "since …").',
  duration: 'Its duration (a `CallTimer`).',
  notReached: 'The "Not reached" words.',
  facts: 'The `<dl>` of device, direct mode and reasons.',
  fact: 'One fact.',
  term: 'Its label.',
  value: 'Its value.',
  gatewayText: 'The gateway\u2019s own words, secondary.',
  empty: '"No call track reported".',
} satisfies Record<TraceTimelinePart, string>;

const callDataView = {
  root: 'The call data (`data-format`, `data-state`, `data-extent`).',
  list: 'The `<dl>` of keys and values.',
  entry: 'One key and value.',
  key: 'The key.',
  value: 'The value.',
  text: 'Data that is neither JSON nor pairs, as wrapped text.',
  empty: '"No call data".',
  note: '"Showing the first 64 KB", when the data is longer (`data-extent="cut"` on the root).',
  toggle: 'The Show all / Show less button.',
} satisfies Record<CallDataViewPart, string>;

const callDetails = {
  root: 'The `<dl>` of facts.',
  entry: 'One fact (`data-entry`).',
  term: 'Its label.',
  value: 'Its value.',
  callId: 'The call ID itself (isolated left to right).',
  copy: 'The call ID\u2019s copy button (also `cip-CopyButton-root`).',
} satisfies Record<CallDetailsPart, string>;

export interface ComponentParts {
  readonly component: string;
  readonly parts: Readonly<Record<string, string>>;
}

export const COMPONENT_PARTS: readonly ComponentParts[] = [
  { component: 'CallInfoView', parts: callInfoView },
  { component: 'CallLegs', parts: callLegs },
  { component: 'CallParties', parts: callParties },
  { component: 'SkillTag', parts: skillTag },
  { component: 'MediaBadge', parts: mediaBadge },
  { component: 'CallTypeBadge', parts: callTypeBadge },
  { component: 'CallTimer', parts: callTimer },
  { component: 'TraceTimeline', parts: traceTimeline },
  { component: 'CallDataView', parts: callDataView },
  { component: 'CallDetails', parts: callDetails },
];

/** A design token as `src/theme/tokens.css` declares it. */
export interface Token {
  readonly name: string;
  /** The value in `:root` (light, comfortable). */
  readonly value: string;
  /** The value under `data-color-scheme="dark"` (and `"auto"` in a dark system), if it changes. */
  readonly dark?: string;
  /** The value under `data-density="compact"`, if it changes. */
  readonly compact?: string;
}

/**
 * Reads every `--cip-*` custom property out of the token stylesheet's text, with its light,
 * dark and compact values, in the order the stylesheet declares them.
 */
export function parseTokens(css: string): Token[] {
  const tokens = new Map<string, { value?: string; dark?: string; compact?: string }>();
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, selector = '', body = ''] of withoutComments.matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
    const where = selector.includes("data-color-scheme='dark'")
      ? 'dark'
      : selector.includes("data-color-scheme='auto'")
        ? null
        : selector.includes("data-density='compact'")
          ? 'compact'
          : 'value';
    if (where === null) continue;
    for (const [, name = '', value = ''] of body.matchAll(/(--cip-[\w-]+)\s*:\s*([^;]+);/g)) {
      const token = tokens.get(name) ?? {};
      token[where] = value.replace(/\s+/g, ' ').trim();
      tokens.set(name, token);
    }
  }
  return [...tokens].map(([name, { value = '', dark, compact }]) => ({
    name,
    value,
    ...(dark === undefined ? {} : { dark }),
    ...(compact === undefined ? {} : { compact }),
  }));
}
