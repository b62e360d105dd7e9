/** Tile geometry settings shared by both ways of cutting tiles. */

export const TILE_EXTENT = 4096

/** Tile-space pixels of simplification at each zoom (geojson-vt's tolerance): 3 of 4096 stays
 * below what a screen shows while dropping most vertices at low zooms. */
export const TOLERANCE = 3

/** Features are kept this far (tile pixels) beyond the tile edge, so polygon outlines and line
 * joins meet cleanly across tile borders. */
export const BUFFER = 64
