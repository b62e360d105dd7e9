const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const

/**
 * Ends a command-line tool through `process.exit` on Ctrl-C (SIGINT) or SIGTERM, after saying
 * `outcome` (what was left done and undone), so that its 'exit' handlers run: the embedded
 * database's folder lock and an unfinished archive's scratch files are removed. Node would
 * otherwise die on these signals at once and run none of them. A transaction under way is not
 * committed: PostgreSQL rolls back one whose connection is gone, and the embedded database
 * ends with the process before it commits. Exits 130 or 143, as a shell reports a process the
 * signal ended.
 */
export function exitOnInterrupt(outcome: string) {
  for (const [signal, code] of Object.entries(EXIT_CODES)) {
    process.once(signal, () => {
      console.error(`Interrupted (${signal}): ${outcome}`)
      process.exit(code)
    })
  }
}
