// Runs in: CLI. The `authdesk` command's entry, in plain JavaScript so that an older Node.js
// can parse it: the CLI itself is TypeScript, which only Node 24 runs, and an older Node would
// fail with a syntax error before any of it ran. Bundled into dist/cli/authdesk.mjs.
// Note (Node 24): the Node inside Electron 45; change together with package.json "engines"
// and README "Requirements".
const NEEDED = 24;
const major = Number(process.versions.node.split('.')[0]);
if (major < NEEDED) {
  process.stderr.write(`Authdesk needs Node.js ${NEEDED} or later (this is Node ${process.versions.node}).\n`);
  process.exitCode = 1;
} else {
  await import('./authdesk.ts');
}
