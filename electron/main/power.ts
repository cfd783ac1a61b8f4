// Runs in: main. The PowerEvents port over Electron's powerMonitor (auto-lock listens to it).
import { powerMonitor } from 'electron';
import type { PowerEvents } from '../core/platform/ports.ts';

// powerMonitor's typings overload on() per event name; as a plain emitter it takes any of ours.
const emitter: NodeJS.EventEmitter = powerMonitor;

export const powerMonitorEvents: PowerEvents = {
  on(event, listener) {
    emitter.on(event, listener);
    return () => {
      emitter.off(event, listener);
    };
  },
};
