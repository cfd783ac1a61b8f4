// Runs in: tests.
//
// Importing this module makes the bare specifier 'electron' mean the recording stand-in, for
// this test process only (and never the real package, whose index.js tries to download a
// binary). The module main gets exports every main-process API name of the installed Electron
// (main-api.ts), each taken from the stand-in, so `import { clipboard } from 'electron'` links
// and then fails on use with a message naming clipboard.
import { registerHooks } from 'node:module';
import { MAIN_PROCESS_API } from './main-api.ts';

const STANDIN_URL = new URL('./standin.ts', import.meta.url).href;
const ELECTRON_URL = 'authdesk-test:electron';

const source = [
  `import { electron } from ${JSON.stringify(STANDIN_URL)};`,
  'export default electron;',
  ...MAIN_PROCESS_API.map((name) => `export const ${name} = electron.${name};`),
].join('\n');

registerHooks({
  resolve(specifier, context, nextResolve) {
    return specifier === 'electron' ? { url: ELECTRON_URL, format: 'module', shortCircuit: true } : nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    return url === ELECTRON_URL ? { format: 'module', source, shortCircuit: true } : nextLoad(url, context);
  },
});
