const STOP_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const

/** Work to undo when a command ends or is stopped, in the reverse order it was added. */
export interface StopCleanup {
  add(undo: () => Promise<unknown>): void
  /** Undoes everything added so far; what fails to undo is passed over. */
  run(): Promise<void>
  /** Replaces the line printed when stopped, as the work goes on. */
  say(said: string): void
}

/**
 * Undoes what was added, then exits, when the command is stopped: Ctrl-C, `kill`, or the
 * terminal closing (130, 143 or 129, as a shell reports a process the signal ended). For what a
 * command leaves outside itself, such as a scratch database on a PostgreSQL server, which
 * 'exit' handlers cannot undo: they run no asynchronous code. `said` is printed first.
 *
 * The handlers stay: Ctrl-C reaches every process of the group and `npm run` passes it on too,
 * and a second signal with no handler left would end the process before the undoing is done.
 */
export function cleanUpOnStop(said: string): StopCleanup {
  const undos: (() => Promise<unknown>)[] = []
  const run = async () => {
    while (undos.length > 0) await undos.pop()!().catch(() => {})
  }
  let stopping = false
  for (const [signal, code] of Object.entries(STOP_EXIT_CODES)) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      console.error(`Stopped by ${signal}: ${said}`)
      void run().finally(() => process.exit(code))
    })
  }
  return {
    add: (undo) => void undos.push(undo),
    run,
    say: (next) => void (said = next),
  }
}
