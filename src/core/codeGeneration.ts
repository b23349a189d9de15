let allowed: boolean | undefined;

/**
 * Whether this runtime lets code be compiled from strings: a page whose Content-Security-Policy
 * lacks 'unsafe-eval', or Node run with --disallow-code-generation-from-strings, throws here. Asked
 * once; where it is refused, every generated path falls back to its plain reference.
 */
export const canGenerateCode = (): boolean => {
  if (allowed === undefined) {
    try {
      allowed = new Function('return 1')() === 1;
    } catch {
      allowed = false;
    }
  }
  return allowed;
};
