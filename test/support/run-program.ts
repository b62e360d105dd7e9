import { spawn } from 'node:child_process'
import { REPO_ROOT } from '../../server/config.ts'

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Longer than any program run by the tests should take; a hung one is killed after it. */
const RUN_LIMIT_MS = 60_000

/**
 * Runs a program of the product (`server/main.ts`, `scripts/…`) as `npm start` or `npm run`
 * does (`node --import tsx`), with the settings of `env` over a clean slate for the database and
 * cache settings. A program still running after a minute is killed, and the run rejected.
 */
export function runProgram(
  program: string,
  args: string[],
  env: Record<string, string>,
  options: {
    /** Closes the program's standard output at once, as `| head -0` would: writes fail. */
    closedStdout?: boolean
  } = {},
) {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', program, ...args], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: '',
        REDIS_URL: '',
        REDIS_PREFIX: '',
        ...env,
      },
    })
    let stdout = ''
    let stderr = ''
    if (options.closedStdout) child.stdout.destroy()
    else child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const limit = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${program} was still running after ${RUN_LIMIT_MS / 1000} s: ${stdout}`))
    }, RUN_LIMIT_MS)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(limit)
      resolve({ code, stdout, stderr })
    })
  })
}

/** The lines of a program's output, without empty ones. */
export const lines = (text: string) => text.split('\n').filter((line) => line !== '')
