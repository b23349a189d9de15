/**
 * What each engine of the peer bench provides, written against bench/forms/intake.json (`copies` = 0)
 * or its 200-field version (bench/forms/bigIntake.ts, `copies` = 12). Every adapter builds the form
 * from its own native format, written once by hand the way that engine's users would write it.
 */
export interface PeerForm {
  /** Validates a whole record as a submit would: the dotted paths of the errors, sorted. */
  validate(values: Record<string, unknown>): string[];
}

export interface PeerSession {
  /** Sets one answer, as a renderer's change handler would. */
  set(path: string, value: unknown): void;
  /** Whether a field is shown now (`satisfaction_5`, `services.0.solution`). */
  visible(path: string): boolean;
}

export interface Peer {
  /** Package and version: `@jsonforms/core 3.8.0`. */
  readonly name: string;
  /** One line each: what the engine does and does not do in validate, change and compile. */
  readonly notes: string;
  /** Builds the form (the measured compile). copies = 0: the intake form; n: the flat fields ×n. */
  compile(copies: number): PeerForm;
  /** A live form/model holding `values`, ready for changes. */
  session(copies: number, values: Record<string, unknown>): PeerSession;
}
