/**
 * Lets a command whose output is cut off (`npm run import -- … | head -1`) end as its work
 * did. Node otherwise throws EPIPE from the next write to the closed pipe, stack and all, and
 * the command exits 1 although the import had been committed. What it would still have printed
 * is dropped; a write after that finds the stream destroyed, which is dropped too.
 */
export function dropOutputToClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
    })
  }
}
