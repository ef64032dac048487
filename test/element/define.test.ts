// @vitest-environment jsdom
// `<cec-call-panel>` in jsdom: the guarded definition (a second copy of the module does not
// throw), attributes reflected as properties, and a property set before the upgrade. Rendering,
// theming, parts, events and CSP are the Chromium end-to-end tests' (jsdom has no
// `adoptedStyleSheets`; connecting is checked here with a stand-in).
import { describe, expect, it, vi } from 'vitest';
import type { CecCallPanelElement } from '../../src/element/index';

describe('<cec-call-panel> in jsdom', () => {
  it('is defined once: a second copy of the module leaves the first definition alone', async () => {
    expect(customElements.get('cec-call-panel')).toBeUndefined();
    await import('../../src/element/index');
    const first = customElements.get('cec-call-panel');
    expect(first).toBeTypeOf('function');
    vi.resetModules();
    await expect(import('../../src/element/index')).resolves.toBeDefined();
    expect(customElements.get('cec-call-panel')).toBe(first);
  });

  it('reflects its attributes as camelCase properties', async () => {
    await import('../../src/element/index');
    const panel = document.createElement('cec-call-panel') as CecCallPanelElement;
    expect(panel.shadowRoot?.mode).toBe('open');
    expect([panel.agentId, panel.includeLastCall, panel.refetchInterval, panel.showAllCalls]).toEqual([null, false, null, true]);

    panel.agentId = '60015';
    panel.includeLastCall = true;
    panel.refetchInterval = false;
    panel.showAllCalls = false;
    panel.colorScheme = 'dark';
    expect(panel.getAttribute('agent-id')).toBe('60015');
    expect(panel.getAttribute('include-last-call')).toBe('');
    expect(panel.getAttribute('refetch-interval')).toBe('false');
    expect(panel.getAttribute('show-all-calls')).toBe('false');
    expect(panel.getAttribute('color-scheme')).toBe('dark');

    panel.setAttribute('refetch-interval', '0');
    expect(panel.refetchInterval).toBe(false);
    panel.setAttribute('refetch-interval', '5000');
    expect(panel.refetchInterval).toBe(5000);
    panel.showAllCalls = true;
    expect(panel.hasAttribute('show-all-calls')).toBe(false);
    panel.agentId = null;
    expect(panel.hasAttribute('agent-id')).toBe(false);

    // `cross-tab`: on unless "false" (one poll per agent across tabs).
    expect(panel.crossTab).toBe(true);
    panel.crossTab = false;
    expect(panel.getAttribute('cross-tab')).toBe('false');
    panel.setAttribute('cross-tab', '');
    expect(panel.crossTab).toBe(true);
    panel.crossTab = true;
    expect(panel.hasAttribute('cross-tab')).toBe(false);
  });

  it('picks up a property set before the element was upgraded', async () => {
    // jsdom has no adoptedStyleSheets: a plain stand-in, enough to connect.
    for (const proto of [Document.prototype, ShadowRoot.prototype]) {
      if (!('adoptedStyleSheets' in proto)) {
        const sheets = new WeakMap<object, CSSStyleSheet[]>();
        Object.defineProperty(proto, 'adoptedStyleSheets', {
          configurable: true,
          get() {
            return sheets.get(this) ?? [];
          },
          set(value: CSSStyleSheet[]) {
            sheets.set(this, value);
          },
        });
      }
    }
    // An element parsed before the definition keeps what the page set on it as own properties,
    // which shadow the accessors: the same, on an element created after it.
    await import('../../src/element/index');
    const panel = document.createElement('cec-call-panel') as CecCallPanelElement;
    const fetchStub = vi.fn(async () => new Response('{}'));
    Object.defineProperty(panel, 'guid', { value: 'early-guid', writable: true, configurable: true, enumerable: true });
    Object.defineProperty(panel, 'agentId', { value: '60015', writable: true, configurable: true, enumerable: true });
    panel.fetch = fetchStub;
    document.body.append(panel);
    expect(Object.prototype.hasOwnProperty.call(panel, 'guid')).toBe(false);
    expect(panel.guid).toBe('early-guid');
    expect(panel.getAttribute('agent-id')).toBe('60015');
    panel.remove();
    await Promise.resolve();
  });
});
