import type { GatewaySimulator } from '../../../src/simulator';

/**
 * Every Guid `sim` hands out for `agentId` from now on (its first, each sign-in, each rotation),
 * and `known(sent)` adds those the page sent: the secrets a leak check looks for.
 */
export function trackGuids(sim: GatewaySimulator, agentId: string) {
  const issued = new Set<string>([sim.getGuid(agentId)]);
  const signIn = sim.signIn.bind(sim);
  sim.signIn = (id: string) => {
    const guid = signIn(id);
    issued.add(guid);
    return guid;
  };
  const rotate = sim.rotateGuid.bind(sim);
  sim.rotateGuid = (id?: string) => {
    rotate(id);
    issued.add(sim.getGuid(agentId));
  };
  return {
    known(sent: Iterable<string | null>): Set<string> {
      issued.add(sim.getGuid(agentId)); // a rotation on a timer (dynamic authentication)
      for (const guid of sent) if (guid) issued.add(guid);
      return new Set(issued);
    },
  };
}
