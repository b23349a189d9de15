import { utf8 } from './webCrypto';

/** Where a sealed answer belongs: what its ciphertext is bound to. */
export interface SealPlace {
  readonly formId: string;
  /** The field's key (`contactPhone`, `contacts.tel`), not the row: rows may be removed and move up. */
  readonly fieldKey: string;
  readonly recordId: string | undefined;
}

/**
 * The AES-GCM associated data of a sealed answer: its form, field, record and blind index. A
 * ciphertext copied to another field, record or form, or given another record's index (to make two
 * customers duplicates), no longer opens. A JSON array, so that no choice of ids can make two places
 * encode alike.
 */
export const associatedData = (place: SealPlace, bi: string | undefined): Uint8Array<ArrayBuffer> =>
  utf8(JSON.stringify(['formloom-seal-v1', place.formId, place.fieldKey, place.recordId ?? null, bi ?? null]));
