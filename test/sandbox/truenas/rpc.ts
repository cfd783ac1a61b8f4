// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// JSON-RPC 2.0 framing and the error shapes of the TrueNAS middleware (CONTRACTS A.1).

export const ERRNO = { EBUSY: 16, EINVAL: 22, EOPNOTSUPP: 95, ENOTAUTHENTICATED: 207 } as const;
export type Errname = keyof typeof ERRNO;

/** One entry of `data.extra`: [dotted attribute, message, errno]. */
export type FieldError = [string, string, number];

export class RpcError extends Error {
  readonly code: number;
  readonly data: Record<string, unknown> | undefined;

  constructor(code: number, message: string, data?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

function errorData(errname: Errname, message: string, extra: FieldError[] | null = null): Record<string, unknown> {
  return { error: ERRNO[errname], errname, reason: `[${errname}] ${message}`, trace: null, extra };
}

/** -32001, "Method call error": what a CallError raised inside a method becomes. */
export function callError(errname: Errname, message: string): RpcError {
  return new RpcError(-32001, 'Method call error', errorData(errname, message));
}

/** -32602 with every field error in `extra`, as pydantic's strict models report them. */
export function invalidParams(errors: FieldError[]): RpcError {
  const reason = errors.map(([attribute, message]) => `${attribute}: ${message}`).join('\n');
  return new RpcError(-32602, 'Invalid params', { ...errorData('EINVAL', reason, errors), reason: `[EINVAL] ${reason}` });
}

export const methodNotFound = () => new RpcError(-32601, 'Method does not exist');
export const invalidRequest = (message: string) => new RpcError(-32600, message);

export type RpcId = number | string | null;

export function resultFrame(id: RpcId, result: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', result, id });
}

export function errorFrame(id: RpcId, error: RpcError): string {
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.data) body.data = error.data;
  return JSON.stringify({ jsonrpc: '2.0', error: body, id });
}

export interface RpcCall {
  readonly id: RpcId;
  /** False when the request had no `id`: it still runs, but no response is sent. */
  readonly wantsReply: boolean;
  readonly method: string;
  readonly params: unknown[];
}

/** Parses one frame; throws RpcError with the id to answer with (null when unknown). */
export function parseCall(text: string): RpcCall {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    throw Object.assign(new RpcError(-32700, 'Parse error'), { id: null });
  }
  if (Array.isArray(message)) throw Object.assign(invalidRequest('Batch messages are not supported at this time'), { id: null });
  if (typeof message !== 'object' || message === null) throw Object.assign(invalidRequest('Invalid request'), { id: null });
  const frame = message as Record<string, unknown>;
  const id = typeof frame.id === 'number' || typeof frame.id === 'string' ? frame.id : null;
  const fail = (text: string) => Object.assign(invalidRequest(text), { id });
  if (frame.jsonrpc !== '2.0') throw fail("'jsonrpc' member must be '2.0'");
  if (typeof frame.method !== 'string') throw fail("'method' member must be of type string");
  if (frame.params !== undefined && !Array.isArray(frame.params)) throw fail("'params' member must be of type array");
  return { id, wantsReply: 'id' in frame, method: frame.method, params: (frame.params as unknown[] | undefined) ?? [] };
}
