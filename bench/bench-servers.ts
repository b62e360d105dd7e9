import path from 'node:path'
import type { CacheStats } from '../server/cache/tile-cache.ts'
import type { StartOptions } from '../server/start.ts'
import type { RecordedAnswer } from './bare-server.ts'
import { startChild, type Child } from './child-process.ts'

const HERE = import.meta.dirname

/** What the product's server process reports about its memory and cache. */
export interface ServerMemory {
  /** Largest process.memoryUsage().rss sampled every 100 ms, bytes. */
  rssMax: number
  rss: number
  heapUsed: number
  cache: CacheStats
}

/** How the benchmark starts the product's server: its own options, and where it logs. */
export interface OursOptions extends Omit<StartOptions, 'log'> {
  /** File for the server's log (pino JSON lines); without one the server logs nothing. */
  logFile?: string
  /** Level of that log; warn when unset. */
  logLevel?: 'error' | 'warn' | 'info'
}

/** The product's server in a process of its own. */
export interface OursServer {
  url: string
  pid: number
  /** From spawning the process to listening (migration and sample load included), ms. */
  startMs: number
  /** From listening to its layers' tile sources being ready (indexes built), ms. */
  preparedMs: number
  /** Resident set size when it started listening, before it readied the sources, bytes. */
  rssListening: number
  /**
   * Its memory now; with `resetPeak`, the peak sampled from then on starts again from the
   * current RSS.
   */
  memory(options?: { resetPeak?: boolean }): Promise<ServerMemory>
  /** Peak resident set size the kernel recorded (VmHWM), bytes. */
  peakRss(): Promise<number | undefined>
  stop(): Promise<void>
}

/** Starts the product's server (bench/ours-server.ts) with these options on a free port. */
export async function startOurs(options: OursOptions): Promise<OursServer> {
  const started = performance.now()
  const child = await startChild<{ url: string; preparedMs: number; rssListening: number }>(
    path.join(HERE, 'ours-server.ts'),
    options,
  )
  return {
    url: child.ready.url,
    pid: child.pid,
    startMs: performance.now() - started - child.ready.preparedMs,
    preparedMs: child.ready.preparedMs,
    rssListening: child.ready.rssListening,
    memory: (how) => child.ask<ServerMemory>({ type: 'memory', ...how }, 'memory'),
    peakRss: () => child.peakRss(),
    stop: () => child.stop(),
  }
}

/** The bare node:http server (bench/bare-server.ts), answering from the recorded answers. */
export async function startBare(
  answers: Map<string, RecordedAnswer>,
): Promise<Child<{ url: string }>> {
  const child = await startChild<{ url: string }>(path.join(HERE, 'bare-server.ts'), {})
  await child.ask({ type: 'answers', answers }, 'answers')
  return child
}
