// A tiny static server for the example page (node:http, no framework): it bundles the page script
// with esbuild, `formloom` resolved to this repository's src/index.ts, so the page runs from source
// without `npm run build`. Used by serve.ts (`npm run web`) and by the browser test.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { context, type BuildContext, type Plugin } from 'esbuild';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

/** The policy the strict variant is served under: no 'unsafe-eval', no inline script or style. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'";

export interface ServerOptions {
  /** Default 0: a free port, chosen by the system. */
  readonly port?: number;
  /** Default 127.0.0.1: reachable from this machine only. */
  readonly host?: string;
  /** A Content-Security-Policy header sent with every response. */
  readonly csp?: string;
  /**
   * A module written by `formloom build` (ESM, importing `formloom`): the page takes its form from it
   * (mainPrebuilt.ts) instead of compiling definitions in the browser (main.ts).
   */
  readonly prebuiltForm?: string;
  /** Bundle again on each request for the script, so edits show on reload (`npm run web`). */
  readonly rebuild?: boolean;
}

export interface WebServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Resolves the specifier mainPrebuilt.ts imports to the built module. */
const prebuiltFormPlugin = (file: string): Plugin => ({
  name: 'formloom-prebuilt-form',
  setup(build) {
    build.onResolve({ filter: /^formloom-prebuilt-form$/ }, () => ({ path: file }));
  },
});

const bundler = (options: ServerOptions): Promise<BuildContext<{ write: false; outdir: string }>> =>
  context({
    entryPoints: { app: here(options.prebuiltForm === undefined ? './main.ts' : './mainPrebuilt.ts') },
    outdir: here('./'),
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    sourcemap: 'linked',
    // The page imports the public API by its package name; here it is the source, not dist/.
    alias: { formloom: here('../../src/index.ts') },
    plugins: options.prebuiltForm === undefined ? [] : [prebuiltFormPlugin(options.prebuiltForm)],
    logLevel: 'silent',
  });

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  map: 'application/json; charset=utf-8',
};

/** Builds the page once (a broken bundle fails here, not on the first request), then listens. */
export const startServer = async (options: ServerOptions = {}): Promise<WebServer> => {
  const build = await bundler(options);
  let bundled: Promise<Map<string, string>> | undefined;
  const bundle = (): Promise<Map<string, string>> => {
    if (bundled === undefined || options.rebuild === true) {
      bundled = build.rebuild().then((result) => new Map(result.outputFiles.map((file) => [file.path.slice(file.path.lastIndexOf('/') + 1), file.text])));
    }
    return bundled;
  };
  try {
    await bundle();
  } catch (error) {
    await build.dispose();
    throw error;
  }

  const files: Readonly<Record<string, () => Promise<string | undefined>>> = {
    '/': () => readFile(here('./index.html'), 'utf8'),
    '/index.html': () => readFile(here('./index.html'), 'utf8'),
    '/style.css': () => readFile(here('./style.css'), 'utf8'),
    '/app.js': async () => (await bundle()).get('app.js'),
    '/app.js.map': async () => (await bundle()).get('app.js.map'),
  };

  const respond = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const headers: Record<string, string> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    if (options.csp !== undefined) headers['content-security-policy'] = options.csp;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204, headers).end();
      return;
    }
    const read = Object.hasOwn(files, path) ? files[path] : undefined;
    const body = read === undefined ? undefined : await read();
    if (body === undefined) {
      response.writeHead(404, { ...headers, 'content-type': TYPES.html as string }).end('<!doctype html><title>404</title><p>Not found</p>');
      return;
    }
    const extension = path === '/' ? 'html' : path.slice(path.lastIndexOf('.') + 1);
    response.writeHead(200, { ...headers, 'content-type': TYPES[extension] ?? 'application/octet-stream' });
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      // A bundle that broke while editing: shown, and the server goes on.
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      response.end(`formloom example server: ${message}\n`);
    });
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await build.dispose();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await build.dispose();
    },
  };
};
