// npm run build-province -- [--units 20000] [--seed 1] [--into postgres://…]
// Writes a synthetic province-scale control unit layer over Hunan, for scale tests.

import { constants, existsSync } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureFolder } from '../server/db/ensure-folder.ts'
import { openDatabase } from '../server/db/open-database.ts'
import { migrate } from '../server/db/migrate.ts'
import { describeUrl } from '../server/db/postgres-database.ts'
import { importFile } from '../server/import/file-import.ts'
import { ImportError } from '../server/import/import-error.ts'
import { cleanUpOnStop } from '../server/ops/stop-cleanup.ts'
import { parseProvinceArguments, PROVINCE_USAGE } from './province/province-arguments.ts'
import { buildProvince } from './province/province-build.ts'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const args = parseProvinceArguments(process.argv.slice(2), repoRoot, process.env)

async function main(): Promise<number> {
  if (args === 'help') {
    console.log(PROVINCE_USAGE)
    return 0
  }
  if ('problem' in args) {
    console.error(`${args.problem}\n\n${PROVINCE_USAGE}`)
    return 2
  }
  if (!existsSync(args.citiesFile)) {
    console.error(`City boundaries not found at ${args.citiesFile}; give the path with --cities.`)
    return 2
  }
  const outProblem = await outFileProblem(args.outFile)
  if (outProblem) {
    console.error(outProblem)
    return 2
  }

  // Stopped, the build would leave its scratch database on the server, its query running.
  const cleanups = cleanUpOnStop('dropping the scratch database; no units file written.')
  let built
  try {
    built = await buildProvince(args, cleanups)
  } catch (error) {
    const message = (error as Error).message
    // A file system error names its path; the others come from PostgreSQL.
    if ((error as NodeJS.ErrnoException).path !== undefined) {
      console.error(`Build failed writing ${args.outFile}: ${message}`)
    } else {
      const where = describeUrl(args.postgresUrl)
      console.error(`Build failed (PostgreSQL with PostGIS at ${where}): ${message}`)
    }
    return 1
  }
  cleanups.say(`${args.outFile} was written; nothing imported.`)
  const rows: [string, string | number][] = [
    ['units', built.units],
    ['vertices', built.vertices],
    ['invalid', built.invalid],
    ['megabytes', (built.bytes / 1e6).toFixed(1)],
    ['build seconds', built.seconds.toFixed(1)],
    ['seed', args.seed],
  ]
  console.log(`Wrote ${built.file}`)
  for (const [label, value] of rows) console.log(`  ${label.padEnd(14)} ${value}`)
  if (built.invalid > 0) {
    console.error(`${built.invalid} units are invalid; the importer will repair them.`)
  }

  if (args.into) {
    const db = await openDatabase({ url: args.into, poolSize: 2, statementTimeoutMs: 1_800_000 })
    try {
      await migrate(db)
      const started = performance.now()
      const result = await importFile(db, { file: built.file, layer: 'control_units' })
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      console.log(`Imported into ${db.location}: ${result.features} units in ${seconds} s,`)
      console.log(`  ${result.repaired} repaired, data version ${result.dataVersion}`)
    } catch (error) {
      const message = error instanceof ImportError ? error.describe() : (error as Error).message
      console.error(`Nothing imported into ${describeUrl(args.into)}: ${message}`)
      return 1
    } finally {
      await db.close()
    }
  }
  return 0
}

/**
 * Why the units cannot be written at `file`, found before minutes of geometry work; its folder
 * is made when missing.
 */
async function outFileProblem(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined)
  if (info?.isDirectory()) return `--out ${file} is a folder; give the file's name.`
  const folder = path.dirname(file)
  try {
    await ensureFolder(folder)
    await access(folder, constants.W_OK)
  } catch (error) {
    return `Cannot write --out ${file}: ${(error as Error).message}`
  }
  return undefined
}

process.exitCode = await main()
