import type { Database, Queryable } from '../db/database.ts'
import type { Layer } from '../tiles/layer-catalog.ts'
import { nearbyZones, sensitiveLayerNames, type NearbyZones } from '../zoning/nearby-zones.ts'
import { ruleView } from '../zoning/rule-view.ts'
import {
  isZoneLayer,
  siteMeasure,
  type SiteMeasure,
  type UnitHit,
  type ZoneHit,
} from '../zoning/site-zoning.ts'
import { zoningAt } from '../zoning/zoning-at.ts'
import type { AdmissionRequest } from './admission-request.ts'
import { newCheckId, saveCheck } from './check-store.ts'
import { readDataVersions, type DataVersions } from './data-versions.ts'
import type { Industry } from './industry-catalogue.ts'
import { decideVerdict, type Verdict } from './verdict.ts'

/** The most nearby zones an answer lists; the rest are counted out by `truncated`. */
export const NEARBY_LIMIT = 100

export const MEASUREMENT = {
  areas:
    'm² on the WGS84 ellipsoid: PostGIS geography ST_Area of the intersection taken in lon/lat',
  lengths: 'm on the WGS84 ellipsoid: PostGIS geography ST_Length',
  distances: 'm on the WGS84 ellipsoid: PostGIS geography ST_Distance, nearest points',
}

/** The answer to an admission check, as sent and as stored. */
export interface CheckAnswer {
  id: string
  checkedAt: string
  inputSha256: string
  verdict: Verdict
  reasons: string[]
  /** The share of the site inside the zoned area: its units' shares added up. */
  coverage: { share: number }
  industry: Industry
  projectKind: AdmissionRequest['projectKind']
  site: AdmissionRequest['siteInput'] & { geometry: AdmissionRequest['site'] } & SiteMeasure
  units: UnitHit[]
  zones: ZoneHit[]
  nearby: NearbyZones
  rules: (ReturnType<typeof ruleView> & { match: 'applies' | 'may_apply' })[]
  dataset: DataVersions['dataset']
  dataVersions: DataVersions['layers']
  accessList: DataVersions['accessList']
  measurement: typeof MEASUREMENT
}

export interface CheckOptions {
  /** The layer catalogue, read before the check's transaction. */
  layers: Layer[]
  /** How far from the site sensitive zones are listed, m. */
  nearbyM: number
}

/**
 * Runs an admission check on a valid, covered site and stores its answer. Everything is read
 * in one snapshot, so the data versions named are the data used, and the answer is committed
 * before this returns. Returns the answer and its JSON text, which is what is stored.
 */
export async function runAdmissionCheck(
  db: Database,
  request: AdmissionRequest,
  industry: Industry,
  inputSha256: string,
  options: CheckOptions,
): Promise<{ answer: CheckAnswer; text: string }> {
  const id = newCheckId()
  const checkedAt = new Date().toISOString()

  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    const answer = await answerCheck(tx, request, industry, options, { id, checkedAt, inputSha256 })
    const text = JSON.stringify(answer)
    await saveCheck(tx, { id, inputSha256, checkedAt, answer: text })
    return { answer, text }
  })
}

async function answerCheck(
  db: Queryable,
  request: AdmissionRequest,
  industry: Industry,
  options: CheckOptions,
  identity: Pick<CheckAnswer, 'id' | 'checkedAt' | 'inputSha256'>,
): Promise<CheckAnswer> {
  const { site } = request
  const [zoning, measure, versions, sensitive] = await Promise.all([
    zoningAt(db, options.layers, site),
    siteMeasure(db, site),
    readDataVersions(db),
    sensitiveLayerNames(db),
  ])
  const sensitiveLayers = options.layers.filter((l) => isZoneLayer(l) && sensitive.has(l.name))
  const nearby = await nearbyZones(
    db,
    sensitiveLayers,
    site,
    options.nearbyM,
    zoning.zones,
    NEARBY_LIMIT,
  )
  const verdict = decideVerdict(zoning.rules, request.industry, request.projectKind)
  const coverage = coverageOf(site.type, zoning.units)
  const outside = coverage.share < COVERED_SHARE_MIN
  const reasons = outside
    ? [
        ...verdict.reasons,
        `Only ${(coverage.share * 100).toFixed(1)}% of the site lies in the zoned area; the ` +
          'rest is outside it and was checked against no access list.',
      ]
    : verdict.reasons

  return {
    ...identity,
    // What lies outside the zoning is unknown: at best the project is conditional on it.
    verdict: outside && verdict.verdict === 'consistent' ? 'conditional' : verdict.verdict,
    reasons,
    coverage,
    industry,
    projectKind: request.projectKind,
    site: { ...request.siteInput, geometry: site, ...measure },
    units: zoning.units,
    zones: zoning.zones,
    nearby,
    rules: verdict.rules.map((rule) => ({ ...ruleView(rule), match: rule.match })),
    dataset: versions.dataset,
    dataVersions: versions.layers,
    accessList: versions.accessList,
    measurement: MEASUREMENT,
  }
}

/** Below this share inside the zoned area, the answer says the rest went unchecked. */
export const COVERED_SHARE_MIN = 0.999

/**
 * The units partition the zoned area, so the shares of the units a site lies in add up to the
 * part of it inside that area (a line along a shared edge counts in both, hence the cap). A
 * point in the zoned area is in it wholly; the check refuses one outside it.
 */
function coverageOf(type: string, units: UnitHit[]): { share: number } {
  if (type === 'Point') return { share: 1 }
  const sum = units.reduce((total, unit) => total + unit.share, 0)
  return { share: Math.min(1, Math.round(sum * 1e6) / 1e6) }
}
