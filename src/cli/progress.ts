/** Counts records on a terminal's stderr while an export runs. */
export interface Progress {
  /** One more record read. */
  record(): void;
  /** The final line: the count, the rate, the time and where it went. */
  finish(where: string): void;
  /** Ends a drawn line so that an error message starts on its own line. */
  stop(): void;
}

// A terminal redrawn more often than this flickers and costs more than the count is worth.
const REDRAW_MS = 100;

/** Shows nothing: for a pipe, a file, or when the results themselves go to the terminal. */
export const NO_PROGRESS: Progress = { record() {}, finish() {}, stop() {} };

const count = (n: number): string => n.toLocaleString('en-US');

const duration = (ms: number): string => {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
};

const rate = (records: number, ms: number): string => (ms <= 0 ? '' : `${count(Math.round((records * 1000) / ms))}/s`);

/**
 * Progress on `stderr` when it is a terminal, redrawn in place with '\r' at most ten times a second;
 * nothing at all when stderr is a pipe or a file, so a log gets no carriage returns. `clock` gives
 * milliseconds (tests pass their own).
 */
export const createProgress = (stderr: { write(text: string): unknown; readonly isTTY?: boolean }, clock: () => number): Progress => {
  if (stderr.isTTY !== true) return NO_PROGRESS;
  const started = clock();
  let records = 0;
  let lastDraw = started;
  let drawnLength = 0;
  const draw = (text: string, end: string): void => {
    // Padded over the previous line: a shorter line would leave the old one's tail visible.
    stderr.write(`\r${text.padEnd(drawnLength)}${end}`);
    drawnLength = end === '' ? text.length : 0;
  };
  return {
    record() {
      records += 1;
      const now = clock();
      if (now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const elapsed = now - started;
      draw(`${count(records)} records  ${rate(records, elapsed)}  ${duration(elapsed)}`, '');
    },
    finish(where: string) {
      const elapsed = clock() - started;
      const speed = rate(records, elapsed);
      draw(`${count(records)} record${records === 1 ? '' : 's'} in ${duration(elapsed)}${speed === '' ? '' : ` (${speed})`} → ${where}`, '\n');
    },
    stop() {
      if (drawnLength > 0) stderr.write('\n');
      drawnLength = 0;
    },
  };
};
