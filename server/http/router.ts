import Router, { type RouterOptions } from '@koa/router'

/**
 * A router that matches paths as they are written. @koa/router ignores case unless told, so
 * `/TILES/control_units.json` would reach the tile routes while the tile fast path and the open
 * CORS rule, which read the path as written, pass it by: one request, two readings of its path.
 */
export function createRouter(options: Omit<RouterOptions, 'sensitive'> = {}): Router {
  return new Router({ ...options, sensitive: true })
}
