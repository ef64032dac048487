/**
 * The gateway-load bench's contact center (issue 13): groups of agents by how many tabs they keep
 * open, which are hidden, how many calls they hold and whether they are signed in; and the model
 * the measured load is held against. Shared by the bench page, the measure and its test.
 */

export type Visibility = 'visible' | 'hidden';

export interface AgentGroup {
  readonly name: string;
  /** Agents at the bench's full scale (200 in all). */
  readonly agents: number;
  /** The agent's tabs, in the order they open; hidden tabs open first, to lead and hand over. */
  readonly tabs: readonly Visibility[];
  /** Panels of the agent in each of its tabs (one app showing the call twice). */
  readonly panelsPerTab: number;
  /** Calls held steady: 0 idle, 1 a call, 2 a consultation with the customer held. */
  readonly calls: 0 | 1 | 2;
  readonly signedIn: boolean;
}

const group = (name: string, agents: number, tabs: Visibility[], calls: 0 | 1 | 2, extra: Partial<AgentGroup> = {}): AgentGroup => ({
  name,
  agents,
  tabs,
  panelsPerTab: 1,
  calls,
  signedIn: true,
  ...extra,
});

/** 200 agents: most in one visible tab, a third with two or four, some hidden, some signed out. */
export const GROUPS: readonly AgentGroup[] = [
  group('1 tab, a call', 60, ['visible'], 1),
  group('1 tab, idle', 20, ['visible'], 0),
  group('1 tab, a consultation (2 calls)', 10, ['visible'], 2),
  group('1 tab, 2 panels', 10, ['visible'], 1, { panelsPerTab: 2 }),
  group('2 tabs', 40, ['visible', 'visible'], 1),
  group('4 tabs', 10, ['visible', 'visible', 'visible', 'visible'], 1),
  group('2 tabs, 1 hidden', 20, ['hidden', 'visible'], 1),
  group('1 tab, hidden', 15, ['hidden'], 1),
  group('2 tabs, both hidden', 5, ['hidden', 'hidden'], 1),
  group('signed out', 10, ['visible'], 0, { signedIn: false }),
];

/** The groups at `scale` (1 = 200 agents), every group keeping at least one agent. */
export function scaledGroups(scale: number): AgentGroup[] {
  return GROUPS.map((g) => ({ ...g, agents: Math.max(1, Math.round(g.agents * scale)) }));
}

export type Interface = 'callinfo' | 'allcallid' | 'callinfobycallid';
export const INTERFACES: readonly Interface[] = ['callinfo', 'allcallid', 'callinfobycallid'];

/**
 * Requests per interval the model allows one agent of the group, by interface: one tab's policy
 * however many tabs or panels (the current call every interval; the list of calls every third
 * interval with one call or none, every interval with two or more, and each other call every
 * interval), while a tab is visible; nothing when every tab is hidden or the agent signed out.
 */
export function modelPerInterval(g: AgentGroup): Record<Interface, number> {
  if (!g.signedIn || !g.tabs.includes('visible')) return { callinfo: 0, allcallid: 0, callinfobycallid: 0 };
  return { callinfo: 1, allcallid: g.calls >= 2 ? 1 : 1 / 3, callinfobycallid: Math.max(0, g.calls - 1) };
}

/** The same, were every tab to poll on its own (no election): what one poll per agent saves. */
export function everyTabPerInterval(g: AgentGroup): number {
  const visibleTabs = g.tabs.filter((t) => t === 'visible').length;
  const one = modelPerInterval(g);
  return visibleTabs * (one.callinfo + one.allcallid + one.callinfobycallid);
}

/** One tab (page) of the bench: the agents it shows. The Guid is handed over in memory, never in a URL. */
export interface LoadTab {
  readonly baseUrl: string;
  readonly refetchInterval: number;
  readonly agents: ReadonlyArray<{ agentId: string; guid: string; panels: number }>;
}

export interface ShownCall {
  readonly agentId: string;
  /** The view's `data-status`: `live`, `no-call`, `signed-out`... */
  readonly status: string;
  readonly callId: string | null;
}
