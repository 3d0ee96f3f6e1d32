/**
 * @module web/buffers
 * Joining the parts of a page into one Buffer for the socket. A page is tens of KiB, and a Buffer
 * that large is an allocation of its own (node pools only small ones), which cost an assembled
 * article page more than copying its bytes. Pages are cut from 1 MiB slabs instead, as node cuts
 * small Buffers from its pool. What is kept longer than a response (a page-cache entry) must be
 * copied out (see `owned`), or it would hold its whole slab.
 */

const SLAB_BYTES = 1024 * 1024;
let slab = Buffer.allocUnsafeSlow(0);
let used = 0;

/** The parts in one Buffer, cut from a shared slab. */
export function joinBuffers(parts: readonly Buffer[]): Buffer {
  let length = 0;
  for (const p of parts) length += p.length;
  if (length > SLAB_BYTES / 8) return Buffer.concat(parts, length);
  if (used + length > slab.length) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    used = 0;
  }
  const out = slab.subarray(used, used + length);
  let at = 0;
  for (const p of parts) at += p.copy(out, at);
  // Next cut 8-byte aligned, as node's pool does.
  used += (length + 7) & ~7;
  return out;
}

/** A Buffer that holds only its own bytes: a copy when `b` is a view into a larger one. */
export const owned = (b: Buffer): Buffer => (b.buffer.byteLength > b.length + 8192 ? Buffer.from(b) : b);
