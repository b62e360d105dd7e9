import pino from 'pino'
import { CONFIG_HELP, readConfig } from './config.ts'
import { DataDirBusyError } from './db/data-dir-lock.ts'
import { StartupError } from './startup-error.ts'
import { startServer } from './start.ts'

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log('Usage: npm start\n\nSettings, from environment variables:')
  for (const [name, fallback, meaning] of CONFIG_HELP) {
    console.log(`  ${name.padEnd(24)} ${meaning} (default: ${fallback})`)
  }
  process.exit(0)
}

const { config, problems } = readConfig(process.env)
if (!config) {
  // Logged as every other reason not to start is, at the default level: LOG_LEVEL may be the
  // setting at fault.
  const log = pino({ base: { service: 'ecozoning' } })
  for (const problem of problems) log.fatal(`bad setting ${problem}`)
  process.exit(2)
}

const log = pino({ level: config.LOG_LEVEL, base: { service: 'ecozoning' } })
log.info(
  { version: process.env.npm_package_version, node: process.version },
  'starting; settings from the environment (npm start -- --help lists them)',
)

try {
  const server = await startServer({
    port: config.PORT,
    host: config.HOST,
    publicUrl: config.PUBLIC_URL,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    dbPoolSize: config.DB_POOL_SIZE,
    dbStatementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    tileCacheBytes: config.TILE_CACHE_MB * 1024 * 1024,
    tileCacheTtlSeconds: config.TILE_CACHE_TTL_S,
    catalogRefreshMs: config.CATALOG_REFRESH_MS,
    tileIndexMaxVertices: config.TILE_INDEX_MAX_VERTICES,
    tileIndexMaxTiles: config.TILE_INDEX_MAX_TILES,
    admissionNearbyM: config.ADMISSION_NEARBY_M,
    reportsPerHour: config.REPORT_RATE_LIMIT,
    reportLookupsPerMinute: config.REPORT_LOOKUP_LIMIT,
    basemap: config.BASEMAP_URL && {
      tiles: config.BASEMAP_URL,
      attribution: config.BASEMAP_ATTRIBUTION ?? '',
      maxzoom: config.BASEMAP_MAXZOOM,
    },
    loadSample: config.LOAD_SAMPLE === 'auto',
    buildPortal: config.BUILD_PORTAL === 'auto',
    log,
  })
  const layers = await server.catalog.list()
  log.info({ layers: layers.map((l) => `${l.name}@v${l.dataVersion}`) }, 'layers published')
  log.info(`ecozoning is ready: open ${server.url}`)

  const stop = async (signal: string) => {
    log.info({ signal }, 'shutting down')
    await server.close()
    process.exit(0)
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))
} catch (error) {
  if (error instanceof DataDirBusyError || error instanceof StartupError) {
    log.fatal(error.message)
  } else {
    log.fatal({ err: error }, 'could not start')
  }
  process.exit(1)
}
