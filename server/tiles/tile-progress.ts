import cliProgress from 'cli-progress'

export interface ProgressDisplay {
  /** Records that `done` of the total tiles are finished. */
  update(done: number): void
  /** Ends the display; call it before printing anything else. */
  stop(): void
}

/** How often a line is printed when the output is not a terminal. */
const LINE_INTERVAL_MS = 10_000

/**
 * Shows the progress of `total` tiles on `stream`: a bar with done/total, rate and ETA when it
 * is a terminal, else a plain line every 10 s (for logs and CI), nothing before the first.
 */
export function createProgressDisplay(
  stream: NodeJS.WriteStream,
  total: number,
  label: string,
): ProgressDisplay {
  const started = performance.now()
  const seconds = () => (performance.now() - started) / 1000

  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${label} [{bar}] {value}/{total} tiles | {rate} tiles/s | ETA {eta_formatted}`,
        barsize: 30,
        hideCursor: true,
        etaBuffer: 200,
      },
      cliProgress.Presets.shades_classic,
    )
    bar.start(total, 0, { rate: '0' })
    return {
      update: (done) => bar.update(done, { rate: formatRate(done, seconds()) }),
      stop: () => bar.stop(),
    }
  }

  let printed = 0
  return {
    update(done) {
      if (performance.now() - started - printed < LINE_INTERVAL_MS) return
      printed = performance.now() - started
      stream.write(`${label} ${describeProgress(done, total, seconds())}\n`)
    },
    stop() {},
  }
}

/**
 * One line of progress: "1200/5000 tiles (24%), 85.3 tiles/s, about 45 s left". The time left
 * assumes the rate so far holds; it is left out until a tile is done. Pure.
 */
export function describeProgress(done: number, total: number, seconds: number): string {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100)
  const parts = [`${done}/${total} tiles (${percent}%)`, `${formatRate(done, seconds)} tiles/s`]
  if (done > 0 && seconds > 0) {
    parts.push(`about ${formatDuration(((total - done) * seconds) / done)} left`)
  }
  return parts.join(', ')
}

function formatRate(done: number, seconds: number): string {
  return seconds > 0 ? (done / seconds).toFixed(1) : '0'
}

/** Seconds as "45 s", "12 min 5 s" or "3 h 20 min". */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds)
  if (whole < 60) return `${whole} s`
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`
  return `${Math.floor(whole / 3600)} h ${Math.floor((whole % 3600) / 60)} min`
}
