import { unlinkSync } from 'node:fs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Removes `path` if the process is interrupted (Ctrl-C, a kill) before `release` is called: 'exit'
 * handlers do not run when a signal ends the process, and a half-written file must not stay behind.
 * After removing it the signal is raised again so the process ends as it would have, unless the host
 * program listens for that signal itself.
 */
export const removeOnSignal = (path: string): (() => void) => {
  const handlers = new Map<NodeJS.Signals, () => void>();
  const release = (): void => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    handlers.clear();
  };
  for (const signal of SIGNALS) {
    const handler = (): void => {
      release();
      try {
        unlinkSync(path);
      } catch {
        // Already gone, or never created: nothing to clean.
      }
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
  return release;
};
