import type { Browser } from 'playwright-core';

export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: readonly string[];
export declare function launchChromium(): Promise<Browser>;

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}
export interface StaticServerOptions {
  /** Paths served from files outside the directory. */
  readonly files?: Readonly<Record<string, string>>;
  /** Each path asked is pushed here. */
  readonly requested?: string[];
}
export declare function startStaticServer(
  dir: string,
  headers?: Readonly<Record<string, string>> | ((url: URL) => Readonly<Record<string, string>>),
  options?: StaticServerOptions,
): Promise<StaticServer>;
