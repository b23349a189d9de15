/** A place in a text as editors show it: both 1-based. */
export interface LineColumn {
  readonly line: number;
  /** In UTF-16 code units, as editors, tsc and ESLint count columns (a Chinese character is one). */
  readonly column: number;
}

/**
 * Turns offsets of one text into lines and columns: the line starts are found once and each offset
 * is a binary search, so a file with hundreds of issues is not rescanned per issue. A line ends at
 * \n, \r\n or \r, the line breaks JSON allows between tokens.
 */
export const lineColumnOf = (text: string): ((offset: number) => LineColumn) => {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return (offset) => {
    const at = Math.min(Math.max(0, offset), text.length);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - (starts[low] as number) + 1 };
  };
};
