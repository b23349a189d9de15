import { DEFAULT_MAX_LENGTH } from '../fields/text';
import { compilePattern } from '../pattern';
import type { FormModel } from './formModel';
import type { IssueCollector } from './issueCollector';

/**
 * The most one pattern check may cost, in program instructions × code points read (see
 * PatternMatcher.cost): the largest program the pattern engine accepts on a default-length textarea
 * (1,000 × 10,000), about 0.1 s in the worst case. Without it, a field with maxLength 1,000,000 and
 * such a pattern would make one validate() take seconds.
 */
export const MAX_PATTERN_COST = 10_000_000;

/**
 * Refuses a text pattern that the longest text its field admits would make too slow to check. The
 * engine bounds the cost per character; only here are pattern and length known together.
 */
export const checkPatternCost = (model: FormModel, issues: IssueCollector): void => {
  for (const field of model.byKey.values()) {
    if (field.type !== 'text' && field.type !== 'textarea') continue;
    const { pattern, maxLength } = field.def;
    // A pattern or length with an issue of its own has been reported already.
    if (typeof pattern !== 'string' || issues.hasIssueAt(`${field.defPath}.pattern`) || issues.hasIssueAt(`${field.defPath}.maxLength`)) continue;
    const compiled = compilePattern(pattern);
    if (!compiled.ok) continue;
    const length = typeof maxLength === 'number' ? maxLength : DEFAULT_MAX_LENGTH[field.type];
    const cost = compiled.matcher.cost(length);
    if (cost <= MAX_PATTERN_COST) continue;
    issues.issue('bad-pattern', `${field.defPath}.pattern`, 'too-costly', {
      detail: `one check of a text of ${length} characters could take ${cost} steps, more than the limit of ${MAX_PATTERN_COST}: use smaller counts, anchor the pattern with ^ and bound its repetitions, or lower maxLength`,
      cost,
      limit: MAX_PATTERN_COST,
      maxLength: length,
    });
  }
};
