import {
  GatewaySimulator,
  SCENARIOS,
  type GatewaySimulatorOptions,
  type ScenarioId,
} from '../../src/simulator';

/** The agent every panel story signs in as (the simulator's default agent). */
export const AGENT_ID = '60015';

/** What a panel story's loader gives it: its own simulated gateway, and the panel's Guid and fetch. */
export interface LoadedSimulator {
  sim: GatewaySimulator;
  /** Read at every request, as dynamic authentication needs; never shown or put in a URL. */
  guid: () => string;
  fetch: typeof globalThis.fetch;
}

export interface SimulatorLoaderOptions extends GatewaySimulatorOptions {
  /** Prepares the gateway before the panel's first request (scenario, faults, sign-out...). */
  setup?: (sim: GatewaySimulator) => void;
  /** Wraps the panel's fetch, e.g. to change the gateway after its first answer. */
  wrapFetch?: (fetch: typeof globalThis.fetch, sim: GatewaySimulator) => typeof globalThis.fetch;
}

/**
 * A story loader: a fresh `GatewaySimulator` per story render, set up, and its `fetch` for the
 * panel. Pass a function to build the options when the story renders (a clock that starts then).
 */
export function simulatorLoader(config: SimulatorLoaderOptions | (() => SimulatorLoaderOptions) = {}) {
  return async (): Promise<LoadedSimulator> => {
    const { setup, wrapFetch, ...options } = typeof config === 'function' ? config() : config;
    const sim = new GatewaySimulator(options);
    setup?.(sim);
    return {
      sim,
      guid: () => sim.getGuid(AGENT_ID),
      fetch: wrapFetch ? wrapFetch(sim.fetch, sim) : sim.fetch,
    };
  };
}

/** Reads the loader's simulator from a story context's `loaded`. */
export function loadedSimulator(loaded: Record<string, unknown> | undefined): LoadedSimulator {
  const sim = loaded?.sim;
  if (!(sim instanceof GatewaySimulator) || typeof loaded?.guid !== 'function' || typeof loaded?.fetch !== 'function') {
    throw new Error('This story needs `simulatorLoader()` in its loaders.');
  }
  return loaded as unknown as LoadedSimulator;
}

/**
 * How far into a scenario to start it so that the panel opens on the call in conversation:
 * 5 s after its (last) answer. `null` for a scenario without a call.
 */
export function talkingOffsetMs(id: ScenarioId): number | null {
  const script = SCENARIOS[id].script;
  if (!script) return null;
  const answers = script.steps.filter((step) => step.event === 'answer');
  return (answers.at(-1)?.at ?? 0) + 5_000;
}

/** Plays `id` for the story's agent, placed so that the call is in conversation now. */
export function playScenarioTalking(sim: GatewaySimulator, id: ScenarioId): void {
  const offset = talkingOffsetMs(id);
  sim.setScenario(AGENT_ID, id, offset === null ? {} : { startAt: sim.state().now - offset });
}

/**
 * A simulator clock that runs `speed` times faster than the real one, anchored so that it never
 * runs ahead of the real clock within `spanMs` of simulated time: the panel's timers (on the real
 * clock) never see a moment in the future.
 */
export function fastClock(speed: number, spanMs: number): () => number {
  const realStart = Date.now();
  const lead = spanMs - spanMs / speed;
  return () => realStart - lead + (Date.now() - realStart) * speed;
}
