import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileForm, FormUsageError, maskValue } from '../../src/index';
import type { InternalForm } from '../../src/compile/internalForm';
import type { PiiKind } from '../../src/core/definitionTypes';
import { asSealedValue, type SealedValue } from '../../src/core/sealedValue';
import { isEmptyText } from '../../src/fields/emptiness';
import { internalFormOf } from '../../src/form/internal';
import { dedupKeys } from '../../src/governance/dedupKeys';
import { findDuplicates } from '../../src/governance/findDuplicates';
import { normalizeKey } from '../../src/governance/normalizeKey';
import { fromBase64url, toBase64url } from '../../src/core/base64url';
import type { KeyProvider } from '../../src/privacy/keyProvider';
import { keyProviderFromRaw } from '../../src/privacy/keyProviderFromRaw';
import { resealValues } from '../../src/privacy/resealValues';
import { SealError, type SealErrorCode } from '../../src/privacy/sealError';
import { sealValues } from '../../src/privacy/sealValues';
import { unsealValues } from '../../src/privacy/unsealValues';
import { customerInfoRecord } from '../../examples/records';

const bytes = (seed: number): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => (seed * 31 + i * 7) & 0xff);
const K1 = bytes(1);
const K2 = bytes(2);
const INDEX = bytes(9);
const keysV1 = keyProviderFromRaw({ current: 'k1', keys: { k1: K1 }, index: INDEX });
const keysV2 = keyProviderFromRaw({ current: 'k2', keys: { k1: K1, k2: K2 }, index: INDEX });
const onlyV2 = keyProviderFromRaw({ current: 'k2', keys: { k2: K2 }, index: INDEX });

const KINDS: readonly PiiKind[] = ['phone', 'email', 'name', 'id-card', 'uscc', 'address', 'bank-card', 'other'];

/** One field per kind of personal data, the same kinds in group rows, a plain field and one only admins read. */
const form: InternalForm = internalFormOf(compileForm({
  id: 'seal-test',
  version: 1,
  title: 'Seal',
  roles: ['customer', 'clerk', 'reviewer', 'admin'],
  sections: [{ id: 'main', fields: [
    { id: 'name', type: 'text', label: '姓名', pii: 'name' },
    { id: 'phone', type: 'text', label: '手机', format: 'cn-mobile', pii: 'phone' },
    { id: 'email', type: 'text', label: '邮箱', pii: 'email' },
    { id: 'idCard', type: 'text', label: '身份证', pii: 'id-card' },
    { id: 'uscc', type: 'text', label: '信用代码', pii: 'uscc' },
    { id: 'address', type: 'textarea', label: '地址', pii: 'address' },
    { id: 'card', type: 'text', label: '银行卡', pii: 'bank-card' },
    { id: 'other', type: 'text', label: '其他', pii: 'other' },
    { id: 'age', type: 'number', label: '年龄', pii: 'other' },
    { id: 'note', type: 'text', label: '备注' },
    { id: 'secret', type: 'text', label: '内部', pii: 'other', access: { read: ['admin'], write: ['admin'] } },
    { id: 'contacts', type: 'group', label: '联系人', fields: [
      { id: 'who', type: 'text', label: '姓名', pii: 'name' },
      { id: 'tel', type: 'text', label: '电话', pii: 'phone' },
      { id: 'mail', type: 'text', label: '邮箱', format: 'email' },
      { id: 'relation', type: 'text', label: '关系' },
    ] },
  ] }],
  dedup: [
    { id: 'phone', fields: ['phone'], normalize: ['cn-mobile'] },
    { id: 'person', fields: ['name', 'email'], normalize: ['trim', 'email'] },
  ],
  masking: { policies: { view: { phone: 'phone', name: 'name', email: 'email', idCard: 'id-card', uscc: 'uscc', address: 'address', card: 'bank-card', other: 'other', age: 'other', secret: 'other', 'contacts.who': 'name', 'contacts.tel': 'phone' } } },
  encryption: { pii: KINDS, reveal: ['reviewer', 'admin'] },
}));

const PLAIN = {
  name: '欧阳修',
  phone: '13812345678',
  email: 'zhang.wei@example.com',
  idCard: '11010519491231002X',
  uscc: '91350211M000100Y43',
  address: '上海市浦东新区张江路100号',
  card: '6222021234567890128',
  other: '内部代号甲乙丙',
  age: 42,
  note: '普通备注',
  secret: '仅管理员可见',
  contacts: [
    { who: '张伟', tel: '13900001111', mail: 'li@example.com', relation: '同事' },
    { who: '李娜', tel: '+86 137-0000-2222', relation: '家人' },
  ],
};
const SEALED_TOP = ['name', 'phone', 'email', 'idCard', 'uscc', 'address', 'card', 'other', 'age', 'secret'] as const;

/** The coded SealError a promise rejects with. */
const sealError = async (promise: Promise<unknown>): Promise<SealError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SealError) return error;
    throw error;
  }
  throw new Error('expected a SealError');
};
const expectCode = async (promise: Promise<unknown>, code: SealErrorCode, path?: string): Promise<SealError> => {
  const error = await sealError(promise);
  expect(error.code).toBe(code);
  if (path !== undefined) expect(error.path).toBe(path);
  return error;
};

const sealedAt = (values: Record<string, unknown>, key: string): SealedValue => {
  const sealed = asSealedValue(values[key]);
  if (sealed === undefined) throw new Error(`${key} is not sealed`);
  return sealed;
};
const rowsOf = (values: Record<string, unknown>): Record<string, unknown>[] => values.contacts as Record<string, unknown>[];

describe('sealValues / unsealValues round trip', () => {
  it('seals every field of a kind the block names, top-level and in rows, and a revealed role reads them back exactly', async () => {
    const sealed = await sealValues(form, PLAIN, { keys: keysV1 });
    for (const key of SEALED_TOP) expect(sealedAt(sealed, key).kid, key).toBe('k1');
    expect(sealed.note).toBe('普通备注');
    for (const row of rowsOf(sealed)) {
      expect(asSealedValue(row.who)).toBeDefined();
      expect(asSealedValue(row.tel)).toBeDefined();
      expect(row.relation).toBeTypeOf('string');
    }
    // A format that collects personal data is sealed as that kind, with or without `pii`.
    expect(asSealedValue(rowsOf(sealed)[0]?.mail)).toBeDefined();
    expect(await unsealValues(form, sealed, { keys: keysV1, role: 'admin' })).toEqual(PLAIN);
  });

  it('round-trips each kind on its own, including numbers, lists and texts outside the BMP', async () => {
    const answers: Record<string, unknown>[] = [
      { name: '𠀋伟' }, { phone: '+86 138 1234 5678' }, { email: 'A@Example.COM' }, { idCard: '11010519491231002X' },
      { uscc: '91350211M000100Y43' }, { address: '广东省深圳市南山区科技园' }, { card: '6222 0212 3456 7890 128' },
      { other: 'x' }, { age: 0 }, { contacts: [{ who: '王', tel: '010-12345678' }, {}] },
    ];
    for (const values of answers) {
      const sealed = await sealValues(form, values, { keys: keysV1, recordId: 'r-1' });
      expect(JSON.stringify(sealed)).toContain('"$sealed":1');
      expect(await unsealValues(form, sealed, { keys: keysV1, role: 'admin', recordId: 'r-1' })).toEqual(values);
    }
  });

  it('leaves unanswered fields unanswered, keeps plain fields and keys the form does not know, and never mutates its input', async () => {
    const input = structuredClone({ ...PLAIN, phone: null, email: '', other: undefined, extra: { keep: 'me' } });
    const frozen = Object.freeze(structuredClone(input));
    const sealed = await sealValues(form, frozen, { keys: keysV1 });
    expect(frozen).toEqual(input);
    expect(sealed.phone).toBeNull();
    expect(sealed.email).toBe('');
    expect('other' in sealed).toBe(false);
    expect(sealed.extra).toEqual({ keep: 'me' });
    expect(sealed.extra).not.toBe(frozen.extra);
    expect(await unsealValues(form, sealed, { keys: keysV1, role: 'admin' })).toEqual({ ...PLAIN, phone: null, email: '', other: undefined });
  });

  it('keeps values that are sealed already as they are', async () => {
    const once = await sealValues(form, PLAIN, { keys: keysV1 });
    const twice = await sealValues(form, once, { keys: keysV2 });
    expect(twice).toEqual(once);
    expect(sealedAt(twice, 'phone').kid).toBe('k1');
  });

  it('pads plain texts, so the ciphertext does not tell a two-character name from a three-character one', async () => {
    const a = await sealValues(form, { name: '张伟' }, { keys: keysV1 });
    const b = await sealValues(form, { name: '欧阳修' }, { keys: keysV1 });
    expect(sealedAt(a, 'name').ct.length).toBe(sealedAt(b, 'name').ct.length);
  });

  it('uses a fresh IV each time: sealing one value twice gives two ciphertexts', async () => {
    const a = await sealValues(form, { phone: '13812345678' }, { keys: keysV1 });
    const b = await sealValues(form, { phone: '13812345678' }, { keys: keysV1 });
    expect(sealedAt(a, 'phone').iv).not.toBe(sealedAt(b, 'phone').iv);
    expect(sealedAt(a, 'phone').ct).not.toBe(sealedAt(b, 'phone').ct);
  });
});

describe('unsealValues by role', () => {
  it('reveals plain values to roles in `reveal`, masks them by kind for the others, and drops what a role may not read', async () => {
    const sealed = await sealValues(form, PLAIN, { keys: keysV1 });
    const reviewer = await unsealValues(form, sealed, { keys: keysV1, role: 'reviewer' });
    const { secret: _secret, ...readable } = PLAIN;
    expect(reviewer).toEqual(readable);

    const clerk = await unsealValues(form, sealed, { keys: keysV1, role: 'clerk' });
    expect(clerk).toEqual({
      name: '欧**',
      phone: '138****5678',
      email: 'z***@example.com',
      idCard: '110105********002X',
      uscc: maskValue(PLAIN.uscc, 'uscc'),
      address: '上海市浦东新区*******',
      card: '***************0128',
      other: maskValue(PLAIN.other, 'other'),
      age: maskValue(42, 'other'),
      note: '普通备注',
      contacts: [
        { who: '张*', tel: '139****1111', mail: maskValue('li@example.com', 'email'), relation: '同事' },
        { who: '李*', tel: '137****2222', relation: '家人' },
      ],
    });
    // No role at all: masked, and only fields everyone may read.
    expect(await unsealValues(form, sealed, { keys: keysV1 })).toEqual(clerk);
  });

  it('masks answers of sealed kinds that were stored plain for roles that are not revealed', async () => {
    const clerk = await unsealValues(form, { phone: '13812345678', note: 'n' }, { keys: keysV1, role: 'clerk' });
    expect(clerk).toEqual({ phone: '138****5678', note: 'n' });
  });

  it('refuses an undeclared role, unknown options and a record in place of values', async () => {
    await expect(unsealValues(form, {}, { keys: keysV1, role: 'nobody' })).rejects.toThrow(FormUsageError);
    await expect(sealValues(form, {}, { keys: keysV1, recordID: 'r-1' })).rejects.toThrow(/recordID/);
    await expect(sealValues(form, { formId: 'seal-test', values: {}, history: [] }, { keys: keysV1 })).rejects.toThrow(/not a record/);
    await expect(sealValues(form, [], { keys: keysV1 })).rejects.toThrow(FormUsageError);
  });
});

describe('key rotation', () => {
  it('opens values sealed with an older key, and resealValues moves every one to the current key', async () => {
    const old = await sealValues(form, PLAIN, { keys: keysV1, recordId: 'r-7' });
    expect(await unsealValues(form, old, { keys: keysV2, role: 'admin', recordId: 'r-7' })).toEqual(PLAIN);
    await expectCode(unsealValues(form, old, { keys: onlyV2, role: 'admin', recordId: 'r-7' }), 'unknown-key');

    const moved = await resealValues(form, old, { keys: keysV2, recordId: 'r-7' });
    for (const key of SEALED_TOP) {
      expect(sealedAt(moved, key).kid).toBe('k2');
      // The blind index does not depend on the sealing key: dedup keys survive rotation.
      expect(sealedAt(moved, key).bi).toBe(sealedAt(old, key).bi);
    }
    for (const row of rowsOf(moved)) expect(asSealedValue(row.tel)?.kid).toBe('k2');
    expect(await unsealValues(form, moved, { keys: onlyV2, role: 'admin', recordId: 'r-7' })).toEqual(PLAIN);
    expect(dedupKeys(form, moved)).toEqual(dedupKeys(form, old));
  });

  it('re-encrypts only values under another key', async () => {
    const mixed = { ...(await sealValues(form, { phone: '13812345678' }, { keys: keysV2 })), ...(await sealValues(form, { name: '张伟' }, { keys: keysV1 })) };
    const moved = await resealValues(form, mixed, { keys: keysV2 });
    expect(moved.phone).toEqual(mixed.phone);
    expect(sealedAt(moved, 'name').kid).toBe('k2');
    expect(sealedAt(moved, 'name').ct).not.toBe(sealedAt(mixed, 'name').ct);
  });

  it('with `reindex`, computes the blind indexes again under a new index key', async () => {
    const sealed = await sealValues(form, PLAIN, { keys: keysV2 });
    const newIndex = keyProviderFromRaw({ current: 'k2', keys: { k2: K2 }, index: bytes(10) });
    const reindexed = await resealValues(form, sealed, { keys: newIndex, reindex: true });
    expect(sealedAt(reindexed, 'phone').bi).not.toBe(sealedAt(sealed, 'phone').bi);
    expect(sealedAt(reindexed, 'phone').bi).toBe(sealedAt(await sealValues(form, { phone: '+8613812345678' }, { keys: newIndex }), 'phone').bi);
    expect(await unsealValues(form, reindexed, { keys: newIndex, role: 'admin' })).toEqual(PLAIN);
  });
});

describe('values that must not open', () => {
  const flip = (text: string, at: number): string => {
    const data = fromBase64url(text) as Uint8Array;
    data[at] = (data[at] as number) ^ 1;
    return toBase64url(data);
  };

  it('a wrong key with the same id is `tampered`', async () => {
    const sealed = await sealValues(form, PLAIN, { keys: keysV1 });
    const impostor = keyProviderFromRaw({ current: 'k1', keys: { k1: bytes(3) }, index: INDEX });
    await expectCode(unsealValues(form, sealed, { keys: impostor, role: 'admin' }), 'tampered');
  });

  it('a flipped byte of the ciphertext, the IV or the blind index is `tampered`, and the error names the path, never the value', async () => {
    const sealed = await sealValues(form, PLAIN, { keys: keysV1 });
    const phone = sealedAt(sealed, 'phone');
    for (const changed of [{ ...phone, ct: flip(phone.ct, 3) }, { ...phone, iv: flip(phone.iv, 0) }, { ...phone, bi: flip(phone.bi as string, 5) }]) {
      const error = await expectCode(unsealValues(form, { ...sealed, phone: changed }, { keys: keysV1, role: 'admin' }), 'tampered', 'phone');
      expect(error.message).toContain("'phone'");
      for (const secret of [PLAIN.phone, phone.ct, changed.ct]) expect(error.message).not.toContain(secret);
    }
  });

  it('a ciphertext moved to another field, another row field or another form is `tampered`', async () => {
    const sealed = await sealValues(form, PLAIN, { keys: keysV1 });
    await expectCode(unsealValues(form, { other: sealed.phone }, { keys: keysV1, role: 'admin' }), 'tampered', 'other');
    await expectCode(unsealValues(form, { contacts: [{ tel: sealed.phone }] }, { keys: keysV1, role: 'admin' }), 'tampered', 'contacts.0.tel');
    const twin = internalFormOf(compileForm({ ...form.definition, id: 'seal-twin' }));
    await expectCode(unsealValues(twin, sealed, { keys: keysV1, role: 'admin' }), 'tampered');
  });

  it('a ciphertext moved to another record is `tampered`, and so is one read without its record id', async () => {
    const sealed = await sealValues(form, PLAIN, { keys: keysV1, recordId: 'r-1' });
    await expectCode(unsealValues(form, sealed, { keys: keysV1, role: 'admin', recordId: 'r-2' }), 'tampered');
    await expectCode(unsealValues(form, sealed, { keys: keysV1, role: 'admin' }), 'tampered');
    await expectCode(resealValues(form, sealed, { keys: keysV2, recordId: 'r-2' }), 'tampered');
  });

  it('a malformed sealed value is `bad-sealed-value`, whether sealing, opening or resealing', async () => {
    const sealed = await sealValues(form, PLAIN, { keys: keysV1 });
    const phone = sealedAt(sealed, 'phone');
    const broken: unknown[] = [
      { $sealed: 1, kid: 'k1' }, { ...phone, $sealed: 2 }, { ...phone, iv: 'short' }, { ...phone, ct: `${phone.ct}!` },
      { ...phone, extra: 1 }, { ...phone, kid: '' }, { ...phone, kid: 'k 1' }, { ...phone, bi: 'x' }, { ...phone, ct: phone.ct.slice(0, 21) },
    ];
    for (const value of broken) {
      await expectCode(unsealValues(form, { phone: value }, { keys: keysV1, role: 'admin' }), 'bad-sealed-value', 'phone');
      await expectCode(sealValues(form, { phone: value }, { keys: keysV1 }), 'bad-sealed-value', 'phone');
      await expectCode(resealValues(form, { phone: value }, { keys: keysV2 }), 'bad-sealed-value', 'phone');
    }
  });

  it('a broken key provider is `bad-key-provider`', async () => {
    await expectCode(sealValues(form, PLAIN, { keys: {} as KeyProvider }), 'bad-key-provider');
    const hmac = await crypto.subtle.importKey('raw', INDEX as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const aes = await crypto.subtle.importKey('raw', K1 as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['encrypt', 'decrypt']);
    const swapped: KeyProvider = { current: () => ({ id: 'k1', key: hmac }), get: () => aes, indexKey: () => aes };
    await expectCode(sealValues(form, PLAIN, { keys: swapped }), 'bad-key-provider');
    const badIndex: KeyProvider = { current: () => ({ id: 'k1', key: aes }), get: () => aes, indexKey: () => aes };
    await expectCode(sealValues(form, PLAIN, { keys: badIndex }), 'bad-key-provider');
    const badId: KeyProvider = { current: () => ({ id: 'k 1', key: aes }), get: () => aes, indexKey: () => hmac };
    await expectCode(sealValues(form, PLAIN, { keys: badId }), 'bad-key-provider');
    expect(() => keyProviderFromRaw({ current: 'k1', keys: { k1: new Uint8Array(16) }, index: INDEX })).toThrow(SealError);
    expect(() => keyProviderFromRaw({ current: 'k9', keys: { k1: K1 }, index: INDEX })).toThrow(SealError);
    expect(() => keyProviderFromRaw({ current: 'k1', keys: { k1: K1 }, index: K1 })).toThrow(/index/);
  });

  it('a provider of its own, asked once per key and call, with keys picked by the seal time', async () => {
    const aes = await crypto.subtle.importKey('raw', K1 as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['encrypt', 'decrypt']);
    const hmac = await crypto.subtle.importKey('raw', INDEX as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const asked: string[] = [];
    const provider: KeyProvider = {
      current: (now) => { asked.push(`current ${now.getUTCFullYear()}`); return { id: `k${now.getUTCFullYear()}`, key: aes }; },
      get: async (id) => { asked.push(`get ${id}`); return id === 'k2026' ? aes : undefined; },
      indexKey: async () => { asked.push('index'); return hmac; },
    };
    const sealed = await sealValues(form, PLAIN, { keys: provider, now: '2026-03-01T00:00:00Z' });
    expect(sealedAt(sealed, 'phone').kid).toBe('k2026');
    expect(asked.sort()).toEqual(['current 2026', 'index']);
    asked.length = 0;
    expect(await unsealValues(form, sealed, { keys: provider, role: 'admin' })).toEqual(PLAIN);
    expect(asked).toEqual(['get k2026']);
  });

  describe('without Web Crypto', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });
    it('is `no-crypto`', async () => {
      vi.stubGlobal('crypto', undefined);
      await expectCode(sealValues(form, PLAIN, { keys: keysV1 }), 'no-crypto');
      await expectCode(unsealValues(form, {}, { keys: keysV1 }), 'no-crypto');
    });
  });
});

describe('dedup on sealed records', () => {
  it('two records with one mobile written differently, sealed apart, share a dedup key that holds no digit of it', async () => {
    const a = await sealValues(form, { phone: '+86 138-1234-5678', name: '张伟', email: ' Zhang@Example.com ' }, { keys: keysV1, recordId: 'r-a' });
    const b = await sealValues(form, { phone: '13812345678', name: '张伟', email: 'zhang@example.com' }, { keys: keysV2, recordId: 'r-b' });
    const c = await sealValues(form, { phone: '13812345679' }, { keys: keysV1, recordId: 'r-c' });
    const [keyA, keyB, keyC] = [a, b, c].map((values) => dedupKeys(form, values));
    expect(keyA).toEqual(keyB);
    const phoneKey = keyA?.find((key) => key.id === 'phone')?.key as string;
    expect(phoneKey).toMatch(/^phone:h:[A-Za-z0-9_-]{43}$/);
    expect(phoneKey).not.toContain('13812345678');
    expect(keyA?.find((key) => key.id === 'person')?.key).toMatch(/^person:h:[A-Za-z0-9_-]{43}\|h:[A-Za-z0-9_-]{43}$/);
    expect(keyC?.find((key) => key.id === 'phone')?.key).not.toBe(phoneKey);
    const groups = findDuplicates(form, [a, c, b]);
    expect(groups.map((group) => [group.id, group.records])).toEqual([['phone', [a, b]], ['person', [a, b]]]);
  });

  it('a plain value that spells a blind index never meets the sealed one', async () => {
    const sealed = await sealValues(form, { name: '张伟', email: 'a@b.cn' }, { keys: keysV1 });
    const spelled = { name: `h:${sealedAt(sealed, 'name').bi as string}`, email: `h:${sealedAt(sealed, 'email').bi as string}` };
    expect(dedupKeys(form, spelled)).not.toEqual(dedupKeys(form, sealed));
    expect(dedupKeys(form, spelled)[0]?.key).toMatch(/^person:\\h:/);
  });

  it('a sealed value that normalises to nothing has no blind index and gives no key, as a plain one would', async () => {
    const sealed = await sealValues(form, { phone: '---' }, { keys: keysV1 });
    expect(sealedAt(sealed, 'phone').bi).toBeUndefined();
    expect(dedupKeys(form, sealed)).toEqual([]);
  });
});

// examples/customer-info.json, copied with an encryption block (the example itself stays as it is).
const infoDefinition = JSON.parse(readFileSync(new URL('../../examples/customer-info.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const info = internalFormOf(compileForm({ ...infoDefinition, encryption: { pii: ['name', 'phone', 'email'], reveal: ['reviewer', 'admin'] } }));

describe('examples/customer-info.json with encryption', () => {
  it('seals its contact name, mobile and e-mail; reviewers read them, customers see them masked', async () => {
    const sealed = await sealValues(info, customerInfoRecord, { keys: keysV1, recordId: 'YQ-1' });
    for (const key of ['contactName', 'contactPhone', 'contactEmail']) expect(sealedAt(sealed, key).kid).toBe('k1');
    expect(sealed.customerName).toBe(customerInfoRecord.customerName);
    expect(await unsealValues(info, sealed, { keys: keysV1, role: 'reviewer', recordId: 'YQ-1' })).toEqual(customerInfoRecord);
    const customer = await unsealValues(info, sealed, { keys: keysV1, role: 'customer', recordId: 'YQ-1' });
    expect(customer).toMatchObject({ contactName: '陳**', contactPhone: '137****5432', contactEmail: 'c***@example.com' });
    expect(dedupKeys(info, sealed).find((key) => key.id === 'phone')?.key).toMatch(/^phone:h:/);
    expect(dedupKeys(info, sealed).find((key) => key.id === 'company')?.key).toBe(dedupKeys(info, customerInfoRecord).find((key) => key.id === 'company')?.key);
  });
});

describe('sealed values hold no plain personal data (property)', () => {
  const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((list) => list.join(''));
  const mobile = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), digits(9, 9)).map(([head, rest]) => head + rest);
  const typedMobile = fc.tuple(mobile, fc.constantFrom('', '+86 ', '86-', '+86 ')).map(([number, prefix]) => prefix + number.replace(/^(\d{3})(\d{4})/, '$1 $2 '));
  const name = fc.array(fc.constantFrom(...'王李张欧阳司马伟芳娜敏静丽强磊𠀋'), { minLength: 1, maxLength: 4 }).map((chars) => chars.join(''));
  const email = fc.emailAddress();
  const address = fc.array(fc.constantFrom(...'广东省深圳市南山区科技园路号楼室'), { minLength: 4, maxLength: 20 }).map((chars) => chars.join(''));
  const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });
  const answer = (kind: PiiKind): fc.Arbitrary<string> => {
    switch (kind) {
      case 'phone': return fc.oneof(typedMobile, digits(6, 12));
      case 'email': return email;
      case 'name': return name;
      case 'address': return address;
      case 'id-card': return fc.tuple(digits(17, 17), fc.constantFrom('X', '1')).map(([head, tail]) => head + tail);
      case 'uscc': return fc.tuple(digits(2, 2), fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{16}$/)).map(([head, tail]) => head + tail);
      case 'bank-card': return digits(16, 19);
      case 'other': return text;
    }
  };
  /** Every plain string answer of a sealed field, and its digits when there are six or more. */
  const needles = (target: InternalForm, values: Record<string, unknown>): string[] => {
    const found: string[] = [];
    const add = (value: unknown): void => {
      if (typeof value !== 'string') return;
      found.push(value, JSON.stringify(value).slice(1, -1));
      const onlyDigits = normalizeKey(value, ['digits']);
      if (onlyDigits.length >= 6) found.push(onlyDigits);
    };
    for (const field of target.allFields) {
      if (field.type === 'group' || field.pii === undefined && (field.def as { format?: string }).format === undefined) continue;
      if (field.group === undefined) add(values[field.id]);
      else for (const row of (values[field.group.id] as Record<string, unknown>[] | undefined) ?? []) add(row[field.id]);
    }
    return found;
  };
  // What the output holds besides ciphertexts and plain answers of other fields: field ids, the
  // sealed value's keys, key ids. An answer found there (an 'other' answer "contacts") is no leak.
  const structure = (target: InternalForm): string =>
    [...target.allFields.map((field) => field.key), '"$sealed":1', 'kid', 'iv', 'ct', 'bi', 'k1', 'k2'].join(' ');

  /** Plain answers (six characters or more, or their digits) found anywhere in the JSON of the sealed values. */
  const leaks = (target: InternalForm, plain: Record<string, unknown>, sealed: Record<string, unknown>): string[] => {
    const json = JSON.stringify(sealed);
    const words = structure(target);
    return needles(target, plain).filter((needle) => needle.length >= 6 && !words.includes(needle) && json.includes(needle));
  };

  it('on a form with every kind, top-level and in rows', async () => {
    const values = fc.record({
      name: answer('name'), phone: answer('phone'), email: answer('email'), idCard: answer('id-card'), uscc: answer('uscc'),
      address: answer('address'), card: answer('bank-card'), other: answer('other'), secret: answer('other'),
      contacts: fc.array(fc.record({ who: answer('name'), tel: answer('phone'), mail: answer('email') }, { requiredKeys: [] }), { maxLength: 3 }),
    }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(values, fc.option(fc.string({ minLength: 1 }), { nil: undefined }), async (plain, recordId) => {
      const before = structuredClone(plain);
      const sealed = await sealValues(form, plain, { keys: keysV1, ...(recordId === undefined ? {} : { recordId }) });
      expect(plain).toEqual(before);
      expect(leaks(form, plain, sealed)).toEqual([]);
      // Short answers cannot be looked for in the text, so check each answered place holds a sealed value.
      for (const [key, value] of Object.entries(plain)) if (key !== 'contacts') expect(asSealedValue(sealed[key]) !== undefined, key).toBe(!isEmptyText(value));
      expect(await unsealValues(form, sealed, { keys: keysV1, role: 'admin', ...(recordId === undefined ? {} : { recordId }) })).toEqual(plain);
    }), { numRuns: 60 });
  });

  it('on examples/customer-info.json with random answers', async () => {
    const values = fc.record({
      customerName: fc.constant('某某科技有限公司'), contactName: answer('name'), contactPhone: answer('phone'),
      contactEmail: answer('email'), contactTitle: fc.constant('经理'),
    }, { requiredKeys: ['customerName'] });
    await fc.assert(fc.asyncProperty(values, async (plain) => {
      const sealed = await sealValues(info, plain, { keys: keysV2 });
      expect(leaks(info, plain, sealed)).toEqual([]);
      for (const key of ['contactName', 'contactPhone', 'contactEmail']) if (key in plain) expect(asSealedValue(sealed[key]) !== undefined, key).toBe(!isEmptyText(plain[key as keyof typeof plain]));
      for (const key of dedupKeys(info, sealed)) for (const needle of needles(info, plain)) if (needle.length >= 6) expect(key.key).not.toContain(needle);
    }), { numRuns: 60 });
  });
});
