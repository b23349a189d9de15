// V8 says where it stopped in some of its JSON messages; the rest of those messages quotes the
// input, so only this number may be taken from them.
const POSITION = /at position (\d+)/;

/** The 0-based offset a JSON.parse error names, if it names one. */
export const jsonErrorOffset = (error: unknown): number | undefined => {
  const match = error instanceof Error ? POSITION.exec(error.message) : null;
  return match === null ? undefined : Number(match[1]);
};

/** 1-based line and column of an offset into a text. */
export const lineColumn = (text: string, offset: number): { line: number; column: number } => {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
};
