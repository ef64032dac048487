// A third copy of the module, imported while `<cec-call-panel>` is defined already: it must
// neither throw nor replace the first definition.
import { agentId, signIn, simUrl, watch } from './common.js';

const first = customElements.get('cec-call-panel');
let secondImport;
try {
  await import('./element-copy.js');
  secondImport = customElements.get('cec-call-panel') === first && first !== undefined ? 'ok' : 'replaced';
} catch (error) {
  secondImport = `threw: ${error}`;
}
window.__secondImport = secondImport;

const panel = document.querySelector('cec-call-panel');
watch(panel);
const guid = await signIn();
panel.guid = guid;
panel.setAttribute('base-url', simUrl);
panel.setAttribute('agent-id', agentId);
