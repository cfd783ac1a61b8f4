// Runs in: development and CI (`npm run lint`).
//
// Note (process boundaries): like Signal-Desktop, each folder knows which process it runs in,
// and these rules keep them apart: core never touches Electron or the front ends; the
// renderer never touches Node; main, preload and the CLI never import each other; nothing
// shipped imports scripts/ (the build and development tools, `npm run preview` among them).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { builtinModules } from 'node:module';
import ts from 'typescript-eslint';
import { coreLayers } from './scripts/eslint/core-layers.js';
import { shippedCode } from './scripts/eslint/no-test-imports.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const climb = '^(\\.\\./)+';
const importsFrom = (...folders) => ({ regex: `${climb}(${folders.join('|')})(/|$)` });

export default ts.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/e2e/artifacts/**', '.cache/**'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    plugins: { authdesk: { rules: { 'core-layers': coreLayers } } },
    rules: {
      // The layers of electron/core, bottom up (DESIGN §1). A folder imports only from its own
      // folder and from layers below it; the README's layout section lists the same table.
      'authdesk/core-layers': [
        'error',
        {
          layers: [
            ['errors', 'platform'],
            ['otp', 'qr', 'icons'],
            ['vault'],
            ['accounts', 'transfer'],
            ['providers'],
            ['sessions', 'approvals'],
            ['app'],
            ['api'],
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/core runs in Node, the CLI and tests: it must not import Electron. Add a port in core/platform/ports.ts.' }],
          patterns: [{ ...importsFrom('main', 'preload', 'cli', 'renderer', 'test', 'scripts'), message: 'electron/core must not depend on main, preload, cli, the renderer, tests or development scripts.' }],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ ...importsFrom('preload', 'cli', 'renderer', 'scripts'), message: 'main must not import the preload, the CLI, the renderer or development scripts.' }] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ ...importsFrom('main', 'cli', 'renderer', 'scripts'), message: 'the preload must not import main, the CLI, the renderer or development scripts.' }] }],
    },
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'the CLI runs in plain Node.' }], patterns: [{ ...importsFrom('main', 'preload', 'renderer', 'scripts'), message: 'the CLI must not import main, the preload, the renderer or development scripts.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,svelte}', 'renderer/**/*.svelte.ts'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'the renderer talks only to window.authdesk.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'the renderer runs in a sandboxed page: no Node built-ins.' })),
          ],
          patterns: [
            { regex: '^node:', message: 'the renderer runs in a sandboxed page: no Node built-ins.' },
            { ...importsFrom('electron'), allowTypeImports: true, message: 'the renderer may import types from electron/, never code: it talks only to window.authdesk.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  // Note (never shipped): nothing bundled into the app imports test/ (the sandbox included), not
  // even by a dynamic import(); its own rule, so no other block's no-restricted-* options replace it.
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,svelte}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'shipped-code': shippedCode },
    rules: { 'shipped-code/no-test-imports': 'error' },
  },
);
