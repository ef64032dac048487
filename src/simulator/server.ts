import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewaySimulator } from './GatewaySimulator';
import { CONTROL_PREFIX, handleControlRequest } from './handleControlRequest';

/** How to start the simulator's HTTP server. */
export interface SimulatorServerOptions {
  simulator: GatewaySimulator;
  /** Default 8043 (the gateway's own default port); 0 picks a free port. */
  port?: number;
  /** A loopback address only. Default `'127.0.0.1'`. */
  host?: string;
}

/** A running simulator server. */
export interface SimulatorServer {
  /** `http://127.0.0.1:{port}`: the `baseUrl` for the client. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * CORS headers on every answer: any origin, the `Guid` header allowed (browsers preflight it), and
 * `Date` exposed (browsers hide it from cross-origin scripts otherwise; the client reads the
 * gateway's clock from it).
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Guid',
  'Access-Control-Expose-Headers': 'Date',
  'Access-Control-Max-Age': '600',
});

const MAX_CONTROL_BODY = 256 * 1024;
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect']);

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Serves the simulator over HTTP (Node only): the interface's path through `simulator.handle`
 * (its `Date` header is the simulator's clock), CORS with preflight, and the JSON control endpoint
 * under `/__sim/` (Node's own Date). Listens on loopback only.
 *
 * @example
 * const server = await startSimulatorServer({ simulator: new GatewaySimulator(), port: 0 });
 */
export async function startSimulatorServer(options: SimulatorServerOptions): Promise<SimulatorServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`The simulator listens on loopback addresses only, not ${host}.`);
  const { simulator } = options;
  const server = createServer((req, res) => {
    serve(simulator, req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'Simulator failure.' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8043, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(simulator: GatewaySimulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS).end();
    return;
  }
  if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
    await serveControl(simulator, req, res, path);
    return;
  }

  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // The interface takes no body; one sent anyway is not read (the simulator answers 405 for non-GET).
  const request = new Request(new URL(req.url ?? '/', 'http://127.0.0.1'), {
    method: req.method ?? 'GET',
    headers,
    signal: abort.signal,
  });

  let response: Response;
  try {
    response = await simulator.handle(request);
  } catch (error) {
    // A network failure: drop the connection, as a dead gateway or proxy would. An abort: the client left.
    if (error instanceof TypeError || abort.signal.aborted) {
      req.socket.destroy();
      return;
    }
    throw error;
  }
  const body = Buffer.from(await response.arrayBuffer());
  const out: Record<string, string> = { ...CORS_HEADERS };
  // Includes `date`, the simulator's clock: Node adds its own (real-clock) Date only when none is set.
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  out['content-length'] = String(body.length);
  res.writeHead(response.status, out).end(body);
}

async function serveControl(simulator: GatewaySimulator, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  let body: unknown;
  if (req.method === 'POST') {
    const text = (await readBody(req)).toString('utf8');
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      sendJson(res, 400, { error: 'The body is not JSON.' });
      return;
    }
  }
  const answer = handleControlRequest(simulator, { method: req.method ?? 'GET', path, body });
  sendJson(res, answer.status, answer.body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...CORS_HEADERS, 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_CONTROL_BODY) throw new Error('Body too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
