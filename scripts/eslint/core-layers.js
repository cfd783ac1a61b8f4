// Runs in: development and CI (`npm run lint`).
//
// Note (core layers): like VS Code's layering rule, the layers of electron/core are declared
// once, as this rule's options in eslint.config.js, and every import is held to them: static,
// type-only, re-exports and dynamic import() alike. A folder may import from its own folder and
// from folders in lower layers, never from a peer in the same layer or from above, so the core
// has no cycles and a reader knows what each folder may depend on. A file directly under
// electron/core counts as the folder of its name (errors.ts is the `errors` folder).
import { dirname, relative, resolve, sep } from 'node:path';

const CORE = `electron${sep}core${sep}`;

/** The core folder a path belongs to ('vault', 'errors' ...), or null outside electron/core. */
function coreFolder(filePath, cwd) {
  const rel = relative(cwd, filePath);
  if (!rel.startsWith(CORE)) return null;
  const [first, ...rest] = rel.slice(CORE.length).split(sep);
  if (first === undefined || first === '') return null;
  return rest.length === 0 ? first.replace(/\.[cm]?[jt]s$/, '') : first;
}

export const coreLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'holds every import inside electron/core to the declared layers' },
    schema: [{ type: 'object', properties: { layers: { type: 'array', items: { type: 'array', items: { type: 'string' } } } }, required: ['layers'], additionalProperties: false }],
    messages: {
      upward: "electron/core/{{from}} (layer {{fromLayer}}) must not import from electron/core/{{to}} (layer {{toLayer}}): a folder imports only from layers below it. Move what both need down to the lower layer, or pass it in through a port.",
      peer: "electron/core/{{from}} must not import from electron/core/{{to}}: they are peers in layer {{fromLayer}}. Move what both need down a layer.",
      unlisted: "electron/core/{{folder}} is not in the layer table: add it to the core-layers options in eslint.config.js.",
      computed: 'A dynamic import() in electron/core must name its module literally, so the layer rule can check it.',
    },
  },
  create(context) {
    const [{ layers }] = context.options;
    const layerOf = new Map(layers.flatMap((names, index) => names.map((name) => [name, index])));
    const cwd = context.cwd;
    const from = coreFolder(context.filename, cwd);
    if (from === null) return {};

    const check = (node, source) => {
      if (!source.startsWith('.')) return;
      const to = coreFolder(resolve(dirname(context.filename), source), cwd);
      if (to === null || to === from) return;
      const fromLayer = layerOf.get(from);
      const toLayer = layerOf.get(to);
      if (fromLayer === undefined) return context.report({ node, messageId: 'unlisted', data: { folder: from } });
      if (toLayer === undefined) return context.report({ node, messageId: 'unlisted', data: { folder: to } });
      if (toLayer === fromLayer) return context.report({ node, messageId: 'peer', data: { from, to, fromLayer: layers[fromLayer].join(', ') } });
      if (toLayer > fromLayer) {
        context.report({ node, messageId: 'upward', data: { from, to, fromLayer: layers[fromLayer].join(', '), toLayer: layers[toLayer].join(', ') } });
      }
    };
    const literal = (node) => {
      if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
      return null;
    };
    const fromSource = (node) => {
      if (node.source) check(node, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        const source = literal(node.source);
        if (source === null) context.report({ node, messageId: 'computed' });
        else check(node, source);
      },
      TSImportType(node) {
        if (typeof node.source?.value === 'string') check(node, node.source.value);
      },
    };
  },
};
