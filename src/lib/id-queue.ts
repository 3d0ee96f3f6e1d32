/**
 * @module lib/id-queue
 * Work off the request path, one id at a time: a write enqueues an id (an id already waiting is
 * not queued twice) and a single worker runs `work` for each after the current response is out.
 * Used for related-article refreshes and AVIF encoding.
 */
export class IdQueue {
  private readonly queue = new Set<number>();
  private running: Promise<void> | undefined;

  constructor(
    private readonly work: (id: number) => Promise<void>,
    private readonly onError: (err: unknown, id: number) => void = () => {},
  ) {}

  enqueue(id: number): void {
    this.queue.add(id);
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Ids waiting for their turn (the /metrics queue depth). */
  get pending(): number {
    return this.queue.size;
  }

  /** Resolves when the queue is empty (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Let the writer's response go out first.
    await new Promise((r) => setImmediate(r));
    for (const id of this.queue) {
      this.queue.delete(id);
      try {
        await this.work(id);
      } catch (err) {
        this.onError(err, id);
      }
    }
  }
}
