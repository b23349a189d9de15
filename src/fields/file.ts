import type { FieldBase } from '../core/definitionTypes';
import type { Failure } from '../core/issues';
import { isEmptyList } from './emptiness';
import { defineKind } from './fieldKind';
import { maskForPii } from './piiMask';
import { isFiniteNumber, numberOrUndefined, typeFailure } from './valueHelpers';

export interface FileField extends FieldBase<'file'> {
  /** MIME types (`application/pdf`, `image/*`) or extensions (`.docx`). */
  readonly accept?: readonly string[];
  /** Bytes per file. */
  readonly maxSize?: number;
  readonly maxFiles?: number;
}

/** One uploaded file as a value holds it: metadata and where the file is, never its content. */
export interface FileValue {
  readonly name: string;
  readonly size: number;
  readonly type: string;
  /** Where the upload is stored (a URL or a storage key), when the app keeps one. */
  readonly url?: string;
}

const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} B`;

/** `accept` entries: MIME types (with `type/*`) or extensions; a file passes if either matches. */
const accepts = (accept: readonly string[], name: string, type: string): boolean => {
  const lowerName = name.toLowerCase();
  const lowerType = type.toLowerCase();
  return accept.some((rule) => {
    const lower = rule.toLowerCase();
    if (lower.startsWith('.')) return lowerName.endsWith(lower);
    if (lower.endsWith('/*')) return lowerType.startsWith(lower.slice(0, -1));
    return lowerType === lower;
  });
};

/** Reads one file item into a clean `FileValue` (each property read once, nothing else kept), or undefined. */
const readFile = (item: unknown): FileValue | undefined => {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const { name, size, type, url } = item as Record<string, unknown>;
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) return undefined;
  if (!isFiniteNumber(size) || !Number.isInteger(size) || size < 0) return undefined;
  if (typeof type !== 'string' || type.length > 255) return undefined;
  if (url !== undefined && (typeof url !== 'string' || url.length > 2048)) return undefined;
  return url === undefined ? { name, size, type } : { name, size, type, url };
};

export const fileFieldKind = defineKind<FileField>(() => ({
  summary: 'Uploaded files (PDF, Word, images …): a list of { name, size (bytes), type (MIME), url? }; other keys are dropped.',
  properties: {
    accept: {
      type: 'array',
      description: 'Allowed MIME types (`application/pdf`, `image/*`) or extensions (`.docx`).',
      items: { type: 'string', pattern: '^(\\.[A-Za-z0-9]+|[a-z]+/([a-z0-9.+-]+|\\*))$' },
    },
    maxSize: { type: 'integer', minimum: 1, description: 'Most bytes per file (10485760 = 10 MB).' },
    maxFiles: { type: 'integer', minimum: 1, description: 'Most files.' },
  },
  requiredProperties: [],
  example: [{ name: '营业执照.pdf', size: 482133, type: 'application/pdf' }],
  valueKind: 'list',
  takesInput: true,
  hasOptions: false,
  values: ({ def }) => {
    const accept = Array.isArray(def.accept) ? def.accept : undefined;
    const maxSize = numberOrUndefined(def.maxSize);
    const maxFiles = numberOrUndefined(def.maxFiles);
    const wrongType = typeFailure('file');
    const tooMany: Failure | undefined = maxFiles === undefined ? undefined : { code: 'maxItems', params: { max: maxFiles } };
    const badType: Failure | undefined = accept === undefined ? undefined : { code: 'fileType', params: { accept: accept.join(', ') } };
    const tooBig: Failure | undefined = maxSize === undefined ? undefined : { code: 'fileSize', params: { maxSize, maxSizeText: formatSize(maxSize) } };
    return {
      isEmpty: isEmptyList,
      accept: (raw, _scope, slot) => {
        if (!Array.isArray(raw)) return wrongType;
        const length = raw.length; // read once (a Proxy could answer differently)
        if (tooMany !== undefined && length > (maxFiles as number)) return tooMany;
        if (length > 1000) return wrongType;
        const files: FileValue[] = [];
        for (let i = 0; i < length; i++) {
          const file = readFile(raw[i]);
          if (file === undefined) return wrongType;
          if (badType !== undefined && !accepts(accept as readonly string[], file.name, file.type)) return badType;
          if (tooBig !== undefined && file.size > (maxSize as number)) return tooBig;
          files.push(file);
        }
        slot.value = files;
        return undefined;
      },
    };
  },
  cellText: (value) => (Array.isArray(value) ? value.map((file) => (readFile(file)?.name ?? '')).join(', ') : ''),
  tsType: () => 'ReadonlyArray<{ readonly name: string; readonly size: number; readonly type: string; readonly url?: string }>',
  defaultMask: (def) => maskForPii(def.pii, 'full'),
}));
