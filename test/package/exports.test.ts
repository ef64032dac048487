/**
 * The runtime names of every package entry, written out: adding, renaming or removing a public
 * export changes this file, so an API change is a visible diff in review. Internal helpers
 * (code tables, interpolation, backoff constants...) must not appear here.
 */
import { describe, expect, it } from 'vitest';

/** `./simulator`'s names. */
const SIMULATOR = [
  'DEFAULT_AGENT_ID',
  'DEFAULT_WIRE_STYLE',
  'GATEWAY_REASON_TEXTS',
  'GatewaySimulator',
  'SCENARIOS',
  'SCENARIO_EPOCH_MS',
  'SCENARIO_IDS',
  'SCENARIO_LIST',
  'SimulatorError',
  'createMswHandlers',
  'faults',
  'isScenarioId',
  'longCallData',
];

const ENTRIES = {
  '.': {
    load: () => import('../../src/index'),
    names: [
      'CallDataView',
      'CallDetails',
      'CallInfoPanel',
      'CallInfoProvider',
      'CallInfoView',
      'CallLegs',
      'CallParties',
      'CallTimer',
      'CallTypeBadge',
      'DEFAULT_SECTIONS',
      'GatewayError',
      'I18nProvider',
      'MediaBadge',
      'SkillTag',
      'TraceTimeline',
      'allCallIdsQueryOptions',
      'allCallIdsResponseSchema',
      'callInfoByCallIdQueryOptions',
      'callInfoByCallIdResponseSchema',
      'callInfoKeys',
      'callInfoQueryOptions',
      'callInfoResponseSchema',
      'callInfoSchema',
      'decodeCallData',
      'en',
      'fetchAllCallIds',
      'fetchCallInfo',
      'fetchCallInfoByCallId',
      'isGatewayError',
      'parseCallInfoResponse',
      'refreshCallInfo',
      'useAgentCalls',
      'useCallInfo',
      'useRefreshCallInfo',
    ],
  },
  './simulator': {
    load: () => import('../../src/simulator/index'),
    names: SIMULATOR,
  },
  './simulator/node': {
    load: () => import('../../src/simulator/node'),
    // Everything browser-safe again, so a script needs one import, and the server.
    names: [...SIMULATOR, 'CONTROL_PREFIX', 'CORS_HEADERS', 'controlSchemas', 'faultSchema', 'handleControlRequest', 'startSimulatorServer'],
  },
  // Defines <cec-call-panel> when imported; its exports are types only.
  './element': {
    load: () => import('../../src/element/index'),
    names: [],
  },
  './locales/zh-CN': {
    load: () => import('../../src/i18n/messages/zh-CN'),
    names: ['zhCN'],
  },
  './locales/ar': {
    load: () => import('../../src/i18n/messages/ar'),
    names: ['ar'],
  },
} as const;

describe('the public API', () => {
  it.each(Object.entries(ENTRIES))('%s exports exactly its written-out names', async (_entry, { load, names }) => {
    expect(Object.keys(await load()).sort()).toEqual([...names].sort());
  });
});
