import type { Logger } from 'pino'
import { labelLayersOf } from './label-layers.ts'
import type { LayerCatalog } from './layer-catalog.ts'
import type { TileCutter } from './tile-cutter.ts'

/**
 * Readies every layer's tile source in the background when the server starts and again after
 * each import. Building an index takes from a few tenths of a second (the sample) to seconds (a
 * province), which the first map to ask after a start or an import would otherwise wait out.
 * A request that comes first waits for the same build, so nothing is built twice.
 */
export class TilePreparation {
  #catalog: LayerCatalog
  #cutter: TileCutter
  #log: Logger
  #running: Promise<void> | undefined
  #again = false

  constructor(catalog: LayerCatalog, cutter: TileCutter, log: Logger) {
    this.#catalog = catalog
    this.#cutter = cutter
    this.#log = log
  }

  /** Prepares the layers the catalogue lists now; asked during a run, runs once more after it. */
  run(): void {
    if (this.#running) {
      this.#again = true
      return
    }
    this.#running = this.#prepare().finally(() => {
      this.#running = undefined
      if (this.#again) {
        this.#again = false
        this.run()
      }
    })
  }

  /** Resolves once no preparation is under way: the server waits for it before closing. */
  async settled(): Promise<void> {
    while (this.#running) await this.#running
  }

  async #prepare() {
    const started = performance.now()
    const layers = await this.#catalog.list().catch((error: unknown) => {
      this.#log.warn(
        { err: error },
        'cannot read the layer catalogue to ready tiles; each layer is readied by its first tile',
      )
      return undefined
    })
    if (!layers) return

    const cutFrom: Record<string, string> = {}
    for (const prepared of await this.#cutter.prepare([...layers, ...labelLayersOf(layers)])) {
      if ('cutFrom' in prepared) {
        cutFrom[prepared.layer] = prepared.cutFrom
      } else {
        this.#log.warn(
          { err: prepared.error, layer: prepared.layer },
          'cannot prepare the tiles of a layer; its next tile request tries again',
        )
      }
    }
    const ms = Math.round(performance.now() - started)
    this.#log.info({ ms, cutFrom }, 'tile sources ready')
  }
}
