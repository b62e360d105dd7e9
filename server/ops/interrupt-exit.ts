const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const

/** What a command says if it is interrupted from now on. */
export interface InterruptOutcome {
  /** Replaces the line said on an interrupt: once the work is committed, "nothing" is untrue. */
  set(outcome: string): void
  /**
   * Until `release`, an interrupt waits before it says its line and exits: while a commit is on
   * its way to the database, whether it will be taken cannot be told, and exiting would let the
   * database take it after the line said it was not.
   */
  hold(): void
  /** Ends a hold, setting the line first when given; an interrupt that waited is taken now. */
  release(outcome?: string): void
}

/**
 * Ends a command-line tool through `process.exit` on Ctrl-C (SIGINT) or SIGTERM, after saying
 * `outcome` (what was left done and undone), so that its 'exit' handlers run: the embedded
 * database's folder lock and an unfinished archive's scratch files are removed. Node would
 * otherwise die on these signals at once and run none of them. A transaction under way is not
 * committed: PostgreSQL rolls back one whose connection is gone, and the embedded database
 * ends with the process before it commits. Exits 130 or 143, as a shell reports a process the
 * signal ended.
 *
 * The handlers stay for the process's life: Ctrl-C reaches every process of the group, and
 * `npm run` and tsx pass it on as well, so the same signal can come twice; with no handler
 * left, the second would end the process on the spot, before its 'exit' handlers.
 */
export function exitOnInterrupt(outcome: string): InterruptOutcome {
  let said = outcome
  let held = false
  let waiting: (() => void) | undefined
  for (const [signal, code] of Object.entries(EXIT_CODES)) {
    process.on(signal, () => {
      if (waiting) return
      waiting = () => {
        console.error(`Interrupted (${signal}): ${said}`)
        process.exit(code)
      }
      if (!held) waiting()
    })
  }
  return {
    set(next) {
      said = next
    },
    hold() {
      held = true
    },
    release(next) {
      if (next !== undefined) said = next
      held = false
      waiting?.()
    },
  }
}
