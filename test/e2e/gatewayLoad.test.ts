/**
 * The gateway-load bench (bench/gateway-load, issue 13) at a tenth of its scale and the gateway's
 * 1 s minimum interval: per agent, one tab's policy however many tabs or panels, nothing from
 * agents whose every tab is hidden or who signed out, and every tab showing the agent's call.
 */
import { expect, it } from 'vitest';
import { measureGatewayLoad } from '../../bench/gateway-load/measureGatewayLoad';

it('a contact center of agents with 1, 2 and 4 tabs, some hidden, some signed out: one tab\'s policy per agent', async () => {
  const load = await measureGatewayLoad({ scale: 0.1, intervalMs: 1_000, windowMs: 9_000 });
  console.info(`gateway load (tenth scale): ${load.perSecond.measured.toFixed(1)} requests/s, model ${load.perSecond.model.toFixed(1)}, every tab on its own ${load.perSecond.everyTab.toFixed(1)}`);
  expect(load.disagreeing).toEqual([]);
  for (const { group, measured, model } of load.groups) {
    for (const api of ['callinfo', 'allcallid', 'callinfobycallid'] as const) {
      if (model[api] === 0) expect(measured[api], `${group.name}: ${api}`).toBe(0);
      // Timers on a loaded two-core runner drift both ways; a second tab polling would double it.
      else expect(measured[api], `${group.name}: ${api}`).toBeGreaterThan(model[api] * 0.6), expect(measured[api], `${group.name}: ${api}`).toBeLessThan(model[api] * 1.4);
    }
  }
  expect(load.perSecond.measured).toBeLessThan(load.perSecond.model * 1.15);
}, 120_000);
