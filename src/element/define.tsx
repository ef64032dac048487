/// <reference path="./inline-css.d.ts" />
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot, type Root } from 'react-dom/client';
import { CallInfoPanel, type CallInfoPanelProps } from '../components/CallInfoPanel/CallInfoPanel';
import type { CallInfo } from '../gateway/model';
import type { GuidSource } from '../gateway/requestGateway';
import type { Messages } from '../i18n/Messages';
import { resolveLocale } from '../i18n/resolveLocale';
import { refreshCallInfo } from '../query/refreshCallInfo';
import css from '../styles.css?inline';
import type { ColorScheme, Density } from '../theme/types';

/** The tag `cec-call-panel/element` defines. */
export const TAG_NAME = 'cec-call-panel';

/** The events `<cec-call-panel>` fires (each a `CustomEvent` that bubbles and crosses the shadow boundary). */
export interface CecCallPanelEventMap extends HTMLElementEventMap {
  /** The first answer, and every change of the call ID: `detail` is the call, or `null` for no call. */
  callchange: CustomEvent<CallInfo | null>;
  /** The agent pressed "Sign in" / "Sign in again": sign in, then set `guid` (the panel then asks again at once). */
  reauthenticate: CustomEvent<null>;
}

/**
 * `<cec-call-panel>`: `CallInfoPanel` as a custom element, for hosts without React (plain pages,
 * Vue, Angular). React, react-dom, @tanstack/react-query and zod/mini are bundled in
 * (dist/element.js); every element on the page shares one QueryClient, so two elements for one
 * agent poll once.
 *
 * Attributes (each also a camelCase property that reads and reflects it): `agent-id`,
 * `base-url`, `locale`, `color-scheme` (`light` | `dark` | `auto`), `density` (`comfortable` |
 * `compact`), `include-last-call` (boolean: `isNoContainLastCall`), `refetch-interval` (ms;
 * `"false"` or `"0"`: polling off), `show-all-calls` (default on; `"false"`: off), `cross-tab`
 * (default on: one poll per agent across tabs; `"false"`: this page polls on its own). Without
 * `agent-id` the element renders nothing.
 *
 * Properties only: `guid`, `messages`, `fetch`, `sections`, `formatNumber`, `dialPrefix`,
 * `callDataFields`, `callDataLabels`, `callDataLinks`, `callDataEncoding` (as `CallInfoPanel`'s
 * props). Setting `guid` asks the gateway again at once.
 *
 * Slot `actions`: light-DOM children with `slot="actions"` show in the header while a call is shown.
 *
 * Parts, for `cec-call-panel::part(name)`: `panel` (the view's root, `[data-slot="call-info-view"]`),
 * `header`, `title`, `badge` (the state pill), `notice` (the stale / session notice), `actions`
 * (the wrapper of the `actions` slot), `body`, `calls` (the strip of calls), `call-parties`,
 * `status-band` (the phase and its timer), `timer` (the status band's timer), `trace` (the
 * track), `details`, `call-data`, `message` (the text of an empty, signed-out or error state),
 * `action` (the Retry / Sign in buttons).
 *
 * Theming: `--cip-*` tokens set on the page's `:root`, on an ancestor or on `cec-call-panel`
 * itself reach the panel (the defaults are adopted by the document inside `@layer cip-tokens`).
 */
export interface CecCallPanelElement extends HTMLElement {
  /** `agent-id`: the agent's work number. `null`: not set (nothing rendered). */
  agentId: string | null;
  /** `base-url`: the gateway, or a reverse proxy's path to it. `null`: same origin. */
  baseUrl: string | null;
  /** `locale`: BCP 47. `null`: `navigator.language`. */
  locale: string | null;
  /** `color-scheme`. `null`: inherited from the page (light unless it says otherwise). */
  colorScheme: ColorScheme | null;
  /** `density`. `null`: inherited (comfortable). */
  density: Density | null;
  /** `include-last-call`: show the previous call when there is none (`isNoContainLastCall`). */
  includeLastCall: boolean;
  /** `refetch-interval` in ms; `false`: polling off; `null`: the panel's own policy. */
  refetchInterval: number | false | null;
  /** `show-all-calls`: every call of the agent as tabs. Default `true`. */
  showAllCalls: boolean;
  /** `cross-tab`: one poll per agent across this origin's tabs (`crossTab`). Default `true`. */
  crossTab: boolean;
  /** The Guid from sign-in, or a function (sync or async) read at every request. */
  guid: GuidSource | undefined;
  /** Message overrides or a whole catalogue (`zhCN` from `cec-call-panel/locales/zh-CN`). */
  messages: Partial<Messages> | undefined;
  fetch: CallInfoPanelProps['fetch'];
  sections: CallInfoPanelProps['sections'];
  formatNumber: CallInfoPanelProps['formatNumber'];
  dialPrefix: CallInfoPanelProps['dialPrefix'];
  callDataFields: CallInfoPanelProps['callDataFields'];
  callDataLabels: CallInfoPanelProps['callDataLabels'];
  callDataLinks: CallInfoPanelProps['callDataLinks'];
  callDataEncoding: CallInfoPanelProps['callDataEncoding'];
  /** "Refresh now": asks the gateway again at once (see `refreshCallInfo`). */
  refresh(): Promise<void>;
  addEventListener<K extends keyof CecCallPanelEventMap>(
    type: K,
    listener: (this: CecCallPanelElement, event: CecCallPanelEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof CecCallPanelEventMap>(
    type: K,
    listener: (this: CecCallPanelElement, event: CecCallPanelEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

type Codec = readonly [attribute: string, read: (raw: string | null) => unknown, write: (value: unknown) => string | null];
const text = (attribute: string): Codec => [attribute, (raw) => raw, (value) => (value == null ? null : String(value))];

/** The attribute-backed properties: how each reads its attribute and writes it back. */
const REFLECTED: Readonly<Record<string, Codec>> = {
  agentId: text('agent-id'),
  baseUrl: text('base-url'),
  locale: text('locale'),
  colorScheme: text('color-scheme'),
  density: text('density'),
  includeLastCall: ['include-last-call', (raw) => raw !== null, (value) => (value ? '' : null)],
  refetchInterval: [
    'refetch-interval',
    (raw) => {
      const value = raw?.trim();
      if (!value) return null;
      if (value === 'false') return false;
      const ms = Number(value);
      return Number.isFinite(ms) ? (ms === 0 ? false : ms) : null;
    },
    (value) => (value === false ? 'false' : value == null ? null : String(value)),
  ],
  showAllCalls: ['show-all-calls', (raw) => raw?.trim() !== 'false', (value) => (value === false || value === 'false' ? 'false' : null)],
  crossTab: ['cross-tab', (raw) => raw?.trim() !== 'false', (value) => (value === false || value === 'false' ? 'false' : null)],
};

/** The properties without an attribute. */
const PROPERTIES = [
  'guid',
  'messages',
  'fetch',
  'sections',
  'formatNumber',
  'dialPrefix',
  'callDataFields',
  'callDataLabels',
  'callDataLinks',
  'callDataEncoding',
] as const;

/** Part names, given from the element (the components know nothing of them): the selector, the part. */
const PARTS: ReadonlyArray<readonly [string, string]> = [
  ['[data-slot="call-info-view"]', 'panel'],
  ['.cip-CallInfoView-header', 'header'],
  ['.cip-CallInfoView-title', 'title'],
  ['.cip-CallInfoView-badge', 'badge'],
  ['.cip-CallInfoView-notice', 'notice'],
  ['.cip-CallInfoView-actions', 'actions'],
  ['.cip-CallInfoView-body', 'body'],
  ['.cip-CallLegs-root', 'calls'],
  ['.cip-CallParties-root', 'call-parties'],
  ['.cip-CallInfoView-phase', 'status-band'],
  ['.cip-CallInfoView-phase .cip-CallInfoView-timer', 'timer'],
  ['[data-slot="trace-timeline"]', 'trace'],
  ['.cip-CallDetails-root', 'details'],
  ['.cip-CallDataView-root', 'call-data'],
  ['.cip-CallInfoView-message', 'message'],
  ['.cip-CallInfoView-action', 'action'],
];

function assignParts(scope: ParentNode): void {
  for (const [selector, part] of PARTS) {
    for (const element of scope.querySelectorAll(selector)) if (!element.part.contains(part)) element.part.add(part);
  }
}

/**
 * Token rules: those that set only `--cip-*` custom properties (and `color-scheme`) on `:root`,
 * `[data-color-scheme]` or `[data-density]`, and media rules holding only such rules.
 */
const TOKEN_SELECTOR = /:root|\[data-(?:color-scheme|density)/;
function isTokenRule(rule: CSSRule): boolean {
  const style = rule as CSSStyleRule;
  if (typeof style.selectorText === 'string') {
    const properties = Array.from(style.style);
    return (
      TOKEN_SELECTOR.test(style.selectorText) &&
      properties.length > 0 &&
      properties.every((name) => name.startsWith('--') || name === 'color-scheme')
    );
  }
  const media = rule as CSSMediaRule;
  return media.media !== undefined && media.cssRules.length > 0 && Array.from(media.cssRules).every(isTokenRule);
}

/** Host rules first: the page's own rules on `cec-call-panel` win over them (outer context). */
const HOST_CSS = ':host{display:block}:host([hidden]){display:none}';

/**
 * The shadow roots' sheet of each document, made on the first element connected there. The
 * same call gives the document the token defaults: every token rule of the stylesheet, inside
 * `@layer cip-tokens`, in `document.adoptedStyleSheets`. Layered, they lose to any unlayered
 * rule of the page (`:root { --cip-accent: red }`), and inherit into every shadow tree. Inside
 * the shadow sheet the same rules stay: `:root` matches nothing there, and the `[data-color-scheme]`
 * / `[data-density]` variants match the panel when the element's `color-scheme` / `density`
 * attributes ask for them.
 */
const shadowSheets = new WeakMap<Document, CSSStyleSheet>();
function shadowSheetFor(doc: Document): CSSStyleSheet {
  let sheet = shadowSheets.get(doc);
  if (sheet) return sheet;
  const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
  sheet = new Sheet();
  sheet.replaceSync(HOST_CSS + css);
  const tokens = new Sheet();
  const rules = Array.from(sheet.cssRules).filter(isTokenRule).map((rule) => rule.cssText);
  tokens.replaceSync(`@layer cip-tokens{${rules.join('\n')}}`);
  doc.adoptedStyleSheets = [tokens, ...doc.adoptedStyleSheets];
  shadowSheets.set(doc, sheet);
  return sheet;
}

const renderActions = () => <slot name="actions" />;

/**
 * Defines `<cec-call-panel>` unless a copy of the element is defined already. Call only where
 * `customElements` and `HTMLElement` exist (src/element/index.ts checks).
 */
export function defineCecCallPanel(): void {
  if (customElements.get(TAG_NAME)) return;

  /** One cache for every element on the page: one poll per agent, and `refresh()` reaches them all. */
  const queryClient = new QueryClient();

  class CecCallPanel extends HTMLElement {
    static readonly observedAttributes = Object.values(REFLECTED).map(([attribute]) => attribute);

    static {
      for (const [name, [attribute, read, write]] of Object.entries(REFLECTED)) {
        Object.defineProperty(this.prototype, name, {
          configurable: true,
          enumerable: true,
          get(this: CecCallPanel) {
            return read(this.getAttribute(attribute));
          },
          set(this: CecCallPanel, value: unknown) {
            const raw = write(value);
            if (raw === null) this.removeAttribute(attribute);
            else this.setAttribute(attribute, raw);
          },
        });
      }
      for (const name of PROPERTIES) {
        Object.defineProperty(this.prototype, name, {
          configurable: true,
          enumerable: true,
          get(this: CecCallPanel) {
            return this.#values.get(name);
          },
          set(this: CecCallPanel, value: unknown) {
            this.#values.set(name, value);
            if (name === 'guid') this.#guidChanged();
            this.#schedule();
          },
        });
      }
    }

    #values = new Map<string, unknown>();
    #root: Root | null = null;
    #container: HTMLDivElement | null = null;
    #observer: MutationObserver | null = null;
    #queued = false;
    /** `reauthenticate` events not answered by a new `guid` yet: the panel asks again once they settle. */
    #waiting: Array<() => void> = [];

    constructor() {
      super();
      if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    }

    /** Read at every request, so a new `guid` needs no new render. */
    readonly #guid = (): string | Promise<string> => {
      const guid = this.#values.get('guid');
      return typeof guid === 'function' ? (guid as () => string | Promise<string>)() : typeof guid === 'string' ? guid : '';
    };

    readonly #onCallChange = (call: CallInfo | null) => {
      this.dispatchEvent(new CustomEvent('callchange', { detail: call, bubbles: true, composed: true }));
    };

    readonly #onReauthenticate = () => {
      const answered = new Promise<void>((resolve) => this.#waiting.push(resolve));
      this.dispatchEvent(new CustomEvent('reauthenticate', { detail: null, bubbles: true, composed: true }));
      return answered;
    };

    #guidChanged() {
      const waiting = this.#waiting.splice(0);
      // A pending "Sign in": the panel asks again once its promise settles, here.
      if (waiting.length) for (const resolve of waiting) resolve();
      else if (this.#root) void this.refresh();
    }

    refresh(): Promise<void> {
      const agentId = this.getAttribute('agent-id');
      return agentId === null ? Promise.resolve() : refreshCallInfo(queryClient, agentId);
    }

    connectedCallback() {
      // A property set on the element before it was upgraded shadows the accessor: move it over.
      for (const name of [...Object.keys(REFLECTED), ...PROPERTIES]) {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = (this as Record<string, unknown>)[name];
          delete (this as Record<string, unknown>)[name];
          (this as Record<string, unknown>)[name] = value;
        }
      }
      const shadow = this.shadowRoot!;
      shadow.adoptedStyleSheets = [shadowSheetFor(this.ownerDocument)];
      if (!this.#root) {
        const container = this.ownerDocument.createElement('div');
        shadow.append(container);
        const observer = new MutationObserver(() => assignParts(shadow));
        observer.observe(shadow, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
        this.#container = container;
        this.#observer = observer;
        this.#root = createRoot(container);
      }
      this.#render();
    }

    disconnectedCallback() {
      // Deferred: an element moved in the DOM is disconnected and connected again at once.
      queueMicrotask(() => {
        if (this.isConnected || !this.#root) return;
        this.#root.unmount();
        this.#observer?.disconnect();
        this.#container?.remove();
        this.#root = this.#container = this.#observer = null;
        // An unmounted panel asks nothing more: a sign-in still pending is forgotten.
        this.#waiting = [];
      });
    }

    attributeChangedCallback(_name: string, previous: string | null, value: string | null) {
      if (previous !== value) this.#schedule();
    }

    #schedule() {
      if (this.#queued || !this.#root) return;
      this.#queued = true;
      queueMicrotask(() => {
        this.#queued = false;
        this.#render();
      });
    }

    #render() {
      if (!this.#root) return;
      const self = this as unknown as CecCallPanelElement;
      const { agentId, locale } = self;
      if (agentId === null) {
        this.#root.render(null);
        return;
      }
      this.#root.render(
        <QueryClientProvider client={queryClient}>
          <CallInfoPanel
            agentId={agentId}
            baseUrl={self.baseUrl ?? undefined}
            guid={this.#guid}
            isNoContainLastCall={self.includeLastCall || undefined}
            refetchInterval={self.refetchInterval ?? undefined}
            showAllCalls={self.showAllCalls}
            crossTab={self.crossTab}
            locale={locale ?? undefined}
            lang={locale ? resolveLocale(locale) : undefined}
            messages={self.messages}
            colorScheme={self.colorScheme ?? undefined}
            density={self.density ?? undefined}
            fetch={self.fetch}
            sections={self.sections}
            formatNumber={self.formatNumber}
            dialPrefix={self.dialPrefix}
            callDataFields={self.callDataFields}
            callDataLabels={self.callDataLabels}
            callDataLinks={self.callDataLinks}
            callDataEncoding={self.callDataEncoding}
            onCallChange={this.#onCallChange}
            onReauthenticate={this.#onReauthenticate}
            renderActions={renderActions}
          />
        </QueryClientProvider>,
      );
    }
  }

  customElements.define(TAG_NAME, CecCallPanel);
}
