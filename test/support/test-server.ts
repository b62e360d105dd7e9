import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { loadDatasetFolder } from '../../server/data/sample-loader.ts'
import { startServer, type RunningServer, type StartOptions } from '../../server/start.ts'
import { createScratchDatabase, type Backend } from './services.ts'

export const FIXTURE_DATASET = path.resolve(import.meta.dirname, '../fixtures/dataset')

export interface TestServer extends RunningServer {
  get(pathAndQuery: string, init?: RequestInit): Promise<Response>
  postJson(pathAndQuery: string, body: unknown): Promise<Response>
}

/**
 * Starts the real server on a free loopback port with a fresh database of the given back end,
 * loaded with the sample dataset or the hand-made fixture. Close it in afterAll.
 */
export async function startTestServer(
  backend: Backend,
  dataset: 'sample' | 'fixture',
  options: StartOptions = {},
): Promise<TestServer> {
  const scratch = backend.name === 'postgres' ? await createScratchDatabase() : undefined
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: scratch?.url,
    loadSample: dataset === 'sample',
    buildPortal: false,
    catalogRefreshMs: 0,
    ...options,
  })
  if (dataset === 'fixture') {
    await loadDatasetFolder(server.db, FIXTURE_DATASET)
    // The import's notification makes the server ready the layers again, in the background;
    // a test starts once that is done, so that nothing still reads the database behind it.
    await sleep(100)
    await server.tilesPrepared()
  }

  return {
    ...server,
    get: (pathAndQuery, init) => fetch(server.url + pathAndQuery, init),
    postJson: (pathAndQuery, body) =>
      fetch(server.url + pathAndQuery, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close() {
      await server.close()
      await scratch?.drop()
    },
  }
}
