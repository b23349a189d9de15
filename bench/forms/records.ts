import { intakeRecord } from '../../examples/records';

/**
 * The records every engine in the peer bench validates (bench/forms/intake.json). Built by one
 * function each call site shares, so every engine gets objects of the same shape (an object that had
 * a key deleted is slower in V8 for every engine).
 */
export const benchValidRecord = (): Record<string, unknown> => ({
  ...intakeRecord,
  isDecisionMaker: true,
  decisionScope: 'purchase',
  sources: ['expo', 'referral'],
  services: [
    { date: '2026-11-02', channel: 'onsite', progress: 'done', solution: '上门调试，已恢复生产' },
    { date: '2026-11-20', channel: 'phone', progress: 'pending' },
  ],
});

/** Three mistakes a customer really makes: a 10-digit phone, a missing company name, 6 stars. */
export const benchInvalidRecord = (): Record<string, unknown> => ({
  ...benchValidRecord(),
  phone: '1381234567',
  companyName: '',
  satisfaction: 6,
});

/** What every engine must report on the invalid record, by path, before its speed counts. */
export const BENCH_INVALID_PATHS = ['companyName', 'phone', 'satisfaction'] as const;
