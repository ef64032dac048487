// Types for scripts/element-build.mjs, for the TypeScript tests that build the element.

/**
 * Builds `cec-call-panel/element` (src/element/index.ts) into `<outDir>/element.js`: one
 * self-contained, minified ES module (React, react-dom, @tanstack/react-query and zod/mini
 * inside), `process.env.NODE_ENV` = 'production'. The directory is created; nothing else in it
 * is touched. `root`: the repository to build from (default: this one).
 */
export declare function buildElement(outDir: string, options?: { root?: string }): Promise<{ file: string; bytes: number }>;
