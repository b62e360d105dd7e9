import { readOptionsOnce } from '../ops/options-once.ts'
import { ACCESS_LISTS, type AccessList } from './access-list-import.ts'
import { CRS_CHOICES, parseSourceCrs, type SourceCrs } from './source-crs.ts'
import { ENCODING_EXAMPLES, parseTextEncoding } from './text-encoding.ts'

/** What the command line asks for, or the problem with it. */
export type ImportArguments =
  | { kind: 'help' }
  | { kind: 'usage-error'; problem: string }
  | {
      kind: 'layer'
      file: string
      layer: string
      crs: SourceCrs | undefined
      /** WHATWG encoding name. */
      encoding: string | undefined
      member: string | undefined
    }
  | { kind: 'access-list'; file: string; list: AccessList }
  | { kind: 'dataset'; file: string }

/** The `--layer` that replaces the dataset's description rather than a layer. */
export const DATASET_LAYER = 'dataset'

export const IMPORT_USAGE = `Usage: npm run import -- FILE --layer NAME
         [--crs CRS] [--encoding NAME] [--member NAME]

Replaces the features of a layer with those of FILE, in one transaction: a bad file changes
nothing.

  FILE             GeoJSON (.geojson or .json, a FeatureCollection or a Feature), a zipped
                   Shapefile (.zip), or a .shp with its .dbf, .prj and .cpg beside it;
                   for --layer rules or industries, a JSON array; for --layer dataset, a
                   JSON object such as data/dataset.example.json
  --layer NAME     the layer to replace (an unknown name lists them), rules or industries,
                   or dataset: the name, version and notices that tiles and the portal show
  --crs CRS        the system of the coordinates, when the file does not say or says wrongly:
                   EPSG:4326, EPSG:4490 (CGCS2000), gcj02, bd09, or CGCS2000 Gauss-Kruger:
                   EPSG:4513-4533 (3-degree zones 25-45, zone number in front of the easting),
                   EPSG:4534-4554 (3-degree, central meridian 75E-135E, no zone number),
                   EPSG:4491-4512 (6-degree zones, 4491-4501 with the zone number);
                   default: the .prj, the GeoJSON crs member, else longitude/latitude
  --encoding NAME  the attribute text encoding: gbk, gb18030, utf-8, big5, 936...;
                   default: the .cpg, else gbk for a Shapefile and utf-8 for GeoJSON
  --member NAME    the Shapefile to read from a zip archive holding several
  -h, --help       this text

The database is DATABASE_URL, else the embedded one in DATA_DIR (default .data/pglite), which
the server must not hold open at the same time.
Exit status: 0 imported, 1 nothing imported, 2 bad command line.`

/** Reads the importer's command line (without node and the script). Pure. */
export function parseImportArguments(args: string[]): ImportArguments {
  const read = readOptionsOnce(args, {
    layer: { type: 'string' },
    crs: { type: 'string' },
    encoding: { type: 'string' },
    member: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  })
  const problem = (text: string) => ({ kind: 'usage-error' as const, problem: text })
  if ('problem' in read) return problem(read.problem)
  const { positionals, values } = read
  if (values.help) return { kind: 'help' }
  if (read.repeated) return problem(read.repeated)

  if (positionals.length === 0) return problem('Give the FILE to import.')
  if (positionals.length > 1) {
    return problem(`Give one FILE to import, not ${positionals.length}: ${positionals.join(' ')}.`)
  }
  const file = positionals[0]!
  if (!values.layer) return problem('Give the layer to replace with --layer NAME.')

  const isList = (ACCESS_LISTS as readonly string[]).includes(values.layer)
  if (isList || values.layer === DATASET_LAYER) {
    const extra = (['crs', 'encoding', 'member'] as const).find((name) => values[name])
    if (extra) return problem(`--${extra} does not apply to --layer ${values.layer}.`)
    if (!isList) return { kind: 'dataset', file }
    return { kind: 'access-list', file, list: values.layer as AccessList }
  }

  const crs = values.crs === undefined ? undefined : parseSourceCrs(values.crs)
  if (values.crs !== undefined && !crs) {
    return problem(
      `--crs ${values.crs} is not a system the importer converts; give ${CRS_CHOICES}.`,
    )
  }
  const encoding = values.encoding === undefined ? undefined : parseTextEncoding(values.encoding)
  if (values.encoding !== undefined && !encoding) {
    return problem(
      `--encoding ${values.encoding} is not a known text encoding; give ${ENCODING_EXAMPLES}.`,
    )
  }
  return { kind: 'layer', file, layer: values.layer, crs, encoding, member: values.member }
}
