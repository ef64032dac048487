// A Vue 3 app on Vue's runtime-only build, written with render functions: the runtime template
// compiler needs `unsafe-eval`, which the page's CSP refuses.
import { createApp, h, ref } from './vue.js';
import { agentId, record, signIn, simUrl, watch } from './common.js';

const session = { guid: await signIn() };

const App = {
  setup() {
    const locale = ref('en-GB');
    const colorScheme = ref('light');
    const callId = ref('');
    const panel = ref(null);
    const onCallchange = (event) => {
      callId.value = event.detail?.callId ?? '';
      record('vue-callchange', event, 'vue');
    };
    return () =>
      h('div', { class: 'vue-desk' }, [
        h('p', { id: 'vue-call' }, callId.value ? `Call ${callId.value}` : 'No call'),
        h(
          'button',
          {
            type: 'button',
            id: 'vue-switch',
            onClick: () => {
              locale.value = 'zh-CN';
              colorScheme.value = 'dark';
            },
          },
          'Chinese, dark',
        ),
        h('cec-call-panel', {
          ref: panel,
          'agent-id': agentId,
          'base-url': simUrl,
          locale: locale.value,
          'color-scheme': colorScheme.value,
          'include-last-call': '',
          // A DOM property, never an attribute: the Guid stays out of the DOM.
          '.guid': () => session.guid,
          onCallchange,
          onReauthenticate: async () => {
            session.guid = await signIn();
            panel.value.guid = () => session.guid;
          },
          onVnodeMounted: (vnode) => watch(vnode.el),
        }),
      ]);
  },
};

createApp(App).mount('#app');
