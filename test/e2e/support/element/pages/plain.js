// The plain page's script: what an integrator without a build step writes.
import { agentId, params, record, signIn, simUrl, watch } from './common.js';

const panel = document.querySelector('cec-call-panel');
watch(panel);

const session = { guid: await signIn() };
// A getter: read at every request.
panel.guid = () => session.guid;
panel.addEventListener('reauthenticate', async () => {
  session.guid = await signIn();
  // A new `guid` (here a plain string) answers the event: the panel asks again at once.
  panel.guid = session.guid;
  record('guid-set', null, 'page');
});

panel.setAttribute('base-url', simUrl);
if (params.get('poll')) panel.setAttribute('refetch-interval', params.get('poll'));
if (params.get('allCalls') === 'false') panel.setAttribute('show-all-calls', 'false');
if (params.get('locale')) panel.setAttribute('locale', params.get('locale'));
// Last: without `agent-id` the element renders nothing, so nothing is asked before the rest is set.
panel.setAttribute('agent-id', agentId);
