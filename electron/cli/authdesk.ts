// Runs in: CLI (bundled to dist/cli/authdesk.mjs; `node electron/cli/authdesk.ts` in development).
import { processIo } from './io.ts';
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo());
