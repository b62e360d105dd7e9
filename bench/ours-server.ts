// The product's server in a process of its own, for the benchmark: started with the options
// given as the first argument, it reports its URL and its memory over the IPC channel.

import { startServer, type StartOptions } from '../server/start.ts'

const options = JSON.parse(process.argv[2] ?? '{}') as StartOptions
const send = (message: object) => process.send?.(message)

// Sampled rather than read once: the peak of process.memoryUsage().rss is what a host sees.
let rssMax = 0
const sample = () => {
  rssMax = Math.max(rssMax, process.memoryUsage().rss)
}
setInterval(sample, 100).unref()

try {
  const started = performance.now()
  const server = await startServer({ ...options, port: 0, host: '127.0.0.1', buildPortal: false })
  sample()
  send({ type: 'ready', url: server.url, startMs: performance.now() - started })

  process.on('message', async (message: { type: string }) => {
    if (message.type === 'memory') {
      sample()
      const { rss, heapUsed } = process.memoryUsage()
      send({ type: 'memory', rssMax, rss, heapUsed, cache: server.cache.stats() })
    } else if (message.type === 'stop') {
      await server.close()
      process.exit(0)
    }
  })
} catch (error) {
  send({ type: 'failed', message: (error as Error).message })
  process.exit(1)
}
