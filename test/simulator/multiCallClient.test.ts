import { describe, expect, it } from 'vitest';
import { fetchAllCallIds, fetchCallInfoByCallId } from '../../src/gateway/fetchAgentCalls';
import type { WireStyle } from '../../src/simulator';
import { AGENT, T0, makeSim } from './helpers';

/** The library's own client reads every style the simulator's sibling routes send. */
describe.each<[string, Partial<WireStyle>]>([
  ['default', {}],
  ['list, no times, numeric IDs, null for none', { callInfoByCallId: 'list', callByIdTimes: 'omitted', callIdFormat: 'digits', callIdsAsNumbers: true, noCallIds: 'null', retcode: 'number' }],
  ['numbers as strings', { numbersAsStrings: true, unsetTime: 'null' }],
])('the client against the %s style', (_name, wire) => {
  it('lists both calls of a consultation and reads each by ID; none once they are over', async () => {
    const { sim, set } = makeSim();
    sim.setScenario(AGENT, 'consult-customer-held', { wire });
    set(T0 + 30_000);
    const options = { baseUrl: '', agentId: AGENT, guid: () => sim.getGuid(AGENT), fetch: sim.fetch };
    const ids = await fetchAllCallIds(options);
    expect(ids).toEqual(sim.peekCallIds(AGENT));
    expect(ids).toHaveLength(2);
    const [customer, consult] = await Promise.all(ids.map((callId) => fetchCallInfoByCallId({ ...options, callId })));
    expect(customer).toMatchObject({ callId: ids[0], caller: '013912345678' });
    expect(consult).toMatchObject({ callId: ids[1], called: '2006' });
    set(T0 + 90_000);
    expect(await fetchAllCallIds(options)).toEqual([]);
    expect(await fetchCallInfoByCallId({ ...options, callId: ids[0]! })).toBeNull();
  });
});
