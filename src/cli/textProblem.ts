/** A problem found in a definition file before (or besides) compiling it: its text, not its meaning. */
export interface TextProblem {
  /** `json-encoding`, `json-syntax`, `json-comment` (errors) or `json-duplicate-key` (a warning). */
  readonly code: 'json-encoding' | 'json-syntax' | 'json-comment' | 'json-duplicate-key';
  /** Which message of the code: `trailing-comma`, `string`, … */
  readonly reason?: string;
  readonly severity: 'error' | 'warning';
  /** UTF-16 offset into the decoded text (without its byte order mark). */
  readonly offset: number;
  /** The definition path it concerns, '' when there is none yet (the text does not parse). */
  readonly path: string;
  readonly params: Readonly<Record<string, string | number>>;
}
