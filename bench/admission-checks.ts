import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { seededRandom } from '../scripts/sample/seeded-random.ts'
import { SAMPLE_DIR } from '../server/data/sample-loader.ts'
import { migrate } from '../server/db/migrate.ts'
import { openDatabase } from '../server/db/open-database.ts'
import { importAccessList } from '../server/import/access-list-import.ts'
import { importFile } from '../server/import/file-import.ts'
import { startOurs, type OursServer } from './bench-servers.ts'
import { postChecks, type CheckPass } from './check-client.ts'
import { profileChecks, type CheckProfile } from './check-profile.ts'
import { drawCheckSites } from './check-site-placement.ts'
import { checkBody, shuffled, SITE_KINDS, type CheckSite, type SiteKind } from './check-sites.ts'
import { interleave, type Side } from './interleave.ts'
import type { PreparedProvince } from './province-scale.ts'
import { provinceAccessList, type RuleItem, type UnitOfClass } from './province-rules.ts'

export interface AdmissionOptions {
  /** A scratch database holding the Hengyang sample as the server loads it; none skips it. */
  hengyangUrl: string | undefined
  /** The province layer of part 3; none skips it. */
  province: PreparedProvince | undefined
  /** Also check the sample and the province on the embedded PostgreSQL (PGlite). */
  embedded: boolean
  sites: number
  concurrency: number
  /** Checks sent before measuring, not counted. */
  warmup: number
  /** Sites of each kind run through the step profile on PostgreSQL. */
  profilePerKind: number
  seed: number
  tmpDir: string
  log: (line: string) => void
}

export type DataSet = 'hengyang' | 'province'

/** The sites drawn on one data set, and what the data holds. */
export interface SiteSet {
  data: DataSet
  sites: CheckSite[]
  drawMs: number
  units: number
  rules: number
  /** Mean size of a request body, bytes. */
  bodyBytes: number
}

/** Every site of one kind checked once at one concurrency. */
export interface KindPass extends CheckPass {
  kind: SiteKind
}

/** One server and data set, measured. */
export interface TargetRun {
  name: string
  data: DataSet
  backEnd: 'PostgreSQL' | 'PGlite'
  /** Spawning the server until it listens; for PGlite, the sample load included; ms. */
  startMs: number
  /** Loading the data into a new PGlite folder beforehand, in the benchmark process; ms. */
  loadMs?: number
  /**
   * Concurrency 1 first: one pass over every site, split by kind, each part's time the sum of
   * its latencies. Then the chosen concurrency: two passes per kind, each over half its sites.
   */
  passes: KindPass[]
  profile?: CheckProfile
  failed?: string
}

export interface AdmissionResult {
  siteSets: SiteSet[]
  targets: TargetRun[]
  /** How the province got its access list, when it was measured. */
  provinceList?: { rules: number; industries: number; importMs: number; file: string }
  concurrency: number
  warmup: number
  nearbyM: number
}

export const HENGYANG_PG = 'PostgreSQL, Hengyang sample'
export const HENGYANG_PGLITE = 'PGlite, Hengyang sample'
export const PROVINCE_PG = 'PostgreSQL, province'
export const PROVINCE_PGLITE = 'PGlite, province'
/** The server's default reach for nearby sensitive zones, which the servers here keep. */
const NEARBY_M = 5_000
const EXPLAINED_STEPS = 4

/**
 * Part 4, the admission check's speed: draws the check sites on each data set, then for each
 * server (PostgreSQL and PGlite, each with the sample and with the province) sends a warm-up,
 * then every site, kind after kind, at concurrency 1 and at the chosen concurrency, and on
 * PostgreSQL profiles where a check's time goes. Every check answered is also stored by the
 * server, as it always is.
 */
export async function benchAdmissionChecks(options: AdmissionOptions): Promise<AdmissionResult> {
  const { log } = options
  let provinceList: AdmissionResult['provinceList']
  if (options.province) {
    log('loading the industry catalogue and an access list into the province database')
    provinceList = await loadProvinceList(options.province.scratch.url, options)
    log(`province access list: ${provinceList.rules} rules`)
  }

  const siteSets: SiteSet[] = []
  const sources: [DataSet, string | undefined][] = [
    ['hengyang', options.hengyangUrl],
    ['province', options.province?.scratch.url],
  ]
  for (const [data, url] of sources) {
    if (!url) continue
    siteSets.push(await drawSites(data, url, options))
    log(`${options.sites} check sites drawn on the ${data} data`)
  }
  const sitesOf = (data: DataSet) => siteSets.find((set) => set.data === data)!.sites

  const targets: TargetRun[] = []
  const measure = async (
    name: string,
    data: DataSet,
    backEnd: TargetRun['backEnd'],
    start: (run: TargetRun) => Promise<OursServer>,
    profileUrl: string | undefined,
  ) => {
    log(`${name}: preparing the server`)
    const run: TargetRun = { name, data, backEnd, startMs: NaN, passes: [] }
    targets.push(run)
    try {
      const server = await start(run)
      run.startMs = server.startMs
      try {
        run.passes = await measureServer(server.url, sitesOf(data), options, name)
      } finally {
        await server.stop()
      }
      if (profileUrl) {
        log(`${name}: profiling the check's statements`)
        run.profile = await profileChecks(profileUrl, profileSites(sitesOf(data), options), {
          nearbyM: NEARBY_M,
          explain: EXPLAINED_STEPS,
          explainKind: 'polygon-200',
        })
        for (const plan of run.profile.plans) {
          // The site, inlined as a hex literal, would take most of the log.
          const text = plan.text.replace(/'[0-9A-F]{64,}'/g, "'…'")
          log(`EXPLAIN ANALYZE, ${name}, ${plan.step} (${plan.kind} site):\n${text}`)
        }
      }
    } catch (error) {
      run.failed = (error as Error).message
    }
  }

  const nearby = { admissionNearbyM: NEARBY_M }
  if (options.hengyangUrl) {
    const url = options.hengyangUrl
    await measure(
      HENGYANG_PG,
      'hengyang',
      'PostgreSQL',
      () => startOurs({ databaseUrl: url, loadSample: false, ...nearby }),
      url,
    )
    if (options.embedded) {
      const pglite = () => startOurs({ loadSample: true, ...nearby })
      await measure(HENGYANG_PGLITE, 'hengyang', 'PGlite', pglite, undefined)
    }
  }
  if (options.province) {
    const url = options.province.scratch.url
    await measure(
      PROVINCE_PG,
      'province',
      'PostgreSQL',
      () => startOurs({ databaseUrl: url, loadSample: false, ...nearby }),
      url,
    )
    if (options.embedded && provinceList) {
      const { file } = options.province.built
      const dataDir = path.join(options.tmpDir, 'pglite-province')
      const start = async (run: TargetRun) => {
        log(`${PROVINCE_PGLITE}: loading the province into a new PGlite folder`)
        const started = performance.now()
        await loadPgliteProvince(dataDir, file, provinceList.file)
        run.loadMs = performance.now() - started
        return startOurs({ dataDir, loadSample: false, ...nearby })
      }
      await measure(PROVINCE_PGLITE, 'province', 'PGlite', start, undefined)
    }
  }

  return {
    siteSets,
    targets,
    provinceList,
    concurrency: options.concurrency,
    warmup: options.warmup,
    nearbyM: NEARBY_M,
  }
}

/**
 * Loads the sample's industry catalogue and an access list shaped like the sample's (see
 * provinceAccessList) into the province database with the product's importer, as
 * `npm run import -- FILE --layer industries` and `--layer rules` would.
 */
async function loadProvinceList(
  url: string,
  options: Pick<AdmissionOptions, 'seed' | 'tmpDir'>,
): Promise<NonNullable<AdmissionResult['provinceList']>> {
  const readJson = async <T>(file: string) =>
    JSON.parse(await readFile(path.join(SAMPLE_DIR, file), 'utf8')) as T
  const sampleRules = await readJson<RuleItem[]>('rules.json')
  const sampleUnits = (
    await readJson<{ features: { properties: UnitOfClass }[] }>('control_units.geojson')
  ).features.map((feature) => feature.properties)

  const db = await openDatabase({ url, poolSize: 2, statementTimeoutMs: 600_000 })
  try {
    const started = performance.now()
    const industries = await importAccessList(
      db,
      'industries',
      path.join(SAMPLE_DIR, 'industries.json'),
    )
    const units = await db.query<UnitOfClass>('SELECT code, class FROM control_units ORDER BY id')
    const list = provinceAccessList(sampleRules, sampleUnits, units, options.seed)
    const file = path.join(options.tmpDir, 'province-rules.json')
    await writeFile(file, JSON.stringify(list))
    const rules = await importAccessList(db, 'rules', file)
    await db.query('ANALYZE industries')
    await db.query('ANALYZE rules')
    return {
      rules: rules.loaded,
      industries: industries.loaded,
      importMs: performance.now() - started,
      file,
    }
  } finally {
    await db.close()
  }
}

/**
 * Loads the province units, the sample's industries and the province access list into a new
 * PGlite folder with the product's importer, as `npm run import` does into DATA_DIR.
 */
async function loadPgliteProvince(dataDir: string, unitsFile: string, rulesFile: string) {
  const db = await openDatabase({ dataDir, statementTimeoutMs: 3_600_000 })
  try {
    await migrate(db)
    await importFile(db, { file: unitsFile, layer: 'control_units' })
    await importAccessList(db, 'industries', path.join(SAMPLE_DIR, 'industries.json'))
    await importAccessList(db, 'rules', rulesFile)
    for (const table of ['control_units', 'industries', 'rules']) {
      await db.query(`ANALYZE ${table}`)
    }
  } finally {
    await db.close()
  }
}

async function drawSites(
  data: DataSet,
  url: string,
  options: Pick<AdmissionOptions, 'sites' | 'seed'>,
): Promise<SiteSet> {
  const db = await openDatabase({ url, poolSize: 1, statementTimeoutMs: 600_000 })
  try {
    const started = performance.now()
    const sites = await drawCheckSites(db, options.sites, options.seed)
    const drawMs = performance.now() - started
    const [counts] = await db.query<{ units: number; rules: number }>(
      `SELECT (SELECT count(*) FROM control_units)::integer AS units,
              (SELECT count(*) FROM rules)::integer AS rules`,
    )
    const bytes = sites.reduce((sum, site) => sum + Buffer.byteLength(checkBody(site)), 0)
    return { data, sites, drawMs, ...counts!, bodyBytes: bytes / sites.length }
  } finally {
    await db.close()
  }
}

/**
 * A warm-up; then every site once at concurrency 1 in a fixed shuffled order, so that a drift
 * of the machine's load touches every kind alike, split by kind afterwards (a kind's time is
 * the sum of its checks' latencies); then each kind's sites in a pass of their own at the
 * chosen concurrency, in two rounds of half the sites each, the order of the kinds reversed in
 * the second round.
 */
async function measureServer(
  url: string,
  sites: CheckSite[],
  options: AdmissionOptions,
  name: string,
): Promise<KindPass[]> {
  const { log } = options
  // Spread over the list, so that every kind is warmed.
  const every = Math.max(1, Math.floor(sites.length / options.warmup))
  const warmup = sites.filter((_, i) => i % every === 0).slice(0, options.warmup)
  await postChecks(url, warmup.map(request), 1)

  const order = shuffled(sites, seededRandom(options.seed ^ 0x1b873593))
  const mixed = await postChecks(url, order.map(request), 1)
  log(`${name}, concurrency 1: ${sites.length} checks in ${seconds(mixed.ms)}`)
  const passes: KindPass[] = []
  const busyMs = mixed.records.reduce((sum, r) => sum + (r.ms || 0), 0)
  for (const { kind } of SITE_KINDS) {
    const records = mixed.records.filter((record) => record.kind === kind)
    if (records.length === 0) continue
    const ms = records.reduce((sum, r) => sum + (r.ms || 0), 0)
    const clientCpuMs = (mixed.clientCpuMs * ms) / busyMs
    passes.push({ kind, concurrency: 1, records, ms, clientCpuMs })
  }

  const sides: Side<KindPass>[] = SITE_KINDS.map(({ kind }) => {
    const ofKind = sites.filter((site) => site.kind === kind)
    let round = 0
    return {
      name: kind,
      async measure() {
        const parity = round++ % 2
        const half = ofKind.filter((_, i) => i % 2 === parity)
        return { kind, ...(await postChecks(url, half.map(request), options.concurrency)) }
      },
    }
  })
  const rounds = await interleave(sides, 2, (kind, round, pass) =>
    log(
      `${name}, concurrency ${options.concurrency}, round ${round + 1}, ${kind}: ` +
        `${pass.records.length} checks in ${seconds(pass.ms)}`,
    ),
  )
  return [...passes, ...[...rounds.values()].flat().filter((pass) => pass.records.length > 0)]
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

function request(site: CheckSite) {
  return { kind: site.kind, body: checkBody(site) }
}

function profileSites(sites: CheckSite[], options: AdmissionOptions): CheckSite[] {
  return SITE_KINDS.flatMap(({ kind }) =>
    sites.filter((site) => site.kind === kind).slice(0, options.profilePerKind),
  )
}
