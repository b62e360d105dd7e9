/** Where in a file a problem is: the file, the item's number (1-based) and the field. */
export interface ImportPlace {
  file?: string
  feature?: number
  field?: string
  /** What the file's items are, as the place names them: `feature` unless said. */
  item?: 'feature' | 'rule' | 'industry'
}

/**
 * A file that cannot be imported, with where: the file, the feature (or rule, or industry)
 * number, 1-based, and the field when the problem is in one. An import that throws this has
 * changed nothing.
 */
export class ImportError extends Error {
  readonly file: string | undefined
  readonly feature: number | undefined
  readonly field: string | undefined
  readonly item: NonNullable<ImportPlace['item']>

  constructor(message: string, where: ImportPlace = {}) {
    super(message)
    this.name = 'ImportError'
    this.file = where.file
    this.feature = where.feature
    this.field = where.field
    this.item = where.item ?? 'feature'
  }

  /** The message with its place, as an operator reads it: file, feature N, field F: message. */
  describe(): string {
    const place = [
      this.file,
      this.feature === undefined ? undefined : `${this.item} ${this.feature}`,
      this.field === undefined ? undefined : `field ${this.field}`,
    ].filter(Boolean)
    return place.length > 0 ? `${place.join(', ')}: ${this.message}` : this.message
  }
}

/**
 * The layer asked for is not in the catalogue: the command line is wrong, not the file. Found
 * only once the database is open, as imports and migrations change the catalogue.
 */
export class UnknownLayerError extends ImportError {
  constructor(message: string) {
    super(message)
    this.name = 'UnknownLayerError'
  }
}

/**
 * The refusal of a feature with a hole outside its outer ring, which would be read or repaired
 * into land: in the same words whether the repair finds it or a Shapefile's rings show it.
 */
export const HOLE_OUTSIDE_SHELL =
  'A hole lies outside its outer ring: repaired, it would become land the feature does not ' +
  'hold. Draw each hole inside its outer ring.'
