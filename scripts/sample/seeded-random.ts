/**
 * Deterministic pseudo-random numbers, so that every build of the sample writes the same bytes.
 * xorshift32 (Marsaglia 2003): tiny, fast and good enough for placing illustrative shapes; not
 * for anything that needs statistical quality or secrecy.
 */
export type Random = () => number

/** Returns a generator of numbers in [0, 1) fully determined by `seed` (any 32-bit integer). */
export function seededRandom(seed: number): Random {
  // Zero is the one state xorshift never leaves.
  let state = seed >>> 0 || 0x9e3779b9

  return () => {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state / 4294967296
  }
}

/** A 32-bit FNV-1a hash of a string, to derive a stable seed from a feature's name. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}
