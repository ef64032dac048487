/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The simulator server's URL, set by `scripts/demo.mjs` (e.g. `http://127.0.0.1:8043`). */
  readonly VITE_CEC_SIM_URL?: string;
  /** The agent's work number, set by `scripts/demo.mjs`. */
  readonly VITE_CEC_AGENT_ID?: string;
}
