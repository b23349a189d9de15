import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // drafts-redis is its own entry so the core never bundles it (nor depends on a Redis client).
    entry: { index: 'src/index.ts', 'drafts-redis': 'src/drafts-redis.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    // Shared code (FormUsageError, readDraft) goes to a chunk in CommonJS too, not a copy per entry,
    // so `error instanceof FormUsageError` holds whichever entry threw it.
    splitting: true,
    target: 'es2020',
    platform: 'neutral',
    // Runtime dependencies stay external so users dedupe them with their own copies.
    external: [],
    treeshake: true,
  },
  {
    // The `formloom` command: Node only, ESM only, its own file (it reads the compiler's internals,
    // such as the generated walk's source, that the package does not export).
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    // Its stack traces are ours to read, not a user's: a 1 MB map is not worth shipping.
    sourcemap: false,
    clean: false,
    target: 'node18',
    platform: 'node',
    treeshake: true,
  },
]);
