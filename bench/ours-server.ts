// The product's server in a process of its own, for the benchmark: started with the options
// given as the first argument, it reports its URL and its memory over the IPC channel.

import pino from 'pino'
import { startServer } from '../server/start.ts'
import type { OursOptions } from './bench-servers.ts'

const { logFile, logLevel, ...options } = JSON.parse(process.argv[2] ?? '{}') as OursOptions
const send = (message: object) => process.send?.(message)

// Ends with the benchmark, however that ends: a server left behind would keep its port and its
// connections to a scratch database the benchmark drops.
process.on('disconnect', () => process.exit(0))

// Sampled rather than read once: the peak of process.memoryUsage().rss is what a host sees.
let rssMax = 0
const sample = () => {
  rssMax = Math.max(rssMax, process.memoryUsage().rss)
}
setInterval(sample, 100).unref()

// Silent unless asked: a log line per request would cost the server more than it serves.
const log = logFile
  ? pino({ level: logLevel ?? 'warn' }, pino.destination({ dest: logFile, sync: true }))
  : undefined

try {
  const started = performance.now()
  const server = await startServer({
    ...options,
    port: 0,
    host: '127.0.0.1',
    buildPortal: false,
    log,
  })
  const listening = performance.now()
  const rssListening = process.memoryUsage().rss
  // The server readies its layers' tile sources as it starts: a sweep begins once they are.
  await server.tilesPrepared()
  sample()
  send({
    type: 'ready',
    url: server.url,
    startMs: listening - started,
    preparedMs: performance.now() - listening,
    rssListening,
  })

  process.on('message', async (message: { type: string; resetPeak?: boolean }) => {
    if (message.type === 'memory') {
      sample()
      const { rss, heapUsed } = process.memoryUsage()
      send({ type: 'memory', rssMax, rss, heapUsed, cache: server.cache.stats() })
      // The next report's peak then covers only what comes after this one.
      if (message.resetPeak) rssMax = rss
    } else if (message.type === 'stop') {
      await server.close()
      process.exit(0)
    }
  })
} catch (error) {
  send({ type: 'failed', message: (error as Error).message })
  process.exit(1)
}
