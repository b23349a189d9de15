import ts from 'typescript';

/** The repository root, for imports of src/ from files that exist only in memory. */
export const root = new URL('../../', import.meta.url).pathname;

const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  noUncheckedIndexedAccess: true,
  types: [],
  lib: ['lib.es2022.d.ts'],
};

// Parsed library and source files are shared between programs: each test compiles in well under a
// second instead of re-reading lib.d.ts and src/ every time.
const cache = new Map<string, ts.SourceFile>();

export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/**
 * Type-checks files held in memory (name -> text, names relative to the repository root) that may
 * import each other and anything in the repository, and returns the diagnostics of those files.
 */
export const typeCheck = (files: Readonly<Record<string, string>>): Diagnostic[] => {
  const virtual = new Map(Object.entries(files).map(([name, text]) => [`${root}${name}`, text]));
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => [...virtual.keys()].some((file) => file.startsWith(`${name}/`)) || (directoryExists?.(name) ?? true);
  host.getSourceFile = (name, version) => {
    const text = virtual.get(name);
    if (text !== undefined) return ts.createSourceFile(name, text, version, true);
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    const source = readFile(name);
    if (source === undefined) return undefined;
    const file = ts.createSourceFile(name, source, version, true);
    cache.set(name, file);
    return file;
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  return [...virtual.keys()].flatMap((name) => {
    const file = program.getSourceFile(name);
    if (file === undefined) return [{ file: name, line: 0, message: 'not compiled' }];
    return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((diagnostic) => ({
      file: name.slice(root.length),
      line: diagnostic.start === undefined ? 0 : file.getLineAndCharacterOfPosition(diagnostic.start).line + 1,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    }));
  });
};

/**
 * `Agree<A, B>` is `true` when two values types say the same: mutually assignable, the same keys,
 * the same optional keys, and the same again inside every row of a group (and every file object).
 * Mutual assignability alone would miss an optional key one side lacks.
 */
export const AGREE = `
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];
type ItemOf<T> = T extends readonly (infer I)[] ? I : never;
type AgreeValue<A, B> = Mutual<A, B> extends true
  ? ([ItemOf<A>] extends [never] ? true : ItemOf<A> extends object ? AgreeObject<ItemOf<A>, ItemOf<B>> : true)
  : false;
type AgreeObject<A, B> = Mutual<keyof A, keyof B> extends true
  ? Mutual<OptionalKeys<A>, OptionalKeys<B>> extends true
    ? false extends { [K in keyof A]-?: K extends keyof B ? AgreeValue<Exclude<A[K], undefined>, Exclude<B[K], undefined>> : false }[keyof A] ? false : true
    : false
  : false;
type Agree<A, B> = Mutual<A, B> extends true ? AgreeObject<A, B> : false;
`;
