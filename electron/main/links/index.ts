// Runs in: main. Authdesk as the handler of otpauth:// and otpauth-migration:// links: it
// registers itself, and takes links from its own launch, from a second launch (the single-
// instance hand-over: 'second-instance' carries that launch's arguments) and, on macOS, from
// 'open-url'. Each brings the window forward on the add preview (link-inbox.ts).
import { app } from 'electron';
import { resolve } from 'node:path';
import type { Core } from '../../core/app/core.ts';
import type { WindowKeeper } from '../window/window-keeper.ts';
import { LINK_SCHEMES, linksIn } from './argv.ts';
import { LinkInbox } from './link-inbox.ts';

export interface Links {
  /** From now on links go to core: the ones that came before are staged first. */
  deliverTo(core: Core): void;
}

// Note (unpackaged): started as `electron .`, the executable is Electron itself, which must be
// told which app to open, so the OS is given the app's folder as an argument (Electron's
// deep-link guide does the same). A packaged app is its own executable.
function register(): void {
  const appPath = process.argv[1];
  for (const scheme of LINK_SCHEMES) {
    if (!process.defaultApp) app.setAsDefaultProtocolClient(scheme);
    else if (appPath !== undefined) app.setAsDefaultProtocolClient(scheme, process.execPath, [resolve(appPath)]);
  }
}

/** Call before 'ready': macOS sends the link that started the app as 'open-url' before it. */
export function installLinks(windows: WindowKeeper): Links {
  register();
  let inbox: LinkInbox | null = null;
  let early = linksIn(process.argv);
  const arrived = (links: readonly string[]): void => {
    if (links.length === 0) return;
    if (inbox === null) {
      early = [...links];
      return;
    }
    windows.show();
    inbox.open(links);
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    arrived(linksIn([url]));
  });
  app.on('second-instance', (_event, argv) => arrived(linksIn(argv)));
  return {
    deliverTo(core) {
      inbox = new LinkInbox(core);
      inbox.open(early);
      early = [];
    },
  };
}
