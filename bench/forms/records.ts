/**
 * The records every engine in the peer bench validates (bench/forms/intake.json). Built by one
 * function each call site shares, so every engine gets objects of the same shape (an object that had
 * a key deleted is slower in V8 for every engine).
 */
export const benchValidRecord = (): Record<string, unknown> => ({
  customerType: 'enterprise',
  name: '张伟',
  phone: '13812345678',
  email: 'zhang.wei@example.com',
  companyName: '杭州某某科技有限公司',
  industry: 'manufacturing',
  demandType: 'cooperation',
  demandDescription: '需要采购10台工业设备，用于汽车零部件生产线',
  expectedDate: '2026-12-20',
  budget: 'gt100k',
  urgency: 'high',
  feedbackType: 'satisfaction',
  feedbackContent: '产品操作复杂，建议简化流程',
  satisfaction: 4,
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
