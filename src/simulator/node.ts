/**
 * `cec-call-panel/simulator/node`: the simulator's HTTP server and control endpoint (Node only).
 * Everything browser-safe is re-exported too, so a script needs one import.
 */
export * from './index';
export { startSimulatorServer, CORS_HEADERS } from './server';
export type { SimulatorServer, SimulatorServerOptions } from './server';
export { handleControlRequest, CONTROL_PREFIX } from './handleControlRequest';
export type { ControlRequest, ControlResponse } from './handleControlRequest';
export { faultSchema, controlSchemas } from './controlSchemas';
