import { describe, expect, it } from 'vitest'
import { lines, runProgram } from '../support/run-program.ts'

describe('a server started with bad settings', () => {
  it('stops with one fatal log line per setting, naming it, exit status 2', async () => {
    const run = await runProgram('server/main.ts', [], {
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://ada:secret@db.example/zoning',
      HOST: '127.0.0.1',
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('')
    const logged = lines(run.stdout).map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(logged.map((line) => [line.level, line.service])).toEqual(
      logged.map(() => [60, 'ecozoning']),
    )
    const messages = logged.map((line) => String(line.msg))
    expect(messages.map((msg) => /^bad setting ([A-Z_]+)=/.exec(msg)?.[1]).sort()).toEqual(
      ['DATABASE_URL', 'LOG_LEVEL', 'PORT'].sort(),
    )
    expect(messages.join('\n')).not.toContain('secret')
  })
})
