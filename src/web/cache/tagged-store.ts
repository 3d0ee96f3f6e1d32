/**
 * @module web/tagged-store
 * A store of rendered things, each carrying the dependency tags of what it shows, bounded by bytes
 * and emptied by tag. Eviction is second chance (CLOCK): the oldest entry goes unless it was read
 * since it last came round, in which case it moves to the back; a read only sets a flag, so the hot
 * path does not reorder the map. The page cache keeps whole responses in one;
 * the site keeps article fragments (everything but the comments) in another, purged by the same
 * purges (see PageCache.attach).
 */

export interface Tagged {
  readonly tags: readonly string[];
  readonly bytes: number;
}

/** The tag every stored thing carries: purging it empties the store. */
export const ALL = 'all';

interface Slot<V> {
  v: V;
  used: boolean;
}

export class TaggedStore<V extends Tagged> {
  private readonly entries = new Map<string, Slot<V>>();
  private readonly byTag = new Map<string, Set<string>>();
  private total = 0;
  /** Lookups that found their key, and that did not (read by /metrics). */
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  get(key: string): V | undefined {
    const slot = this.entries.get(key);
    if (slot === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    slot.used = true;
    return slot.v;
  }

  /** Stores `v` under `key` (nothing larger than a quarter of the budget), then evicts down to the budget. */
  set(key: string, v: V): void {
    this.delete(key);
    if (v.bytes > this.maxBytes / 4) return;
    this.entries.set(key, { v, used: false });
    this.total += v.bytes;
    for (const t of v.tags) {
      let keys = this.byTag.get(t);
      if (!keys) {
        keys = new Set();
        this.byTag.set(t, keys);
      }
      keys.add(key);
    }
    this.evict();
  }

  private evict(): void {
    while (this.total > this.maxBytes) {
      const oldest = this.entries.entries().next().value;
      if (oldest === undefined) break;
      const [key, slot] = oldest;
      if (slot.used) {
        // Read since it last came round: a second chance at the back (Map order is insertion order).
        slot.used = false;
        this.entries.delete(key);
        this.entries.set(key, slot);
      } else this.delete(key);
    }
  }

  /** Counts `delta` more bytes for what is stored under `key` (it grew), then evicts down to the budget. */
  grow(key: string, delta: number): void {
    const v = this.entries.get(key)?.v as (V & { bytes: number }) | undefined;
    if (v === undefined) return;
    v.bytes += delta;
    this.total += delta;
    this.evict();
  }

  /** Removes everything carrying any of the tags (`all`: everything). Returns how many went. */
  purge(list: readonly string[]): number {
    if (list.includes(ALL)) {
      const n = this.entries.size;
      this.entries.clear();
      this.byTag.clear();
      this.total = 0;
      return n;
    }
    let n = 0;
    for (const t of list) {
      const keys = this.byTag.get(t);
      if (!keys) continue;
      for (const k of [...keys]) if (this.delete(k)) n++;
    }
    return n;
  }

  delete(key: string): boolean {
    const v = this.entries.get(key)?.v;
    if (v === undefined) return false;
    this.entries.delete(key);
    this.total -= v.bytes;
    for (const t of v.tags) {
      const keys = this.byTag.get(t);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(t);
    }
    return true;
  }
}
