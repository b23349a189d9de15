// `npm run web`: serves the example page on http://127.0.0.1:5178/ (PORT to change it), bundled from
// source on each reload. `npm run web -- --csp` serves it instead under a strict Content-Security-Policy
// (no eval), with the intake form precompiled by `formloom build` into a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run';
import { startServer, STRICT_CSP, type ServerOptions } from './server';

const port = Number(process.env.PORT ?? 5178);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${process.env.PORT}`);
  process.exit(2);
}

const strict = process.argv.slice(2).includes('--csp');
let options: ServerOptions = { port, rebuild: true };
let folder: string | undefined;
if (strict) {
  folder = mkdtempSync(join(tmpdir(), 'formloom-web-'));
  const out = join(folder, 'customer-intake.mjs');
  const repo = fileURLToPath(new URL('../..', import.meta.url));
  const code = await runCli(['build', 'examples/customer-intake.json', '-o', out], { stdout: process.stdout, stderr: process.stderr, cwd: repo, env: process.env });
  if (code !== 0) {
    console.error(`formloom build failed (exit ${code}): cannot serve the strict-CSP page`);
    process.exit(1);
  }
  options = { ...options, csp: STRICT_CSP, prebuiltForm: out };
}

const server = await startServer(options);
console.log(`formloom example page: ${server.url}`);
if (strict) console.log(`  the intake form, precompiled, served with Content-Security-Policy: ${STRICT_CSP}`);
else console.log(`  ${server.url}?form=service-feedback-log  (the service log: a repeating group)`);
console.log('Ctrl-C to stop.');

const stop = (): void => {
  void server.close().finally(() => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    process.exit(0);
  });
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
