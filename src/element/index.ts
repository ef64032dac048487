/**
 * `cec-call-panel/element`: importing it defines `<cec-call-panel>`, the panel as a custom
 * element for hosts without React (a plain page, Vue, Angular). dist/element.js is one
 * self-contained ES module (React, react-dom, @tanstack/react-query and zod/mini inside).
 *
 * Where `customElements` or `HTMLElement` is missing (Node, server rendering) importing it does
 * nothing: in the built file, all of the bundled code runs only after the check below. A second
 * copy of the module on the page leaves the first definition alone.
 *
 * Attributes, properties, the `actions` slot, the events `callchange` and `reauthenticate`, the
 * `refresh()` method and the `::part()` names: see `CecCallPanelElement`.
 *
 * @example
 * <script type="module" src="/node_modules/cec-call-panel/dist/element.js"></script>
 * <cec-call-panel agent-id="60015" base-url="/cc" include-last-call></cec-call-panel>
 * <script type="module">
 *   const panel = document.querySelector('cec-call-panel');
 *   panel.guid = () => session.guid;
 *   panel.addEventListener('reauthenticate', async () => { panel.guid = await signIn(); });
 * </script>
 */
import { defineCecCallPanel, type CecCallPanelElement } from './define';

export type { CecCallPanelElement, CecCallPanelEventMap } from './define';

if (typeof customElements !== 'undefined' && typeof HTMLElement !== 'undefined') defineCecCallPanel();

declare global {
  interface HTMLElementTagNameMap {
    'cec-call-panel': CecCallPanelElement;
  }
}
