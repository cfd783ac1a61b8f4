// Runs in: renderer.
//
// Stroke icons on a 24-pixel grid, drawn for Authdesk. Each is one SVG path, its strokes
// written as subpaths that each start with an absolute move, so Icon.svelte draws any icon as
// a single <path>: every code row shows three, and one element each keeps rows cheap to build.

const circle = (cx: number, cy: number, r: number): string => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

export const ICONS = {
  codes: [circle(12, 13, 8), 'M12 9v4l2.5 2.5', 'M10 2.5h4'].join(' '),
  approvals: ['M12 3 4.5 6v5.5c0 4.6 3.2 8.3 7.5 9.5 4.3-1.2 7.5-4.9 7.5-9.5V6z', 'M9 12l2 2 4-4'].join(' '),
  sessions: ['M14 3.5h4.5a2 2 0 0 1 2 2v13a2 2 0 0 1-2 2H14', 'M9.5 16.5l4.5-4.5-4.5-4.5', 'M14 12H3.5'].join(' '),
  settings: ['M4 7h9', 'M17 7h3', 'M4 17h3', 'M11 17h9', circle(15, 7, 2), circle(9, 17, 2)].join(' '),
  vault: ['M5 4h14a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z', circle(12, 11.5, 3.5), 'M15.5 11.5H18', 'M7 19v2', 'M17 19v2'].join(' '),
  lock: ['M6.5 10.5h11a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2h-11a2 2 0 0 1-2-2v-6a2 2 0 0 1 2-2z', 'M8 10.5V7.5a4 4 0 0 1 8 0v3', 'M12 14.5v2'].join(' '),
  alert: [circle(12, 12, 9), 'M12 7.5v5.5', 'M12 16.5v.01'].join(' '),
  search: [circle(11, 11, 7), 'M20 20l-3.5-3.5'].join(' '),
  close: ['M6 6l12 12', 'M18 6 6 18'].join(' '),
  keyboard: ['M4 6h16a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2z', 'M6 10h.01', 'M10 10h.01', 'M14 10h.01', 'M18 10h.01', 'M8 14h8'].join(' '),
  star: ['M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z'].join(' '),
  edit: ['M4 20h4L19 9l-4-4L4 16z', 'M13.5 6.5l4 4'].join(' '),
  trash: ['M4.5 7h15', 'M9.5 7V4.5h5V7', 'M6.5 7l1 13h9l1-13', 'M10 11v5.5', 'M14 11v5.5'].join(' '),
  server: ['M5 4h14a1.5 1.5 0 0 1 1.5 1.5v3A1.5 1.5 0 0 1 19 10H5a1.5 1.5 0 0 1-1.5-1.5v-3A1.5 1.5 0 0 1 5 4z', 'M5 14h14a1.5 1.5 0 0 1 1.5 1.5v3A1.5 1.5 0 0 1 19 20H5a1.5 1.5 0 0 1-1.5-1.5v-3A1.5 1.5 0 0 1 5 14z', 'M7.5 7h.01', 'M7.5 17h.01'].join(' '),
  wallet: ['M4 6.5h14a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2z', 'M4 6.5 15 3.5v3', 'M16 13h.01'].join(' '),
  gate: ['M5 21V8l7-4.5L19 8v13', 'M9 21v-7h6v7', 'M12 14v7'].join(' '),
  plus: ['M12 5v14', 'M5 12h14'].join(' '),
  grip: ['M9 6h.01', 'M15 6h.01', 'M9 12h.01', 'M15 12h.01', 'M9 18h.01', 'M15 18h.01'].join(' '),
} as const satisfies Record<string, string>;

export type IconName = keyof typeof ICONS;
