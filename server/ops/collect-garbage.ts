import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let fullCollection: (() => void) | null | undefined

/**
 * Runs V8's full garbage collection now, for the rare moment a large structure has just been
 * replaced (see LayerIndex) and a pause now spares many requests later; false when this V8
 * offers none. V8 offers it as the global `gc` under `--expose-gc`, a flag that takes effect in
 * contexts made after it is set: it is set on first use and `gc` taken from a new context, so
 * the process needs no flag and its own global scope stays as it was.
 */
export function collectGarbage(): boolean {
  fullCollection ??= exposeFullCollection()
  if (!fullCollection) return false
  fullCollection()
  return true
}

function exposeFullCollection(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc')
    const gc: unknown = runInNewContext('gc')
    return typeof gc === 'function' ? (gc as () => void) : null
  } catch {
    return null
  }
}
