// Runs in: development and CI (`npm run lint`), loaded by eslint.config.js.
//
// Shipped code must not reach into test/: whatever main, the preload or the CLI imports, esbuild
// bundles into dist/, and electron-builder packs dist/ into the app (test/sandbox once rode along
// in the CLI that way). One rule sees every way in: static imports, re-exports, dynamic import()
// (which no-restricted-imports does not see) and require(). Specifiers are resolved against the
// importing file, so `../test` from electron/cli/ (electron/test) is not mistaken for test/.
// Note (never shipped): change together with test/integration/build/shipped-files.test.ts.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SANDBOX_PACKAGE = '@authdesk/sandbox';

function specifierOf(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

function reachesTest(importer, specifier) {
  if (specifier === SANDBOX_PACKAGE || specifier.startsWith(`${SANDBOX_PACKAGE}/`)) return true;
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return false;
  const target = relative(root, resolve(dirname(importer), specifier));
  return target === 'test' || target.startsWith(`test${sep}`);
}

const noTestImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Shipped code (main, preload, CLI, renderer) must not import anything under test/.' },
    messages: {
      testCode: "'{{specifier}}' is under test/, which is never shipped: this file is bundled into the app. The sandbox runs on its own (`npm run sandbox`).",
    },
    schema: [],
  },
  create(context) {
    const check = (source) => {
      const specifier = specifierOf(source);
      if (specifier !== undefined && reachesTest(context.filename, specifier)) {
        context.report({ node: source, messageId: 'testCode', data: { specifier } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      'CallExpression[callee.type="Identifier"][callee.name="require"]': (node) => check(node.arguments[0]),
    };
  },
};

export const shippedCode = { rules: { 'no-test-imports': noTestImports } };
