// @vitest-environment node
import { it } from 'vitest';
import { measureGatewayLoad } from './gateway-load/measureGatewayLoad';
import { record } from './record';

/** The floor the issue sizes the gateway for: the bench's mix of agents, 25 times over. */
const FLOOR = 5_000;

/**
 * Gateway load of 200 agents in Chromium over HTTP at the default policy (issue 13): the goal is
 * one tab's policy per agent, however many tabs or panels, and nothing from hidden or signed-out ones.
 */
it('gateway load: 200 agents, 1 to 4 tabs each, some hidden, some signed out', async () => {
  const load = await measureGatewayLoad();
  const { measured, model, everyTab } = load.perSecond;
  const scale = FLOOR / load.agents;
  const setup = `${load.agents} agents, ${load.tabs} tabs on ${load.pages} pages, ${load.panels} panels; ${Math.round(load.windowMs / 1000)} s at ${load.intervalMs / 1000} s`;
  record({ measure: `Gateway load, ${load.agents} agents (Chromium, the Node simulator over HTTP)`, value: measured, unit: 'requests/s', goal: `<= ${model.toFixed(2)} (the model)`, note: `${setup}; busiest second ${load.peakPerSecond} (each page mounts its panels at once); every tab polling on its own: ${everyTab.toFixed(2)}` });
  record({ measure: `Gateway load scaled to ${FLOOR.toLocaleString('en')} agents (the same mix)`, value: measured * scale, unit: 'requests/s', goal: `<= ${(model * scale).toFixed(0)} (the model)`, note: `every tab polling on its own: ${(everyTab * scale).toFixed(0)}` });
  const byName = new Map(load.groups.map((g) => [g.group.name, g]));
  for (const [tabs, name] of [[1, '1 tab, a call'], [2, '2 tabs'], [4, '4 tabs']] as const) {
    const g = byName.get(name)!;
    record({ measure: `Requests for the call per interval, ${tabs} tab${tabs === 1 ? '' : 's'} (Chromium)`, value: g.measured.callinfo, unit: 'requests', goal: '1', note: `${g.group.agents} agents; the list of calls ${g.measured.allcallid.toFixed(2)} (model 0.33)` });
  }
  const silent = load.groups.filter((g) => g.model.callinfo === 0);
  const silentRequests = silent.reduce((n, g) => n + (g.measured.callinfo + g.measured.allcallid + g.measured.callinfobycallid) * g.group.agents, 0);
  record({ measure: 'Requests per interval from agents whose every tab is hidden, or signed out', value: silentRequests, unit: 'requests', goal: '0', note: silent.map((g) => `${g.group.name}: ${g.group.agents}`).join(', ') });
  const panels = load.panels;
  record({ measure: 'Panels showing the agent\'s current call at the end, hidden tabs included', value: panels - load.disagreeing.length, unit: `of ${panels}`, goal: `${panels}`, note: load.disagreeing.slice(0, 3).join('; ') });
}, 300_000);
