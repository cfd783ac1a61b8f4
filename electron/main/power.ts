// Runs in: main. The PowerEvents port over Electron's powerMonitor (auto-lock listens to it and asks it).
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
  // 'locked' comes before any threshold in Electron's answer, so the smallest one it takes
  // asks only about the lock; the idle time comes from its own call.
  systemIdle: () => ({ seconds: powerMonitor.getSystemIdleTime(), locked: powerMonitor.getSystemIdleState(1) === 'locked' }),
};
