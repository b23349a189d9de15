#!/usr/bin/env node
/**
 * The `formloom` command. Node-only code lives under src/cli: the core stays browser-clean.
 */
import { runCli } from './run';

const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
process.exitCode = code;
