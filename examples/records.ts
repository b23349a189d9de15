/** Realistic records for each example form: used by the demo, the tests and the benchmark. */
export const NOW = '2026-11-23T10:00:00+08:00';

export const intakeRecord = {
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
};

/** Three mistakes a customer really makes: a 10-digit phone, a missing company name, 6 stars. */
export const invalidIntakeRecord = { ...intakeRecord, phone: '1381234567', companyName: '', satisfaction: 6 };

export const serviceLogRecord = {
  customerName: '某科技有限公司',
  contactPerson: '李娜',
  phone: '13912345678',
  industry: '信息技术服务',
  level: 'vip',
  since: '2023-10-08',
  serviceModes: ['onsite'],
  address: '上海市浦东新区张江路100号',
  services: [
    {
      feedbackTime: '2024-03-15 09:30',
      channel: 'phone',
      feedbackType: 'complaint',
      urgency: 'urgent',
      description: '订单C20240314002收到的产品有划痕，要求换货',
      department: 'after-sales',
      handler: '王强',
      progress: 'done',
      solution: '2024-03-16上门取件，3日内换新',
      completedOn: '2024-03-18',
      satisfaction: 4,
      customerComment: '换货产品已收到，满意',
    },
    {
      feedbackTime: '2024-03-15 14:20',
      channel: 'online',
      feedbackType: 'inquiry',
      urgency: 'normal',
      description: '会员积分兑换规则是否可叠加使用？',
      department: 'customer-service',
      handler: '赵敏',
      progress: 'in-progress',
    },
  ],
};

export const customerInfoRecord = {
  customerName: '深圳某某智能制造有限公司',
  industry: 'manufacturing',
  region: ['440000', '440300', '440305'],
  customerType: 'intended',
  contactName: '陳志明',
  contactTitle: '採購經理',
  contactPhone: '13798765432',
  contactEmail: 'chen@example.com',
  demandDescription: '需要採購10台工業機器人，用於汽車零部件生產線',
  expectedDate: '2027-01-15',
  budget: '500k-1m',
  sources: ['expo', 'referral'],
  qualifications: [{ name: '营业执照.pdf', size: 1_200_000, type: 'application/pdf' }],
};

export const crmRecord = {
  customerName: '某科技有限公司',
  contactName: '刘经理',
  department: '市场部',
  phone: '13600001234',
  email: 'liu@example.com',
  coreNeed: 'purchase',
  urgency: 'urgent',
  budget: '500k-1m',
  purchaseCycle: '1m',
  isDecisionMaker: true,
  decisionScope: ['budget', 'vendor'],
  industry: 'electronics',
  companySize: '500-1000',
  source: 'expo',
  firstContact: '2024-03-15',
  satisfactionScore: 4.5,
};

export const requirementRecord = {
  customerName: '北京某某软件有限公司',
  customerType: 'enterprise',
  creditCode: '91350100M000100Y43',
  industry: '软件和信息技术服务业',
  scale: '50-200',
  address: '北京市海淀区中关村大街1号',
  foundedIn: '2015-03',
  demandType: 'custom-service',
  background: '因业务规模扩大，现有客户管理系统无法支持多部门协同',
  description: '需实现客户数据实时同步、自动化工单分配、多维度数据报表功能',
  complexity: 'high',
  budget: 60,
  expectedDate: '2027-03-01',
};

export const SAMPLE_RECORDS: Readonly<Record<string, Record<string, unknown>>> = {
  'customer-intake': intakeRecord,
  'service-feedback-log': serviceLogRecord,
  'customer-info': customerInfoRecord,
  'crm-profile': crmRecord,
  'requirement-collection': requirementRecord,
};

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '欧阳'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳'];
const INDUSTRIES = ['manufacturing', 'retail', 'it-services', 'other'];
const DEMANDS = ['product-consulting', 'custom-service', 'cooperation', 'other'];
const FEEDBACK = ['satisfaction', 'satisfaction', 'suggestion', 'complaint'];

/** `count` generated intake answers, the same for the same `seed`, so the demo's tables and the benchmark's rows do not change between runs. */
export function* generatedIntakeValues(count: number, seed = 1): Generator<Record<string, unknown>> {
  // mulberry32: small, and its low bits are as random as its high ones (a plain LCG's are not).
  let state = seed >>> 0;
  const next = (range: number): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return (((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296) * range | 0;
  };
  const pick = <T>(list: readonly T[]): T => list[next(list.length)] as T;
  for (let index = 0; index < count; index++) {
    const enterprise = next(3) > 0;
    const feedbackType = pick(FEEDBACK);
    yield {
      customerType: enterprise ? 'enterprise' : 'individual',
      name: pick(SURNAMES) + pick(GIVEN) + (next(2) === 0 ? pick(GIVEN) : ''),
      phone: `1${pick(['3', '5', '8', '9'])}${String(next(1_000_000_000)).padStart(9, '0')}`,
      email: `user${index}@example.com`,
      ...(enterprise ? { companyName: `${pick(['杭州', '深圳', '上海', '成都'])}${pick(['某某', '华信', '联创'])}科技有限公司` } : {}),
      industry: pick(INDUSTRIES),
      demandType: pick(DEMANDS),
      demandDescription: `需求说明 ${index}`,
      budget: pick(['lt10k', '10k-50k', '50k-100k', 'gt100k']),
      urgency: pick(['high', 'medium', 'low']),
      feedbackType,
      feedbackContent: feedbackType === 'complaint' ? '交付延迟，请尽快处理' : '整体满意',
      ...(feedbackType === 'satisfaction' ? { satisfaction: 2 + next(4) } : {}),
    };
  }
}
