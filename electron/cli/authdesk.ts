// Runs in: CLI (`node electron/cli/authdesk.mjs`, which checks the Node.js version first, or bundled to dist/cli/authdesk.mjs).
//
// Note (compile cache): every command is a new process that loads the whole core (its
// TypeScript stripped, its modules compiled) before it unlocks anything, which took longer than
// the Argon2id unlock itself (test/bench/login-from-locked.bench.ts). Node's compile cache keeps
// the compiled code between runs, about halving that. It lives in the app's own user-data folder
// (where Electron keeps its code cache too), not in a shared temporary folder another user could
// write to. The modules are imported after it is on, so they are the ones it caches.
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { defaultUserDataDir } from '../core/platform/paths.ts';

enableCompileCache(join(defaultUserDataDir(process.platform, process.env), 'cli-compile-cache'));
const { processIo } = await import('./io.ts');
const { runCli } = await import('./program.ts');

process.exitCode = await runCli(process.argv.slice(2), processIo());
