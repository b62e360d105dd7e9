import { rmSync } from 'node:fs'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** A lock younger than this may not have its holder's pid written yet. */
const LOCK_GRACE_MS = 5_000
const LOCK_POLL_MS = 250

/** Locks this process holds, to tell its own from one left by an earlier process of its pid. */
const held = new Set<string>()

/**
 * Takes the build lock, a folder holding the holder's pid, waiting while a live process on this
 * machine holds it; a lock whose process is gone is taken over. `onWait` is called once when
 * it has to wait. Returns its release, which is also done at exit.
 */
export async function lockBuild(
  lock: string,
  onWait: () => void = () => {},
): Promise<() => Promise<void>> {
  await mkdir(path.dirname(lock), { recursive: true })
  let waiting = false

  for (;;) {
    try {
      await mkdir(lock)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    if (!(await heldByLiveProcess(lock))) {
      // Two processes finding the same abandoned lock at once could both take it: only after a
      // crash, and then the worst outcome is one build too many.
      await rm(lock, { recursive: true, force: true })
      continue
    }
    if (!waiting) onWait()
    waiting = true
    await sleep(LOCK_POLL_MS)
  }

  held.add(lock)
  await writeFile(path.join(lock, 'pid'), String(process.pid))
  const removeOnExit = () => rmSync(lock, { recursive: true, force: true })
  process.once('exit', removeOnExit)
  return async () => {
    process.off('exit', removeOnExit)
    held.delete(lock)
    await rm(lock, { recursive: true, force: true })
  }
}

async function heldByLiveProcess(lock: string): Promise<boolean> {
  const pid = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => ''))
  if (!Number.isInteger(pid) || pid <= 0) {
    const since = (await stat(lock).catch(() => undefined))?.mtimeMs
    return since !== undefined && Date.now() - since < LOCK_GRACE_MS
  }
  // In a restarted container this process may have the pid of the one that left the lock.
  if (pid === process.pid) return held.has(lock)
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
