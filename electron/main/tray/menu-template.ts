// Runs in: main, tests. Pure (types only from 'electron'): the menu model as the template
// Menu.buildFromTemplate takes, with each click running its action.
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayAction, TrayItem } from './menu-model.ts';

/**
 * On Windows and Linux a `&` in a label marks the next letter as the item's access key and is
 * not shown; `&&` shows one. An account named "AT&T" must read as itself.
 */
export function menuLabel(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replaceAll('&', '&&');
}

export function menuTemplate(items: readonly TrayItem[], run: (action: TrayAction) => void, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'note':
        return { label: menuLabel(item.label, platform), enabled: false };
      case 'item':
        return { label: menuLabel(item.label, platform), click: () => run(item.action) };
      case 'radio':
        return { type: 'radio', label: menuLabel(item.label, platform), checked: item.checked, click: () => run(item.action) };
      case 'submenu':
        return { label: menuLabel(item.label, platform), submenu: menuTemplate(item.items, run, platform) };
    }
  });
}
