const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const

/** What a command says if it is interrupted from now on. */
export interface InterruptOutcome {
  /** Replaces the line said on an interrupt: once the work is committed, "nothing" is untrue. */
  set(outcome: string): void
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
  let exiting = false
  for (const [signal, code] of Object.entries(EXIT_CODES)) {
    process.on(signal, () => {
      if (exiting) return
      exiting = true
      console.error(`Interrupted (${signal}): ${said}`)
      process.exit(code)
    })
  }
  return {
    set(next) {
      said = next
    },
  }
}
