import path from 'node:path'
import { readOptionsOnce } from '../../server/ops/options-once.ts'

export interface ProvinceArguments {
  units: number
  seed: number
  spacingM: number
  citiesFile: string
  outFile: string
  postgresUrl: string
  /** postgres:// URL of a product database to import the units into, when asked. */
  into: string | undefined
}

export const PROVINCE_USAGE = `Usage: npm run build-province -- [--units N] [--seed S] [--spacing M]
         [--out FILE] [--cities FILE] [--postgres URL] [--into URL]

Builds a synthetic, province-scale control unit layer over Hunan for scale tests: Voronoi cells
of N seeded random points cut along the 14 city boundaries, a vertex every M metres, written as
GeoJSON that \`npm run import -- FILE --layer control_units\` loads. Not real zoning data.

  --units N       seed points, about the number of units (a cell crossing a city boundary
                  becomes one unit per city); default 20000
  --seed S        any whole number; the same seed writes the same file; default 1
  --spacing M     longest distance between boundary vertices, metres; default 200
  --out FILE      default .data/province/control_units.geojson
  --cities FILE   the cities of Hunan in GCJ-02;
                  default data/reference/hunan-cities.gcj02.geojson
  --postgres URL  PostgreSQL with PostGIS where a scratch database is made for the geometry
                  work and dropped after; default $BENCH_DATABASE_URL, else
                  postgres://postgres@127.0.0.1:5432/postgres
  --into URL      also import the units into the product database at this postgres:// URL,
                  replacing its control_units layer
  -h, --help      this text`

/**
 * Reads the command line. Returns the arguments, 'help', or a one-line problem naming the
 * option and what it takes. Pure apart from the defaults read from `env`.
 */
export function parseProvinceArguments(
  argv: string[],
  repoRoot: string,
  env: Record<string, string | undefined>,
): ProvinceArguments | 'help' | { problem: string } {
  const read = readOptionsOnce(argv, {
    units: { type: 'string' },
    seed: { type: 'string' },
    spacing: { type: 'string' },
    out: { type: 'string' },
    cities: { type: 'string' },
    postgres: { type: 'string' },
    into: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  })
  if ('problem' in read) return { problem: read.problem }
  const { values, positionals } = read
  if (values.help) return 'help'
  if (positionals.length > 0) {
    return { problem: `Unexpected argument "${positionals[0]}": every value follows its option.` }
  }
  if (read.repeated) return { problem: read.repeated }

  const units = wholeNumber(values.units, 20_000, 'units', 10, 200_000)
  const seed = wholeNumber(values.seed, 1, 'seed', 0, 2 ** 32 - 1)
  const spacing = wholeNumber(values.spacing, 200, 'spacing', 10, 100_000)
  for (const parsed of [units, seed, spacing]) {
    if (typeof parsed !== 'number') return parsed
  }
  const postgresUrl =
    values.postgres ?? env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  for (const [name, url] of [
    ['postgres', postgresUrl],
    ['into', values.into],
  ] as const) {
    if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) {
      return { problem: `--${name} takes a postgres:// URL, got "${url}".` }
    }
  }

  return {
    units: units as number,
    seed: seed as number,
    spacingM: spacing as number,
    citiesFile: path.resolve(
      values.cities ?? path.join(repoRoot, 'data', 'reference', 'hunan-cities.gcj02.geojson'),
    ),
    outFile: path.resolve(
      values.out ?? path.join(repoRoot, '.data', 'province', 'control_units.geojson'),
    ),
    postgresUrl,
    into: values.into,
  }
}

function wholeNumber(
  text: string | undefined,
  fallback: number,
  name: string,
  min: number,
  max: number,
): number | { problem: string } {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) {
    return { problem: `--${name} takes a whole number from ${min} to ${max}, got "${text}".` }
  }
  return value
}
