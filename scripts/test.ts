// Runs in: development and CI (`npm test`). Every suite, in the order that fails fastest:
// typecheck, lint, build, then unit, integration, e2e (real Chromium) and electron tests in
// ONE node:test run, so the closing summary counts every test, and its last line
// (scripts/skip-summary.ts) says what was skipped and why.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function step(title: string, command: string, args: string[]): void {
  process.stdout.write(`\n== ${title}\n`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    process.stdout.write(`\n== ${title} failed after ${seconds} s\n`);
    process.exit(run.status ?? 1);
  }
  process.stdout.write(`== ${title}: ok in ${seconds} s\n`);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
step('typecheck', npm, ['run', '--silent', 'typecheck']);
step('lint', npm, ['run', '--silent', 'lint']);
step('build', process.execPath, ['scripts/build.ts']);
step('tests: unit, integration, e2e, electron', process.execPath, [
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/skip-summary.ts',
  '--test-reporter-destination=stdout',
  '--test-timeout=120000',
  'test/unit/**/*.test.ts',
  'test/integration/**/*.test.ts',
  'test/e2e/**/*.test.ts',
  'test/electron/**/*.test.ts',
]);
