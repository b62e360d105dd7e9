// npm run import -- FILE --layer NAME [--crs CRS] [--encoding NAME] [--member NAME]
// Replaces one layer, the access list, or the dataset's description, of the database the
// server uses.

import { readConfig } from '../server/config.ts'
import { openCommandDatabase, type OpenedDatabase } from '../server/db/command-database.ts'
import { DataDirBusyError } from '../server/db/data-dir-lock.ts'
import { describeUrl } from '../server/db/postgres-database.ts'
import { attributionText, readStoredDatasetInfo } from '../server/data/dataset-info.ts'
import { importAccessList } from '../server/import/access-list-import.ts'
import { importDatasetDescription } from '../server/import/dataset-import.ts'
import { datasetReminder } from '../server/import/dataset-reminder.ts'
import { importFile } from '../server/import/file-import.ts'
import { describeDangling } from '../server/import/unit-references.ts'
import { IMPORT_USAGE, parseImportArguments } from '../server/import/import-arguments.ts'
import { ImportError, UnknownLayerError } from '../server/import/import-error.ts'
import { dropOutputToClosedPipes } from '../server/ops/closed-output.ts'
import { exitOnInterrupt } from '../server/ops/interrupt-exit.ts'
import { typedPath } from '../server/ops/typed-path.ts'
import { StartupError } from '../server/startup-error.ts'

// Output cut short by a closed pipe must not fail work that was done.
dropOutputToClosedPipes()

// Repairing and indexing a large layer takes longer than the server's per-request limit.
const IMPORT_STATEMENT_TIMEOUT_MS = 30 * 60_000

const args = parseImportArguments(process.argv.slice(2))
if (args.kind === 'layer' || args.kind === 'access-list' || args.kind === 'dataset') {
  args.file = typedPath(args.file)
}
const { config, problems } = readConfig(process.env)

if (args.kind === 'help') {
  console.log(IMPORT_USAGE)
} else if (args.kind === 'usage-error') {
  console.error(`${args.problem}\n\n${IMPORT_USAGE}`)
  process.exitCode = 2
} else if (!config) {
  for (const problem of problems) console.error(`Bad setting ${problem}`)
  process.exitCode = 2
} else {
  const interrupted = exitOnInterrupt('nothing imported.')
  let opened: OpenedDatabase | undefined
  try {
    opened = await openCommandDatabase(config, {
      role: 'import',
      poolSize: 2,
      statementTimeoutMs: Math.max(config.DB_STATEMENT_TIMEOUT_MS, IMPORT_STATEMENT_TIMEOUT_MS),
    })
    const { db } = opened

    const lines: [string, string | number][] = []
    // From the commit on, an interrupt waits to learn whether it was taken.
    const beforeCommit = () => interrupted.hold()
    if (args.kind === 'access-list') {
      const result = await importAccessList(db, args.list, args.file, { beforeCommit })
      lines.push([`Imported ${result.list} from ${args.file}`, ''], [result.list, result.loaded])
      if (result.rulesKept !== undefined) lines.push(['rules kept', result.rulesKept])
      if (result.rulesDropped?.length) {
        const dropped = result.rulesDropped
        lines.push(['rules dropped', `${dropped.length}: ${dropped.join(', ')}`])
      }
    } else if (args.kind === 'dataset') {
      const { dataset, replaced } = await importDatasetDescription(db, args.file, { beforeCommit })
      lines.push(
        [`Imported the dataset description from ${args.file}`, ''],
        ['name', dataset.name],
        ['version', dataset.version],
        ['tiles credit', attributionText(dataset)],
        ['replaced', replaced ? `${replaced.name} (version ${replaced.version})` : 'none'],
      )
    } else {
      const result = await importFile(db, { ...args, beforeCommit })
      lines.push(
        [`Imported layer ${result.layer} from ${result.file}`, ''],
        ['features loaded', result.features],
        ['repaired', describeRepairs(result.repaired, result.repairedFeatures)],
        ['data version', result.dataVersion],
        ['CRS', `${result.crs.crs.name}, ${result.crs.from}`],
        ['text encoding', `${result.encoding.name}, ${result.encoding.from}`],
      )
      if (result.deletedRecords > 0) {
        // GDAL and QGIS skip them too; the count says why the file's records outnumber features.
        const skipped = `${result.deletedRecords} skipped, as marked deleted in the .dbf`
        lines.push(['deleted records', skipped])
      }
      if (result.unreadFields.length > 0) {
        // A misspelt field leaves its attribute empty: the list lets the operator see it.
        const shown = result.unreadFields.slice(0, 20).join(', ')
        const more = result.unreadFields.length > 20 ? ', …' : ''
        const reads = `the layer reads ${result.attributes.join(', ')} and their aliases`
        lines.push(['fields not read', `${shown}${more}; left out, as ${reads}`])
      }
      if (result.cutText) {
        // Imported, as the rest of each text is whole; the source's fields are too narrow.
        const { count, fields, featureCount, features } = result.cutText
        const cut =
          `${count} values end in a character the .dbf field's width cut in two, kept as ` +
          `\uFFFD (fields ${fields.join(', ')}; features ${features.join(', ')}` +
          `${featureCount > features.length ? ', …' : ''}); widen the fields and import again`
        lines.push(['text cut', cut])
      }
      if (result.rulesWithoutUnit?.count) {
        // Not deleted: the access list is imported on its own, and may be about to be.
        const kept =
          'kept, not deleted: they name units this layer lacks, and apply nowhere until an ' +
          'access list naming its units is imported (--layer rules)'
        lines.push(['rules orphaned', `${describeDangling(result.rulesWithoutUnit)}; ${kept}`])
      }
      if (result.unitsWithoutDistrict?.count) {
        const which = 'units whose district code matches no district'
        lines.push(['no district', `${describeDangling(result.unitsWithoutDistrict)}; ${which}`])
      }
      if (result.rulesWithoutZone?.count) {
        const which = 'zone rules (and their filters) that no zone of this layer matches'
        lines.push(['rules, no zone', `${describeDangling(result.rulesWithoutZone)}; ${which}`])
      }
      if (result.parksWithoutUnit?.count) {
        const which = 'parks whose unit code names no control unit'
        lines.push(['parks, no unit', `${describeDangling(result.parksWithoutUnit)}; ${which}`])
      }
    }
    interrupted.release('the import had been committed; only its report was cut short.')
    lines.push(['database', `${db.kind} ${db.location}`])
    if (db.kind === 'postgres') {
      lines.push(['server', `a running server shows it within ${config.CATALOG_REFRESH_MS} ms`])
    }

    // The import is done whatever this read meets: a failure only costs the reminder.
    const reminder =
      args.kind === 'dataset'
        ? undefined
        : await readStoredDatasetInfo(db).then(datasetReminder, () => undefined)

    const [title, ...rows] = lines
    console.log(title![0])
    for (const [label, value] of rows) console.log(`  ${label.padEnd(16)} ${value}`)
    if (reminder) console.error(reminder)
  } catch (error) {
    // An unknown layer is a wrong command line, as the usage's exit statuses have it.
    process.exitCode = error instanceof UnknownLayerError ? 2 : 1
    if (error instanceof ImportError) {
      console.error(`Nothing imported: ${error.describe()}`)
    } else if (error instanceof DataDirBusyError || error instanceof StartupError) {
      // Says what is wrong with which setting already.
      console.error(`Nothing imported: ${error.message}`)
    } else {
      const database = config.DATABASE_URL ? describeUrl(config.DATABASE_URL) : config.DATA_DIR
      const stage = opened ? '' : ` while opening the database at ${database}`
      console.error(`Import failed${stage}: ${(error as Error).message}`)
      if (config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace') console.error(error)
    }
    // An interrupt that waited on a commit that failed is taken once the failure is said.
    interrupted.release()
  } finally {
    await opened?.close()
  }
}

/** The repair count, with the features to look at: a repair may change what a shape means. */
function describeRepairs(count: number, features: number[]): string {
  if (count === 0) return '0 (invalid geometries made valid by ST_MakeValid)'
  const more = count > features.length ? `, and ${count - features.length} more` : ''
  const which = `feature${count === 1 ? '' : 's'} ${features.join(', ')}${more}`
  return `${count} (${which}: made valid by ST_MakeValid; check that each still means what it did)`
}
