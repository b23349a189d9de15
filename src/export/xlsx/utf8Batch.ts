/**
 * Text gathered as UTF-8 in one reused buffer and handed on in blocks. Encoding each row straight
 * into the buffer is ten times faster than concatenating rows and encoding the batch: V8 must first
 * flatten that rope, a mix of one- and two-byte strings (measured: 0.12 s against 1.2 s for 74 MB of
 * rows' XML), and the batch would be one more copy of the text in memory.
 */
export class Utf8Batch {
  private readonly encoder = new TextEncoder();
  private readonly buffer: Uint8Array;
  private used = 0;

  /**
   * `take` receives each block and must be done with it when it returns: the buffer is reused.
   * fflate's push copies its input into its own window before returning, so it qualifies.
   */
  constructor(size: number, private readonly take: (bytes: Uint8Array, final: boolean) => void) {
    this.buffer = new Uint8Array(size);
  }

  /** Adds `text`; true when a block was handed on. */
  write(text: string): boolean {
    // UTF-8 needs at most three bytes per UTF-16 code unit: room for that is room enough.
    if (this.used + text.length * 3 <= this.buffer.length) {
      this.used += this.encoder.encodeInto(text, this.buffer.subarray(this.used)).written;
      return false;
    }
    if (this.used > 0) this.take(this.buffer.subarray(0, this.used), false);
    this.used = 0;
    // A text larger than the buffer (a row of many long cells) goes on by itself.
    if (text.length * 3 > this.buffer.length) this.take(this.encoder.encode(text), false);
    else this.used = this.encoder.encodeInto(text, this.buffer).written;
    return true;
  }

  /** Hands on what is left as the final block. */
  end(): void {
    this.take(this.buffer.subarray(0, this.used), true);
    this.used = 0;
  }
}
