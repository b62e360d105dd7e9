import { spawn } from 'node:child_process'
import { REPO_ROOT } from '../../server/config.ts'

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs a program of the product (`server/main.ts`, `scripts/…`) as `npm start` or `npm run`
 * does, with the settings of `env` over a clean slate for the database and cache settings.
 */
export function runProgram(program: string, args: string[], env: Record<string, string>) {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn('npx', ['tsx', program, ...args], {
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
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** The lines of a program's output, without empty ones. */
export const lines = (text: string) => text.split('\n').filter((line) => line !== '')
