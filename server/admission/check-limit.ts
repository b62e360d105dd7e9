import { HttpError } from '../http/http-error.ts'

/**
 * How many admission checks run at once, and how many may wait their turn. A check of a site
 * of thousands of vertices keeps a database connection busy for seconds; without a limit a
 * handful of them would hold the whole pool, and lookups, tiles cut from the database and the
 * readiness probe would time out behind them.
 */
export class CheckLimit {
  readonly running: number
  readonly waiting: number
  #running = 0
  #queue: (() => void)[] = []

  constructor(running: number, waiting: number) {
    this.running = running
    this.waiting = waiting
  }

  /**
   * Runs `work` once fewer than `running` checks are under way, in the order asked. Throws a
   * 503 CHECKS_BUSY with Retry-After at once when `waiting` checks already wait.
   */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running < this.running) {
      this.#running++
    } else if (this.#queue.length < this.waiting) {
      // The check that finishes hands its place over, so the count stays as it is.
      await new Promise<void>((resolve) => this.#queue.push(resolve))
    } else {
      const message =
        `${this.#running} admission checks are under way and ${this.#queue.length} wait; ` +
        'try again in a few seconds.'
      throw new HttpError(503, 'CHECKS_BUSY', message, undefined, 5)
    }
    try {
      return await work()
    } finally {
      const next = this.#queue.shift()
      if (next) next()
      else this.#running--
    }
  }
}
