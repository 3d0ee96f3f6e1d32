import { describe, expect, it } from 'vitest';
import { joinBuffers, owned } from '../../src/web/buffers.js';

describe('joinBuffers', () => {
  it('joins parts into the same bytes as Buffer.concat, each answer its own region of the slab', () => {
    const parts = [Buffer.from('<!doctype html><p>'), Buffer.alloc(30_000, 'x'), Buffer.from('token'), Buffer.from('</p>')];
    const a = joinBuffers(parts);
    const b = joinBuffers([Buffer.from('another page')]);
    expect(a.equals(Buffer.concat(parts))).toBe(true);
    expect(b.toString()).toBe('another page');
    // Writing the second did not touch the first.
    expect(a.equals(Buffer.concat(parts))).toBe(true);
    // Many pages: a new slab when one is full, earlier answers intact.
    const many = Array.from({ length: 100 }, (_, i) => joinBuffers([Buffer.alloc(20_000, String(i % 10))]));
    many.forEach((m, i) => {
      expect(m.every((byte) => byte === 48 + (i % 10))).toBe(true);
    });
    // Too large for a slab: a Buffer of its own.
    const big = joinBuffers([Buffer.alloc(200_000, 'y')]);
    expect(big.length).toBe(200_000);
  });

  it('owned() copies a view out of its slab, so a kept page does not hold the slab', () => {
    const view = joinBuffers([Buffer.alloc(20_000, 'z')]);
    expect(view.buffer.byteLength).toBeGreaterThan(view.length);
    const own = owned(view);
    expect(own.equals(view)).toBe(true);
    expect(own.buffer.byteLength).toBeLessThan(view.length + 8192);
    const plain = Buffer.from('a page of its own'.repeat(1000));
    expect(owned(plain)).toBe(plain);
  });
});
