// Runs in: main.
//
// Note (window icon): only Linux takes a window's icon from the window; macOS and Windows show
// the icon of the executable electron-builder made from build/icon.png. The PNG ships inside
// app.asar because build/electron-builder.yml lists it in `files`; change the two together.
import { join } from 'node:path';

/** The PNG the window should show, from the app's root (the repository, or app.asar); undefined where the OS ignores it. */
export function windowIcon(platform: NodeJS.Platform, appRoot: string): string | undefined {
  return platform === 'linux' ? join(appRoot, 'build', 'icons', '512x512.png') : undefined;
}
