import path from 'node:path'
import { z } from 'zod'
import { typedPath } from './ops/typed-path.ts'
import { DEFAULT_CUTTER_OPTIONS } from './tiles/tile-cutter.ts'

export const REPO_ROOT = path.resolve(import.meta.dirname, '..')

const urlOf = (protocols: string[]) => {
  const starts = protocols.map((p) => `${p}//`).join(' or ')
  return z
    .string()
    .refine((value) => URL.canParse(value), {
      message: `is not a URL that parses (check the host, the port and the characters in it)`,
    })
    .refine((value) => !URL.canParse(value) || protocols.includes(new URL(value).protocol), {
      message: `must be a URL starting with ${starts}`,
      abort: true,
    })
}

/** Space-separated XYZ templates, each an http(s) URL holding {z}, {x} and {y}. */
const tileTemplates = z
  .string()
  .transform((value) => value.split(/\s+/).filter((template) => template !== ''))
  .pipe(
    z
      .array(
        z
          .string()
          .refine(
            (template) =>
              ['{z}', '{x}', '{y}'].every((part) => template.includes(part)) &&
              URL.canParse(template) &&
              ['http:', 'https:'].includes(new URL(template).protocol),
            { message: 'each template must be an http(s) URL holding {z}, {x} and {y}' },
          ),
      )
      .min(1)
      .max(4),
  )

/** Every setting, its environment variable, default and meaning; README lists the same. */
const fields = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: urlOf(['http:', 'https:'])
    // TileJSON and styles append paths to it: a query or fragment would end up inside them.
    .refine((value) => !/[?#]/.test(value), {
      message: 'must be a base URL without a query (?…) or fragment (#…)',
    })
    .refine((value) => !URL.canParse(value) || !new URL(value).username, {
      message: 'must not hold a user name or password: it is sent to every client',
    })
    .optional(),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  DATABASE_URL: urlOf(['postgres:', 'postgresql:']).optional(),
  DATA_DIR: z
    .string()
    .refine((value) => value.trim() === value && value.trim() !== '', {
      message: 'must be a folder path without blanks at either end',
    })
    .default(path.join(REPO_ROOT, '.data', 'pglite')),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  REDIS_URL: urlOf(['redis:', 'rediss:'])
    .refine((value) => !URL.canParse(value) || /^\/?(\d{1,5})?$/.test(new URL(value).pathname), {
      message: 'must name its database by number after the host, as in redis://127.0.0.1:6379/2',
    })
    // ioredis reads these from the query too, over the path's database and REDIS_PREFIX.
    .refine(
      (value) =>
        !URL.canParse(value) ||
        !['db', 'keyPrefix'].some((key) => new URL(value).searchParams.has(key)),
      { message: 'must not set db or keyPrefix in its query: use the path (/2) and REDIS_PREFIX' },
    )
    .optional(),
  REDIS_PREFIX: z.string().min(1).max(64).default('ecozoning:'),
  TILE_CACHE_MB: z.coerce.number().min(1).max(65_536).default(256),
  TILE_CACHE_TTL_S: z.coerce.number().int().min(1).default(86_400),
  TILE_INDEX_MAX_VERTICES: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_CUTTER_OPTIONS.indexMaxVertices),
  TILE_INDEX_MAX_TILES: z.coerce
    .number()
    .int()
    .min(100)
    .default(DEFAULT_CUTTER_OPTIONS.indexMaxTiles),
  CATALOG_REFRESH_MS: z.coerce.number().int().min(0).default(2_000),
  ADMISSION_NEARBY_M: z.coerce.number().int().min(0).max(50_000).default(5_000),
  REPORT_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  REPORT_LOOKUP_LIMIT: z.coerce.number().int().min(1).max(100_000).default(60),
  LOAD_SAMPLE: z.enum(['auto', 'never']).default('auto'),
  BUILD_PORTAL: z.enum(['auto', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BASEMAP_URL: tileTemplates.optional(),
  BASEMAP_ATTRIBUTION: z.string().trim().min(1).max(200).optional(),
  BASEMAP_MAXZOOM: z.coerce.number().int().min(0).max(22).default(18),
})

const schema = fields.superRefine((config, problems) => {
  // Basemap providers license their tiles on condition that the map names them.
  if (config.BASEMAP_URL && !config.BASEMAP_ATTRIBUTION) {
    problems.addIssue({
      code: 'custom',
      path: ['BASEMAP_ATTRIBUTION'],
      message: 'is required with BASEMAP_URL: the text the map credits the basemap with',
    })
  }
})

export type Config = z.infer<typeof schema>

/**
 * Reads the configuration from environment variables. Returns the problems, one line per wrong
 * value, instead of throwing, so the entry point can print them all and stop.
 */
export function readConfig(
  env: Record<string, string | undefined>,
): { config: Config; problems?: undefined } | { config?: undefined; problems: string[] } {
  // An empty variable means unset, as in most shells' `VAR= command`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in fields.shape && value !== ''),
  )
  const result = schema.safeParse(present)
  if (result.success) {
    // A relative folder is the one the user typed it in, as with file arguments.
    return { config: { ...result.data, DATA_DIR: typedPath(result.data.DATA_DIR, env) } }
  }
  // One line per setting: the first problem found with it.
  const problems = new Map<string, string>()
  for (const issue of result.error.issues) {
    const name = String(issue.path[0])
    if (!problems.has(name))
      problems.set(name, `${name}=${JSON.stringify(shown(env[name] ?? ''))}: ${issue.message}`)
  }
  return { problems: [...problems.values()] }
}

/**
 * A setting's value as it may be printed: the password of anything that looks like a URL with
 * credentials replaced, since start-up errors end up in logs that many people read.
 */
function shown(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, '$1:***@')
}

export const CONFIG_HELP: [string, string, string][] = [
  ['PORT', '8080', 'HTTP port; 0 picks a free one'],
  ['HOST', '0.0.0.0', 'address to listen on'],
  ['PUBLIC_URL', 'from the request', 'base URL in TileJSON behind a proxy, no query or user'],
  ['TRUST_PROXY_HOPS', '0', 'proxies in front whose X-Forwarded-For names the client'],
  ['DATABASE_URL', 'embedded PGlite', 'postgres:// URL of PostgreSQL with PostGIS 3'],
  ['DATA_DIR', '.data/pglite', 'folder of the embedded database'],
  ['DB_POOL_SIZE', '10', 'connections to PostgreSQL'],
  ['DB_STATEMENT_TIMEOUT_MS', '15000', 'longest a PostgreSQL statement may run'],
  ['REDIS_URL', 'in-memory cache', 'redis:// URL of the shared tile cache, database by number'],
  ['REDIS_PREFIX', 'ecozoning:', 'prefix of every Redis key'],
  ['TILE_CACHE_MB', '256', 'byte budget of the in-memory tile cache, alone or in front of Redis'],
  ['TILE_CACHE_TTL_S', '86400', 'expiry of tiles in Redis'],
  ['TILE_INDEX_MAX_VERTICES', '3000000', 'larger layers are cut per tile from PostGIS'],
  ['TILE_INDEX_MAX_TILES', '20000', 'tiles an in-memory layer index cuts before a rebuild'],
  ['CATALOG_REFRESH_MS', '2000', 'how often the layer catalogue is re-read (imports show)'],
  ['ADMISSION_NEARBY_M', '5000', 'sensitive zones within this many m of a site are listed'],
  ['REPORT_RATE_LIMIT', '10', 'pollution reports a client may submit per hour'],
  ['REPORT_LOOKUP_LIMIT', '60', 'tracking-code lookups a client may make per minute'],
  ['LOAD_SAMPLE', 'auto', 'auto loads data/sample into an empty database; never skips'],
  ['BUILD_PORTAL', 'auto', 'auto builds the portal when missing or stale; never skips'],
  ['LOG_LEVEL', 'info', 'fatal, error, warn, info, debug, trace or silent'],
  ['BASEMAP_URL', 'none', 'XYZ raster templates under the portal maps, space-separated'],
  ['BASEMAP_ATTRIBUTION', 'none', 'credit shown for the basemap; required with BASEMAP_URL'],
  ['BASEMAP_MAXZOOM', '18', 'highest zoom the basemap has tiles for'],
]
