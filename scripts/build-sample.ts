/**
 * Builds the illustrative Hengyang sample dataset into data/sample/ from the real district
 * boundaries, then loads what it wrote into the product's schema and checks it.
 *
 *   npm run build-sample [-- path/to/hengyang-districts.gcj02.geojson]
 *
 * The boundaries path may also come from ECOZONING_DISTRICTS; by default it is
 * data/reference/hengyang-districts.gcj02.geojson. Every random choice
 * is seeded, so a rebuild writes identical files. Exits non-zero when a check fails.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { accessRules } from './sample/access-rules.ts'
import { readDistricts } from './sample/district-source.ts'
import { writeJson } from './sample/geojson-output.ts'
import { industryCatalog } from './sample/industry-catalog.ts'
import { buildParks } from './sample/industrial-parks.ts'
import { buildLivestockZones } from './sample/livestock-zones.ts'
import { buildFacilities } from './sample/facility-points.ts'
import { buildEcologicalSpace, buildRedLines, buildReserve } from './sample/protected-areas.ts'
import { buildRivers } from './sample/river-lines.ts'
import { buildWaterSources } from './sample/water-sources.ts'
import { checkSample, type SampleReport } from './sample/sample-checks.ts'
import { loadDistricts, openSampleDatabase } from './sample/sample-database.ts'
import { writeSampleLayers } from './sample/sample-layers.ts'
import { loadSample } from './sample/sample-load.ts'
import { SAMPLE_MANIFEST } from './sample/sample-manifest.ts'
import { classifyUnits } from './sample/unit-classes.ts'
import { partitionDistricts } from './sample/unit-partition.ts'
import { buildUnitSeeds } from './sample/unit-seeds.ts'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const outDir = resolve(repoRoot, 'data/sample')
const districtsPath = resolve(
  process.argv[2] ??
    process.env.ECOZONING_DISTRICTS ??
    resolve(repoRoot, 'data/reference/hengyang-districts.gcj02.geojson'),
)

async function main(): Promise<number> {
  if (!existsSync(districtsPath)) {
    console.error(
      `District boundaries not found at ${districtsPath}; pass the path as the first ` +
        'argument or in ECOZONING_DISTRICTS.',
    )
    return 2
  }
  const db = await openSampleDatabase()

  // geography
  await loadDistricts(db, readDistricts(districtsPath))
  await buildRivers(db)
  await buildWaterSources(db)
  await buildReserve(db)
  await buildRedLines(db)
  await buildEcologicalSpace(db)
  await buildParks(db)
  await buildLivestockZones(db)
  await buildFacilities(db)

  // control units
  await buildUnitSeeds(db)
  await partitionDistricts(db)
  const units = await classifyUnits(db)

  // files
  mkdirSync(outDir, { recursive: true })
  await writeSampleLayers(db, outDir)
  writeJson(outDir, 'industries.json', industryCatalog())
  writeJson(outDir, 'rules.json', accessRules(new Map(units.map((u) => [u.key, u.code]))))
  writeJson(outDir, 'manifest.json', SAMPLE_MANIFEST)

  // checks, on the files as written
  const checkDb = await openSampleDatabase()
  const loadProblems = await loadSample(checkDb, repoRoot, outDir)
  const report = await checkSample(checkDb)
  report.failures.unshift(...loadProblems)
  printSummary(report)
  return report.failures.length === 0 ? 0 : 1
}

function printSummary(report: SampleReport) {
  console.log(`Sample written to ${outDir}\n`)
  console.log('Features per layer')
  for (const [layer, n] of Object.entries(report.counts)) console.log(`  ${layer.padEnd(22)}${n}`)

  const total = Object.values(report.classes).reduce((a, b) => a + b, 0)
  console.log('\nControl units per class')
  for (const c of ['priority', 'key', 'general']) {
    const n = report.classes[c] ?? 0
    console.log(`  ${c.padEnd(10)}${String(n).padStart(3)}  ${((100 * n) / total).toFixed(1)}%`)
  }

  console.log('\nDistrict area and the sum of its units (km², ellipsoidal)')
  for (const d of report.districts) {
    const line = [
      `  ${d.adcode} ${d.name}`,
      `${d.units} units`.padStart(9),
      d.districtKm2.toFixed(3).padStart(10),
      d.unitsKm2.toFixed(3).padStart(10),
      `${(d.relative * 100).toExponential(1)}%`.padStart(10),
    ]
    console.log(line.join(' '))
  }
  console.log(`\nFarms inside no-raising zones: ${report.farmsInNoRaising.join(', ')}`)

  if (report.failures.length === 0) console.log('\nAll checks passed.')
  else
    console.error(`\n${report.failures.length} checks failed:\n  ${report.failures.join('\n  ')}`)
}

process.exitCode = await main()
