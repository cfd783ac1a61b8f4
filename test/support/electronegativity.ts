// Runs in: tests.
//
// Electronegativity (Doyensec's static checker for Electron apps), run over what Authdesk's
// Electron side is made of: the TypeScript sources under electron/ (it parses TypeScript with
// Babel) and the built page (dist/renderer/index.html, where Vite writes the CSP meta tag).
// It cannot parse the bundles in dist/main (Babel's ClassPrivateProperty is unknown to its
// walker), so the sources are what it reads.
//
// Note (offline): electronegativity fetches translations and Electron's release list with
// `got`. Both are switched off here, so a run never waits on the network and gives the same
// answer on every machine: `got` answers 503 without a request (the built-in English texts
// are used) and AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, which reads a release list cached in
// the temp folder, is not run (checklist item 16 is security-checklist.test.ts's).
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Finding {
  readonly id: string;
  readonly severity: string;
  readonly confidence: string;
  /** Relative to the repository, e.g. electron/main/window/main-window.ts; N/A for a global check. */
  readonly file: string;
  readonly line: number;
  readonly sample: string;
  readonly description: string;
}

export interface Audit {
  readonly findings: readonly Finding[];
  /** Files electronegativity could not read: it skips their checks, so any is a failure. */
  readonly errors: readonly { file: string; message: string }[];
}

interface RawIssue {
  id: string;
  file: string;
  sample?: string;
  description: string;
  location: { line: number };
  severity: { name: string };
  confidence: { name: string };
}

const require = createRequire(import.meta.url);
const NOT_RUN = ['AvailableSecurityFixesGlobalCheck'];

function offlineGot(): void {
  const got = require.resolve('got', { paths: [dirname(require.resolve('@doyensec/electronegativity/package.json'))] });
  const answer = () => Promise.resolve({ statusCode: 503, body: '' });
  const exports = Object.assign(answer, { head: answer });
  require.cache[got] = { id: got, filename: got, loaded: true, exports } as unknown as NodeJS.Module;
}

/** Runs electronegativity over a copy of electron/ and the built page under root (build first). */
export async function auditElectron(root: string): Promise<Audit> {
  offlineGot();
  const run = require('@doyensec/electronegativity') as (options: object, forCli: boolean) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string }[] }>;
  const electron = JSON.parse(await readFile(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  const stage = await mkdtemp(join(tmpdir(), 'authdesk-electronegativity-'));
  try {
    await cp(join(root, 'electron'), join(stage, 'electron'), { recursive: true });
    await cp(join(root, 'dist', 'renderer', 'index.html'), join(stage, 'dist', 'renderer', 'index.html'));
    await cp(join(root, 'package.json'), join(stage, 'package.json'));
    const result = await run(
      { input: stage, isRelative: true, customScan: [], excludeFromScan: NOT_RUN, electronVersionOverride: electron.version, parserPlugins: [] },
      false,
    );
    return {
      findings: result.issues.map((issue) => ({
        id: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: issue.file,
        line: issue.location.line,
        sample: issue.sample ?? '',
        description: issue.description,
      })),
      errors: result.errors.map(({ file, message }) => ({ file: file.startsWith(stage) ? file.slice(stage.length + 1) : file, message })),
    };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
