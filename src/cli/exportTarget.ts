import { stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { ExportFormat, Exporter } from '../export/exporter';
import { UsageError } from './io';

export const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'jsonl'];

const BY_EXTENSION: Readonly<Record<string, ExportFormat>> = { '.csv': 'csv', '.xlsx': 'xlsx', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };

const isStdout = (output: string | undefined): boolean => output === undefined || output === '-';

/**
 * The format: --format if given, else the output's extension, else csv. A --format that an output's
 * known extension contradicts (`--format xlsx -o out.csv`) is refused: a workbook named .csv is
 * never what was meant.
 */
export const exportFormat = (format: string | undefined, output: string | undefined): ExportFormat => {
  const fromName = isStdout(output) ? undefined : BY_EXTENSION[extname(output as string).toLowerCase()];
  if (format === undefined) return fromName ?? 'csv';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}': use ${FORMATS.join(', ')}`);
  if (fromName !== undefined && fromName !== format) throw new UsageError(`--format ${format} does not match the output's extension (${extname(output as string)})`);
  return format as ExportFormat;
};

/** Where the export goes: stdout, or a file by its absolute path and the name to show for it. */
export type ExportTarget = { readonly kind: 'stdout' } | { readonly kind: 'file'; readonly path: string; readonly shown: string };

const isDirectory = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
};

/** -o as given: '-' or nothing is stdout; an existing directory gets the definition's export file name (`exporter.filename(now)`). */
export const exportTarget = async (output: string | undefined, cwd: string, exporter: Exporter, now: Date): Promise<ExportTarget> => {
  if (output === undefined || output === '-') return { kind: 'stdout' };
  const path = resolve(cwd, output);
  if (!(await isDirectory(path))) return { kind: 'file', path, shown: output };
  const name = exporter.filename(now);
  return { kind: 'file', path: join(path, name), shown: join(output, name) };
};
