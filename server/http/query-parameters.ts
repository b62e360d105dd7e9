import { badRequest } from './http-error.ts'

/**
 * Refuses a query parameter the endpoint does not take. A misspelt one (`src=gcj02` for `crs`,
 * `lng` for `lon`) would otherwise be dropped in silence and the answer given for a question
 * nobody asked: a point read in the wrong datum can fall in the neighbouring unit.
 */
export function refuseUnknownParameters(
  query: Record<string, unknown>,
  known: readonly string[],
): void {
  const unknown = Object.keys(query).find((name) => !known.includes(name))
  if (unknown === undefined) return
  // `?lon=1&=2` has a parameter without a name, which the message must still show.
  const shown = unknown === '' ? 'A parameter without a name' : unknown
  const message = `${shown} is not a parameter here; this takes ${known.join(', ')}.`
  throw badRequest('PARAMETER_UNKNOWN', message, unknown)
}
