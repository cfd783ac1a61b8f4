// Runs in: CLI.
//
// `authdesk sandbox`: the simulated providers for demos and manual testing (DESIGN §7, §9).
// Note (imports test/): the sandbox lives in test/sandbox because tests start it in-process;
// the CLI serves the same code so a person sees exactly what the tests exercise. It is loaded
// only when this command runs, so other commands do not pay for its start-up.

import { once } from 'node:events';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { writeLine } from '../io.ts';

export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: 'run the simulated TrueNAS, Weavr and Appgate servers on this computer, with demo users',
  usage: 'sandbox [--port N] [--tls] [--webhook-url URL] [--json]',
  options: {
    port: { type: 'string' },
    tls: { type: 'boolean' },
    'webhook-url': { type: 'string' },
  },
  async run({ io, global, values }) {
    const portText = typeof values.port === 'string' ? values.port : '0';
    const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
    if (!(port >= 0 && port <= 65535)) {
      writeLine(io.stderr, 'authdesk sandbox: --port must be a number from 0 to 65535 (0 picks a free port).');
      return EXIT.usage;
    }
    const webhookUrl = values['webhook-url'];
    if (typeof webhookUrl === 'string' && !URL.canParse(webhookUrl)) {
      writeLine(io.stderr, 'authdesk sandbox: --webhook-url must be an absolute URL, e.g. http://127.0.0.1:9000/hooks.');
      return EXIT.usage;
    }
    const { demoSeed, startSandbox } = await import('../../../test/sandbox/index.ts');
    const { sandboxJson, sandboxText } = await import('../../../test/sandbox/print.ts');
    const seed = demoSeed();
    let sandbox;
    try {
      sandbox = await startSandbox({
        port, tls: values.tls === true,
        seed: typeof webhookUrl === 'string' ? { ...seed, weavr: { ...seed.weavr, webhookUrl } } : seed,
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      writeLine(io.stderr, code === 'EADDRINUSE' ? `authdesk sandbox: port ${port} is already in use; pick another or leave --port out.` : 'authdesk sandbox: could not start the server.');
      return EXIT.provider;
    }
    writeLine(io.stdout, global.json ? sandboxJson(sandbox) : sandboxText(sandbox));
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    await sandbox.close();
    if (!global.json) writeLine(io.stdout, 'Sandbox stopped.');
    return EXIT.ok;
  },
};
