import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Runs after `npm run build`: bundles small apps that import formloom by name, as a user's bundler
// would, and checks what ends up in them.
const root = new URL('../..', import.meta.url).pathname;

const bundle = async (source: string): Promise<string> => {
  const result = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: 'app.mjs' },
    bundle: true, format: 'esm', platform: 'browser', minify: true, write: false, logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
};

describe('tree-shaking the built package', () => {
  it('an app that imports only a format check gets the check, not the compiler, the schema or the messages', async () => {
    const code = await bundle("import { isCnMobile } from 'formloom'; console.log(isCnMobile('13812345678'));");
    expect(code).toContain('13812345678');
    for (const marker of ['localizedText', 'missing_some', 'did you mean', '请填写', 'backreferences', 'ajv']) expect(code).not.toContain(marker);
    expect(code.length).toBeLessThan(2000);
  });

  it('an app that compiles forms gets what it needs, and nothing Node-only', async () => {
    const code = await bundle("import { compileForm } from 'formloom'; console.log(compileForm({}));");
    expect(code).toContain('localizedText');
    expect(code).not.toMatch(/require\(|from ?"node:/);
  });

  // A budget, not a timing: the measured size plus 10%, so that a heavy dependency (or a second copy of
  // the messages) cannot slip in unnoticed. Measured 2026-11-23: 101.2 KB gzip (esbuild, minified,
  // browser; immer and fflate included). Raised from 88 KB (79.6 measured) with a reason: the facade
  // now reaches field-level encryption, the audit and its HMAC-SHA-256, form variants, change requests
  // and notification effects (+21.6 KB). Lower it when the core shrinks; raise it only with a reason.
  it('the whole engine, as a browser app bundles it, stays within its gzip budget', async () => {
    const code = await bundle("import { compileForm } from 'formloom'; console.log(compileForm({}));");
    const gzip = gzipSync(code, { level: 9 }).length;
    expect(gzip).toBeLessThan(111_500);
  });
});
