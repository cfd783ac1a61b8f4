// Runs in: tests.
//
// Note (fail loudly): main never touches the stand-in's fakes directly, only views of them.
// A view records every call and property read, in order, and throws, naming the API, when
// main reaches for something the stand-in does not implement. A new use of Electron in main
// (clipboard, Notification, Tray, a webContents method...) then fails with a message that says
// what to add to test/support/electron/standin.ts, instead of an undefined deep inside a test.

export interface Call {
  /** 'app.enableSandbox', 'new BrowserWindow', 'app.isPackaged' (a read)... */
  readonly api: string;
  readonly kind: 'call' | 'new' | 'read';
  readonly args: readonly unknown[];
  /** Whether Electron's 'ready' had not happened yet when main made the call. */
  readonly beforeReady: boolean;
}

const HINT = 'add it to test/support/electron/standin.ts';

export function notImplemented(api: string): Error {
  return new Error(`electron stand-in: ${api} is not implemented; ${HINT}.`);
}

export function createViews(isReady: () => boolean) {
  const calls: Call[] = [];
  const names = new WeakMap<object, string>();
  const views = new WeakMap<object, object>();
  const record = (kind: Call['kind'], api: string, args: readonly unknown[]) => calls.push({ api, kind, args, beforeReady: !isReady() });

  /** What main gets in place of a fake: its view if it has one (arrays element by element). */
  const seenByMain = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(seenByMain);
    return (typeof value === 'object' || typeof value === 'function') && value !== null && names.has(value) ? viewOf(value) : value;
  };

  function viewOf<T extends object>(fake: T): T {
    const existing = views.get(fake);
    if (existing) return existing as T;
    const name = names.get(fake) ?? 'electron';
    const view = new Proxy(fake, {
      get(target, property) {
        if (typeof property === 'symbol') return Reflect.get(target, property);
        if (!(property in target)) {
          // Awaiting or resolving with an object asks for .then: the view is not a thenable.
          if (property === 'then') return undefined;
          throw notImplemented(`${name}.${property}`);
        }
        const value: unknown = Reflect.get(target, property);
        if (typeof value !== 'function') {
          record('read', `${name}.${property}`, []);
          return seenByMain(value);
        }
        return (...args: unknown[]) => {
          record('call', `${name}.${property}`, args);
          return seenByMain(Reflect.apply(value, target, args));
        };
      },
      construct(target, args) {
        record('new', `new ${name}`, args);
        return seenByMain(Reflect.construct(target as new (...a: unknown[]) => object, args)) as object;
      },
    });
    views.set(fake, view);
    return view;
  }

  /** Gives a fake its API name; main then only ever sees its recording view. */
  function named<T extends object>(name: string, fake: T): T {
    names.set(fake, name);
    return fake;
  }

  return { calls: calls as readonly Call[], named, seenByMain };
}

/** An Electron module the stand-in does not implement: any use of it throws, naming it. */
export function missing(name: string): unknown {
  return new Proxy(function missingApi() {}, {
    get(_target, property) {
      if (typeof property === 'symbol' || property === 'then') return undefined;
      throw notImplemented(`${name}.${property}`);
    },
    apply() {
      throw notImplemented(`${name}()`);
    },
    construct() {
      throw notImplemented(`new ${name}()`);
    },
  });
}
