// Runs in: sandbox (`npm run sandbox -- [options]`; development and demo, never shipped).
//
// Starts the simulated providers for a person (a page of URLs and demo users) or a script (one
// JSON line), serves until Ctrl+C or SIGTERM, then stops them.
// Note (was `authdesk sandbox`): the messages and exit codes (0 done, 1 usage, 4 could not
// start) are the ones the product CLI's sandbox command had, so scripts written against it keep
// working; the numbers match DESIGN §9's.

import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { demoSeed, startSandbox, type Sandbox } from './index.ts';
import { sandboxJson, sandboxText } from './print.ts';

const EXIT = { ok: 0, usage: 1, notStarted: 4 } as const;

const USAGE = 'npm run sandbox -- [--port N] [--tls] [--webhook-url URL] [--json]';

const HELP = [
  `Usage: ${USAGE}`,
  '',
  'Runs the simulated TrueNAS, Weavr and Appgate servers on this computer, with demo users.',
  'A development and demo tool, not part of the installed app.',
  '',
  '  --port N            listen on 127.0.0.1:N (default 0: a free port)',
  '  --tls               serve HTTPS/WSS with a self-signed certificate made at start',
  '  --webhook-url URL   send Weavr\'s webhooks there (default: recorded, not sent)',
  '  --json              print the URLs and demo users as one JSON line',
  '  -h, --help          print this help',
].join('\n');

const OPTIONS = {
  port: { type: 'string' },
  tls: { type: 'boolean' },
  'webhook-url': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function complain(message: string): void {
  process.stderr.write(`authdesk sandbox: ${message}\n`);
}

async function run(args: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    complain((error as Error).message);
    process.stderr.write(`Usage: ${USAGE}\n`);
    return EXIT.usage;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return EXIT.ok;
  }
  const portText = values.port ?? '0';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) {
    complain('--port must be a number from 0 to 65535 (0 picks a free port).');
    return EXIT.usage;
  }
  const webhookUrl = values['webhook-url'];
  if (webhookUrl !== undefined && !URL.canParse(webhookUrl)) {
    complain('--webhook-url must be an absolute URL, e.g. http://127.0.0.1:9000/hooks.');
    return EXIT.usage;
  }

  const seed = demoSeed();
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({
      port, tls: values.tls === true,
      seed: webhookUrl === undefined ? seed : { ...seed, weavr: { ...seed.weavr, webhookUrl } },
    });
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    complain(inUse ? `port ${port} is already in use; pick another or leave --port out.` : 'could not start the server.');
    return EXIT.notStarted;
  }
  // Listening before the announcement: whoever reads it may stop the sandbox at once.
  const stopped = Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  process.stdout.write(`${values.json ? sandboxJson(sandbox) : sandboxText(sandbox)}\n`);
  await stopped;
  await sandbox.close();
  if (!values.json) process.stdout.write('Sandbox stopped.\n');
  return EXIT.ok;
}

process.exitCode = await run(process.argv.slice(2));
