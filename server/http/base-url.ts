import type { Context } from 'koa'

/**
 * The server's absolute base URL as clients should use it: the configured public URL when the
 * server sits behind a proxy, else the request's own protocol and host. No trailing slash.
 */
export function baseUrlOf(ctx: Context, publicUrl: string | undefined): string {
  return publicUrl?.replace(/\/$/, '') ?? `${ctx.protocol}://${ctx.host}`
}
