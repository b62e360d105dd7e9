import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from 'pino'
import { lockBuild } from './build-lock.ts'

/**
 * Builds the Astro portal into `portal/dist` when the build is missing or older than any of its
 * sources, and returns the dist folder. The build runs as a child process, so Astro and Vite
 * never stay loaded in the server.
 */
export async function ensurePortalBuilt(repoRoot: string, log: Logger): Promise<string> {
  const portalRoot = path.join(repoRoot, 'portal')
  const dist = path.join(portalRoot, 'dist')
  const stale = await staleness(portalRoot, dist)
  if (stale === undefined) return dist

  // Servers started at once from one checkout, as parallel test files do, would otherwise
  // build into the same folder together, and one of them would serve it half written.
  const release = await lockBuild(path.join(portalRoot, '.astro', 'build.lock'), () =>
    log.info('waiting for another process that is building the portal'),
  )
  try {
    // The build waited for may have been this one.
    const reason = await staleness(portalRoot, dist)
    if (reason === undefined) return dist

    log.info({ reason }, 'building the portal')
    const started = performance.now()
    await run(process.execPath, [
      path.join(repoRoot, 'node_modules', 'astro', 'astro.js'),
      'build',
      '--root',
      portalRoot,
    ])
    log.info({ ms: Math.round(performance.now() - started) }, 'portal built')
    return dist
  } finally {
    await release()
  }
}

/** Why the build must run: 'missing', 'stale', or undefined when it is up to date. */
export async function staleness(portalRoot: string, dist: string): Promise<string | undefined> {
  const builtAt = await mtime(path.join(dist, 'index.html'))
  const sourcesAt = await newestMtime([
    path.join(portalRoot, 'src'),
    path.join(portalRoot, 'public'),
    path.join(portalRoot, 'astro.config.mjs'),
    // The API page is written from the OpenAPI document these modules build.
    path.join(portalRoot, '..', 'server', 'ops'),
  ])
  if (builtAt === undefined) return 'missing'
  return builtAt >= sourcesAt ? undefined : 'stale'
}

async function mtime(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs
  } catch {
    return undefined
  }
}

async function newestMtime(paths: string[]): Promise<number> {
  let newest = 0
  for (const entry of paths) {
    const info = await stat(entry).catch(() => undefined)
    if (!info) continue
    if (!info.isDirectory()) {
      newest = Math.max(newest, info.mtimeMs)
      continue
    }
    const children = await readdir(entry)
    newest = Math.max(newest, await newestMtime(children.map((c) => path.join(entry, c))))
  }
  return newest
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      // Astro would otherwise try to reach its telemetry server.
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the portal build exited with code ${code}`)),
    )
  })
}
