// Runs in: CLI (`node electron/cli/authdesk.mjs`, which checks the Node.js version first, or bundled to dist/cli/authdesk.mjs).
import { processIo } from './io.ts';
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo());
