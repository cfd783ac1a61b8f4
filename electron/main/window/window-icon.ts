// Runs in: main.
//
// Note (window icon): only Linux takes a window's icon from the window (and a notification's
// from the notification); macOS and Windows show the icon of the executable electron-builder
// made from build/icon.png. scripts/build.ts copies build/icons/512x512.png beside main's
// bundle as APP_ICON_FILE, so it ships in dist/ like everything else; change the two together.
import { join } from 'node:path';

export const APP_ICON_FILE = 'app-icon.png';

/** The PNG the window should show, beside main's bundle; undefined where the OS ignores it. */
export function windowIcon(platform: NodeJS.Platform, mainDir: string): string | undefined {
  return platform === 'linux' ? join(mainDir, APP_ICON_FILE) : undefined;
}
