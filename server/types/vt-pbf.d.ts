declare module 'vt-pbf' {
  interface TileLike {
    features: unknown[]
  }
  export function fromGeojsonVt(
    layers: Record<string, TileLike>,
    options?: { version?: number; extent?: number },
  ): Uint8Array
}
