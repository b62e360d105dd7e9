import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { chown } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const BIN = process.env.POSTGRES_BIN || '/usr/lib/postgresql/15/bin'

/** Why suites needing a PostgreSQL of their own are skipped; undefined when one can be made. */
export const PRIVATE_POSTGRES_SKIP_REASON = existsSync(path.join(BIN, 'initdb'))
  ? undefined
  : `skipped: no PostgreSQL server programs at ${BIN}; install postgresql-15 or set POSTGRES_BIN`

/**
 * A PostgreSQL cluster of a suite's own, on a free loopback port, which the suite may stop and
 * start at will without touching the shared one. PostgreSQL refuses to run as root, so as root
 * it runs as the `postgres` system user, as Debian's packages set it up.
 */
export class PrivatePostgres {
  readonly url: string
  #dir: string
  #port: number

  private constructor(dir: string, port: number) {
    this.#dir = dir
    this.#port = port
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`
  }

  static async create(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(path.join(tmpdir(), 'ecozoning-pg-'))
    if (userInfo().uid === 0) await chown(dir, ...(await postgresIds()))
    const cluster = new PrivatePostgres(dir, await freePort())
    await cluster.#as('initdb', ['-D', cluster.#data, '-A', 'trust', '-U', 'postgres'])
    await cluster.start()
    return cluster
  }

  get #data() {
    return path.join(this.#dir, 'data')
  }

  async start() {
    const options = `-p ${this.#port} -k ${this.#dir} -c listen_addresses=127.0.0.1`
    const log = path.join(this.#dir, 'log')
    await this.#as('pg_ctl', ['-D', this.#data, '-o', options, '-l', log, '-w', 'start'])
  }

  /** Stops at once, ending every session, as an administrator's fast shutdown does. */
  async stop() {
    await this.#as('pg_ctl', ['-D', this.#data, '-m', 'fast', '-w', 'stop'])
  }

  async destroy() {
    await this.stop().catch(() => {})
    rmSync(this.#dir, { recursive: true, force: true })
  }

  async #as(program: string, args: string[]) {
    const command = path.join(BIN, program)
    if (userInfo().uid === 0) await run('runuser', ['-u', 'postgres', '--', command, ...args])
    else await run(command, args)
  }
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run('id', ['postgres'])
  const uid = Number(/uid=(\d+)/.exec(stdout)?.[1])
  const gid = Number(/gid=(\d+)/.exec(stdout)?.[1])
  return [uid, gid]
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}
