// The module `formloom build` writes, as mainPrebuilt.ts imports it: server.ts points the specifier
// at the built file (an esbuild plugin), so it exists only in the bundle.
declare module 'formloom-prebuilt-form' {
  import type { CompiledForm, FormDefinition } from 'formloom';

  const form: CompiledForm;
  export default form;
  export { form };
  export const definition: FormDefinition;
}
