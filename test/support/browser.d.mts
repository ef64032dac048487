import type { Browser } from 'playwright-core';

export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: readonly string[];
export declare function launchChromium(): Promise<Browser>;

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}
export declare function startStaticServer(dir: string, headers?: Readonly<Record<string, string>>): Promise<StaticServer>;
