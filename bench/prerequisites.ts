import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import pg from 'pg'
import { describeUrl } from '../server/db/postgres-database.ts'

export interface Prerequisites {
  /** wrk's version line; empty when it was not needed. */
  wrk: string
  postgres: string
}

/**
 * Checks what the benchmark needs before it starts anything: wrk on the PATH when `needsWrk`,
 * a PostgreSQL at `postgresUrl` with PostGIS available and a role that may create databases,
 * and the city boundaries for the province layer. Returns the problems, each with how to fix
 * it, or the versions found.
 */
export async function checkPrerequisites(
  postgresUrl: string,
  citiesFile: string | undefined,
  needsWrk = true,
): Promise<{ found: Prerequisites; problems?: undefined } | { problems: string[] }> {
  const problems: string[] = []

  const wrk = needsWrk ? spawnSync('wrk', ['-v'], { encoding: 'utf8' }) : undefined
  const wrkVersion = `${wrk?.stdout ?? ''}${wrk?.stderr ?? ''}`.split('\n')[0]?.trim() ?? ''
  if (wrk && (wrk.error || !wrkVersion.startsWith('wrk'))) {
    problems.push(
      'wrk is not installed (a C load generator; a Node.js one cannot load a Node.js server on ' +
        'two cores). Install it: apt-get install wrk (Debian, Ubuntu), brew install wrk (macOS).',
    )
  }

  let postgres = ''
  const where = describeUrl(postgresUrl)
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
    const { rows } = await client.query<{ version: string; postgis: boolean; create: boolean }>(
      `SELECT current_setting('server_version') AS version,
              EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') AS postgis,
              (SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user)
                AS create`,
    )
    const row = rows[0]!
    postgres = `PostgreSQL ${row.version}`
    if (!row.postgis) {
      problems.push(
        `PostgreSQL at ${where} has no PostGIS to install: apt-get install ` +
          `postgresql-${row.version.split('.')[0]}-postgis-3 (Debian), then run again.`,
      )
    }
    if (!row.create) {
      problems.push(
        `The role at ${where} may not create databases; the benchmark makes scratch databases ` +
          'and drops them. Use a role with CREATEDB (ALTER ROLE name CREATEDB).',
      )
    }
  } catch (error) {
    problems.push(
      `No PostgreSQL answered at ${where} (${(error as Error).message}). Start PostgreSQL 15+ ` +
        'with PostGIS 3 (apt-get install postgresql postgresql-15-postgis-3) or set ' +
        'BENCH_DATABASE_URL=postgres://user@host:port/db to one that runs.',
    )
  } finally {
    await client.end().catch(() => {})
  }

  if (citiesFile !== undefined && !existsSync(citiesFile)) {
    problems.push(
      `The city boundaries of Hunan are not at ${citiesFile}; parts 3 and 4 build the ` +
        'province layer from them. Put them there or leave those parts out (--parts 1,2).',
    )
  }

  return problems.length > 0 ? { problems } : { found: { wrk: wrkVersion, postgres } }
}
