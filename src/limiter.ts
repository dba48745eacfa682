/**
 * Bounded concurrency: at most `concurrency` tasks run at once, up to `queueLimit` more wait
 * their turn, and anything beyond that is refused at once (the caller answers 503 with
 * Retry-After) so a burst cannot exhaust memory or keep sockets waiting until they time out.
 */
export class QueueFullError extends Error {
  readonly statusCode = 503;
  constructor() {
    super('Too many requests are waiting');
    this.name = 'QueueFullError';
  }
}

export class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly queueLimit: number,
  ) {}

  /** How many tasks run and wait right now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) throw new QueueFullError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiting task; free it only when nobody waits.
      if (next) next();
      else this.running -= 1;
    }
  }
}
