// V8 says where it stopped in some of its JSON messages; the rest of those messages quotes the
// input, so only this number may be taken from them.
const POSITION = /at position (\d+)/;

/** The 0-based offset a JSON.parse error names, if it names one. */
export const jsonErrorOffset = (error: unknown): number | undefined => {
  const match = error instanceof Error ? POSITION.exec(error.message) : null;
  return match === null ? undefined : Number(match[1]);
};
