import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lockDataDir } from '../../server/db/data-dir-lock.ts'
import { startServer } from '../../server/start.ts'
import { runProgram } from '../support/run-program.ts'
import { BACKENDS, createScratchDatabase } from '../support/services.ts'

/** Runs `npm run staff --` as an operator does, against the database `env` names. */
function runStaff(args: string[], env: Record<string, string>) {
  return runProgram('scripts/staff.ts', args, env)
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`npm run staff ${backend.title}`, () => {
    let env: Record<string, string>
    let cleanup: () => Promise<void>
    beforeAll(async () => {
      if (backend.name === 'postgres') {
        const scratch = await createScratchDatabase()
        env = { DATABASE_URL: scratch.url }
        cleanup = scratch.drop
      } else {
        const folder = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-staff-'))
        env = { DATA_DIR: path.join(folder, 'pglite') }
        cleanup = () => rm(folder, { recursive: true, force: true })
      }
    })
    afterAll(() => cleanup?.())

    /** Asks a server on the same database who a token belongs to. */
    const whoIs = async (token: string) => {
      const server = await startServer({
        port: 0,
        host: '127.0.0.1',
        databaseUrl: env.DATABASE_URL,
        dataDir: env.DATA_DIR,
        loadSample: false,
        buildPortal: false,
      })
      try {
        const response = await fetch(`${server.url}/api/staff/me`, {
          headers: { authorization: `Bearer ${token}` },
        })
        return { status: response.status, body: (await response.json()) as unknown }
      } finally {
        await server.close()
      }
    }

    it('issues, lists and revokes a token that the server then refuses', async () => {
      const added = await runStaff(['add', '赵科员', '--role', 'officer'], env)
      expect(added.code).toBe(0)
      const token = /ezs_[A-Za-z0-9_-]{43}/.exec(added.stdout)?.[0]
      expect(token).toBeDefined()
      const where = backend.name === 'postgres' ? new URL(env.DATABASE_URL!).pathname : env.DATA_DIR
      expect(added.stderr).toContain(where!.replace(/^\//, ''))
      expect(await whoIs(token!)).toEqual({
        status: 200,
        body: { name: '赵科员', role: 'officer' },
      })

      const again = await runStaff(['add', '赵科员', '--role', 'viewer'], env)
      expect(again.code).toBe(1)
      expect(again.stderr).toMatch(/already holds a live token/)

      const listed = await runStaff(['list'], env)
      expect(listed.code).toBe(0)
      expect(listed.stdout).toMatch(/赵科员\s+officer .* live/)
      expect(listed.stdout).not.toContain(token!)

      expect((await runStaff(['revoke', '赵科员'], env)).code).toBe(0)
      expect((await runStaff(['revoke', '赵科员'], env)).code).toBe(1)
      const refused = await whoIs(token!)
      expect(refused.status).toBe(401)
      expect(refused.body).toMatchObject({ error: { code: 'STAFF_TOKEN_REVOKED' } })

      const reissued = await runStaff(['add', '赵科员', '--role', 'viewer'], env)
      expect(reissued.code).toBe(0)
      expect(reissued.stdout).not.toContain(token!)
      // Eight commands and two server starts, each opening the embedded database afresh: about
      // 25 s alone, and several times that beside the rest of the suite.
    }, 300_000)

    it('takes names that differ in case or width for one person', async () => {
      expect((await runStaff(['add', 'Bob', '--role', 'viewer'], env)).code).toBe(0)
      for (const name of ['bob', 'Ｂｏｂ']) {
        const again = await runStaff(['add', name, '--role', 'officer'], env)
        expect(again.code).toBe(1)
        expect(again.stdout).toBe('')
        expect(again.stderr).toContain(
          `Bob already holds a live token, and ${name} is the same name once case and ` +
            'full-width forms are set aside; revoke it first to issue another.',
        )
      }
      const spaced = await runStaff(['add', 'bob ', '--role', 'viewer'], env)
      expect(spaced.code).toBe(2)
      expect(spaced.stderr).toMatch(/^NAME must not begin or end with a space; got "bob "\./)

      const listed = await runStaff(['list'], env)
      expect(listed.stdout.match(/^bob /gim)).toHaveLength(1)
      const revoked = await runStaff(['revoke', 'BOB'], env)
      expect(revoked.code).toBe(0)
      expect(revoked.stdout).toBe('Revoked the token of Bob (viewer).\n')
    }, 300_000)

    it('exits 2 with the usage for a wrong command line', async () => {
      const run = await runStaff(['add', 'ada', '--role', 'root'], env)
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/--role must be one of/)
      expect(run.stderr).toMatch(/Usage:/)

      const bare = await runStaff([], env)
      expect(bare.code).toBe(2)
      expect(bare.stderr.split('\n')[0]).toBe('Give a command: add, list or revoke.')
      expect(bare.stderr).toMatch(/Usage:/)
    })
  })
}

describe('npm run staff on an empty database', () => {
  let folder: string
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-no-staff-'))
  })
  afterAll(() => rm(folder, { recursive: true, force: true }))

  it('says how to add the first member, with the arguments it takes', async () => {
    const run = await runStaff(['list'], { DATA_DIR: path.join(folder, 'pglite') })
    expect(run.code).toBe(0)
    expect(run.stdout.trim()).toBe(
      'No staff yet; add one with: npm run staff -- add NAME --role ROLE',
    )
  })
})

describe('npm run staff on an embedded database an import holds', () => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-held-'))
  })
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  it('refuses in one line naming the import, not a server, as the holder', async () => {
    const lock = await lockDataDir(dataDir, 'import')
    try {
      const { since } = JSON.parse(await readFile(lock.file, 'utf8')) as { since: string }
      const run = await runStaff(['list'], { DATA_DIR: dataDir })
      expect(run.code).toBe(1)
      expect(run.stderr.split('\n').filter((line) => line !== '')).toEqual([
        `The embedded database in ${dataDir} is in use by the import (pid ${process.pid} on ` +
          `${os.hostname()}, since ${since}); it cannot be shared between processes. ` +
          'Wait for the import to finish, or run both on PostgreSQL with DATABASE_URL.',
      ])
    } finally {
      await lock.release()
    }
    expect(await readdir(dataDir)).toEqual([])
  })
})
