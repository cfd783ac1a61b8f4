// Runs in: tests.
//
// Validates sandbox responses against the providers' published OpenAPI files in ../shared/specs.
// Weavr publishes OpenAPI 3.1 (JSON Schema 2020-12); Appgate publishes 3.0 across several files
// with relative $refs and `nullable`. Each file is registered with Ajv under its own URL, so the
// relative refs resolve as they do on disk; response-level $refs (not schemas) are followed here.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SPECS_DIR = resolve(REPO_ROOT, '../shared/specs');
export const SPECS_MISSING_REASON = `${SPECS_DIR} is absent, so the published OpenAPI schemas cannot be checked (the behaviour tests still ran)`;

type Json = Record<string, unknown>;

interface Document {
  readonly url: string;
  readonly data: Json;
}

export interface ResponseCheck {
  /** False when the spec lists neither this status nor a default. */
  readonly documented: boolean;
  readonly errors: readonly string[];
}

function pointer(data: unknown, fragment: string): unknown {
  return fragment.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], data);
}

export class OpenApiValidator {
  readonly #ajv: Ajv;
  readonly #docs = new Map<string, Document>();
  /** Paths of every loaded file that has any: [template, file URL, path item]. */
  readonly #paths: [string, string, Json][] = [];
  readonly #rootUrl: string;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(ajv: Ajv, files: readonly string[], baseUrl: string) {
    this.#ajv = ajv;
    for (const file of files) {
      const url = new URL(file, baseUrl).href;
      const data = parse(readFileSync(resolve(SPECS_DIR, file.includes('/') ? file : `${baseUrl.split('/').at(-2)}/${file}`), 'utf8')) as Json;
      this.#docs.set(url, { url, data });
      ajv.addSchema(data, url);
      for (const [template, item] of Object.entries((data.paths ?? {}) as Json)) this.#paths.push([template, url, item as Json]);
    }
    this.#rootUrl = new URL(files[0]!, baseUrl).href;
  }

  /** Checks one response: `body` undefined means the response had no body. */
  check(method: string, path: string, status: number, body: unknown): ResponseCheck {
    const operation = this.#operation(method.toLowerCase(), path);
    if (!operation) return { documented: false, errors: [`${method} ${path} is not in the spec`] };
    const responses = operation.node.responses as Json;
    const key = String(status) in responses ? String(status) : 'default';
    if (responses[key] === undefined) return { documented: false, errors: [] };
    const response = this.#follow(operation.url, `${operation.pointer}/responses/${key}`, responses[key] as Json);
    const schemaNode = pointer(response.node, '/content/application~1json/schema');
    if (schemaNode === undefined) {
      return { documented: true, errors: body === undefined ? [] : [`status ${status} has no body in the spec, but the sandbox sent one`] };
    }
    if (body === undefined) return { documented: true, errors: [`status ${status} has a JSON body in the spec, but the sandbox sent none`] };
    const ref = `${response.url}#${response.pointer}/content/application~1json/schema`;
    let validate = this.#compiled.get(ref);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: ref });
      this.#compiled.set(ref, validate);
    }
    return { documented: true, errors: validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`) };
  }

  /** Validates a body against a named schema, e.g. a webhook event. */
  checkSchema(ref: string, body: unknown): readonly string[] {
    const validate = this.#ajv.getSchema(new URL(ref, this.#rootUrl).href) ?? this.#ajv.compile({ $ref: new URL(ref, this.#rootUrl).href });
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  }

  #operation(method: string, path: string): { url: string; pointer: string; node: Json } | undefined {
    for (const [template, url, item] of this.#paths) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      if (!pattern.test(path)) continue;
      const resolved = this.#follow(url, `/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}`, item as Json);
      const node = (resolved.node as Json)[method] as Json | undefined;
      if (node) return { url: resolved.url, pointer: `${resolved.pointer}/${method}`, node };
    }
    return undefined;
  }

  /** Follows a non-schema $ref (path item, response) to its node, keeping track of the file. */
  #follow(url: string, at: string, node: Json): { url: string; pointer: string; node: Json } {
    const ref = node.$ref;
    if (typeof ref !== 'string') return { url, pointer: at, node };
    const [file, fragment = ''] = ref.split('#');
    const target = file ? new URL(file, url).href : url;
    const doc = this.#docs.get(target);
    if (!doc) throw new Error(`unresolved $ref ${ref}`);
    return this.#follow(target, fragment, pointer(doc.data, fragment) as Json);
  }
}

let weavrValidator: OpenApiValidator | undefined;
let appgateValidator: OpenApiValidator | undefined;

export function specsAvailable(): boolean {
  return existsSync(resolve(SPECS_DIR, 'weavr')) && existsSync(resolve(SPECS_DIR, 'appgate'));
}

export function weavrSpecs(): OpenApiValidator {
  if (!weavrValidator) {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(ajv);
    weavrValidator = new OpenApiValidator(ajv, ['weavr-multi-openapi-original.yml', 'weavr-webhooks-openapi-original.yml', 'weavr-simulator-openapi-original.yml'], 'https://specs.invalid/weavr/');
  }
  return weavrValidator;
}

export function appgateSpecs(): OpenApiValidator {
  if (!appgateValidator) {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(ajv);
    appgateValidator = new OpenApiValidator(ajv, ['api_specs.yml', 'login.yml', 'common.yml', 'version.yml', 'administrative_role.yml'], 'https://specs.invalid/appgate/');
  }
  return appgateValidator;
}
