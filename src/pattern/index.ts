/** Linear-time matching of `u`-mode regular expression patterns from untrusted form definitions. */
export { compilePattern, type PatternMatcher, type PatternResult } from './compilePattern';
