import { mkdir, stat } from 'node:fs/promises'
import path from 'node:path'

/**
 * Creates a folder and any missing parents, as `mkdir -p` does, failing with EEXIST when the
 * path is a file. Node's own recursive mkdir (Node 20) never returns for a path under a parent
 * that exists but refuses new entries with ENOENT, such as /proc: it makes the parent, which
 * exists, and tries again, forever. Here each folder is tried at most twice.
 */
export async function ensureFolder(folder: string): Promise<void> {
  const made = await makeOne(folder)
  if (made !== 'missing parent') return
  const parent = path.dirname(folder)
  if (parent === folder) throw missing(folder)
  await ensureFolder(parent)
  if ((await makeOne(folder)) === 'missing parent') throw missing(folder)
}

async function makeOne(folder: string): Promise<'made' | 'missing parent'> {
  try {
    await mkdir(folder)
    return 'made'
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return 'missing parent'
    if (code === 'EEXIST' && (await stat(folder)).isDirectory()) return 'made'
    throw error
  }
}

function missing(folder: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`ENOENT: cannot create folder '${folder}'`)
  error.code = 'ENOENT'
  return error
}
