// Runs in: main, tests. Pure: which tray icon file each platform gets.
//
// Note (icon forms): drawn by scripts/tray-icons.ts into electron/main/tray/icons/, copied
// beside main's bundle by scripts/build.ts (dist/main/tray-icons/); change the three together.
// nativeImage.createFromPath picks up the `@2x` file beside each for high-density screens.
// - macOS: a template image (black and alpha, the name ending in `Template`), which the menu bar
//   tints for its light or dark appearance; 16 px and 32 px, as Apple's menu bar extras are.
// - Linux: a colour icon for the StatusNotifierItem (AppIndicator) host; panels draw 22–24 px.
// - Windows: a colour icon at 16 px, 32 px for 200% scaling.
export const TRAY_ICONS_DIR = 'tray-icons';

export function trayIconFile(platform: NodeJS.Platform): { readonly file: string; readonly template: boolean } {
  if (platform === 'darwin') return { file: 'trayTemplate.png', template: true };
  if (platform === 'win32') return { file: 'tray-windows.png', template: false };
  return { file: 'tray-linux.png', template: false };
}
