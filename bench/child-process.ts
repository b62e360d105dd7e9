import { fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'

/** A server process started for the benchmark, spoken to over its IPC channel. */
export interface Child<Ready> {
  pid: number
  ready: Ready
  /** Sends a message and waits for the first answer of the given type. */
  ask<T>(message: { type: string } & Record<string, unknown>, answer: string): Promise<T>
  /** Peak resident set size the kernel recorded for the process (VmHWM), bytes. */
  peakRss(): Promise<number | undefined>
  /** Asks the process to stop and waits for it; kills it when it does not stop in 20 s. */
  stop(): Promise<void>
}

/**
 * Starts `entry` (a TypeScript file) in a Node.js process of its own with `config` as its only
 * argument, and waits for it to report `{ type: 'ready' }` or `{ type: 'failed', message }`.
 * Messages may carry Buffers and Maps (advanced serialisation).
 */
export async function startChild<Ready>(
  entry: string,
  config: unknown,
  startTimeoutMs = 180_000,
): Promise<Child<Ready>> {
  const child = fork(entry, [JSON.stringify(config)], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exited = once(child, 'exit')

  const ready = await waitFor<{ type: string; message?: string } & Ready>(
    child,
    (m) => m.type === 'ready' || m.type === 'failed',
    startTimeoutMs,
  ).catch((error: unknown) => {
    child.kill('SIGKILL')
    throw error
  })
  if (ready.type === 'failed') {
    await exited
    throw new Error(`${entry} did not start: ${ready.message}`)
  }

  return {
    pid: child.pid!,
    ready,
    async ask<T>(message: { type: string }, answer: string) {
      const reply = waitFor<T>(child, (m) => m.type === answer, 600_000)
      child.send(message)
      return reply
    },
    peakRss: () => readPeakRss(child.pid!),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.send({ type: 'stop' })
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await exited
      clearTimeout(timer)
    },
  }
}

function waitFor<T>(
  child: ChildProcess,
  accept: (message: { type: string }) => boolean,
  timeoutMs: number,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`No answer in ${timeoutMs / 1000} s`)),
      timeoutMs,
    )
    const onMessage = (message: { type: string }) => {
      if (accept(message)) finish(undefined, message as T)
    }
    const onExit = (code: number | null) => finish(new Error(`The process exited (${code})`))
    const finish = (error?: Error, value?: T) => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
      if (error) reject(error)
      else resolve(value as T)
    }
    child.on('message', onMessage)
    child.on('exit', onExit)
  })
}

async function readPeakRss(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined)
  const kilobytes = status && /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]
  return kilobytes ? Number(kilobytes) * 1024 : undefined
}
