import type { Context } from 'koa'

/**
 * The route a request matched, as a pattern (`/tiles/:layer/:z/:x/:file`), for logs and metric
 * labels. Unmatched paths keep only their first segment, so neither a place someone asked about
 * nor an arbitrary path a client made up ends up in a log or a label.
 */
export function routeLabel(ctx: Context): string {
  const matched = (ctx as Context & { routerPath?: string }).routerPath
  if (matched) return matched
  const first = ctx.path.split('/')[1] ?? ''
  if (first === 'api' || first === 'tiles') return `/${first}/*`
  return '/portal'
}
