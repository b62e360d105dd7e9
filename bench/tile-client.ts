import http from 'node:http'

/** One answer as it came over the wire: the body is not decompressed. */
export interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  /** From sending the request to the last byte of the body, milliseconds. */
  ms: number
}

/**
 * An HTTP client for one server on loopback with a pool of keep-alive connections, asking for
 * gzip as browsers do and keeping bodies compressed, so the bytes are those a cache holds.
 */
export class TileClient {
  #agent: http.Agent
  #base: URL

  constructor(baseUrl: string, connections: number) {
    this.#base = new URL(baseUrl)
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  }

  get(path: string): Promise<RawResponse> {
    const started = performance.now()
    return new Promise((resolve, reject) => {
      const request = http.get(
        {
          host: this.#base.hostname,
          port: this.#base.port,
          path,
          agent: this.#agent,
          headers: { 'Accept-Encoding': 'gzip' },
          timeout: 300_000,
        },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('error', reject)
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks),
              ms: performance.now() - started,
            }),
          )
        },
      )
      request.on('timeout', () => request.destroy(new Error(`No answer for ${path} in 300 s`)))
      request.on('error', reject)
    })
  }

  close() {
    this.#agent.destroy()
  }
}

/**
 * Runs `work` on every item with at most `concurrency` at a time, in order of the items as far
 * as concurrency allows. Returns each item's result in the items' order and the wall time,
 * milliseconds. The first failure stops handing out work and is thrown once all started ones end.
 */
export async function runConcurrently<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<{ results: R[]; ms: number }> {
  const results: R[] = new Array(items.length)
  let next = 0
  let failure: unknown
  const started = performance.now()

  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const index = next++
      try {
        results[index] = await work(items[index]!, index)
      } catch (error) {
        failure ??= error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  if (failure !== undefined) throw failure
  return { results, ms: performance.now() - started }
}
