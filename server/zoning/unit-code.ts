import { describeValue } from '../http/describe-value.ts'
import { badRequest } from '../http/http-error.ts'

/** `ZH`, the 6-digit district code, the class digit and a 4-digit sequence, as stored. */
const UNIT_CODE = /^ZH[0-9]{11}$/

/**
 * The unit code in `text`, trimmed and upper case, when it has the shape of one; undefined
 * otherwise. Pure: whether such a unit exists is for the database to say.
 */
export function normaliseUnitCode(text: string): string | undefined {
  const code = text.trim().toUpperCase()
  return UNIT_CODE.test(code) ? code : undefined
}

/**
 * The unit code of a path segment, normalised; throws a 400 `UNIT_CODE_INVALID` naming `field`
 * for anything that is not one, so nothing but a code ever reaches a query.
 */
export function parseUnitCode(given: string | undefined, field = 'code'): string {
  const code = normaliseUnitCode(given ?? '')
  if (code) return code

  const message =
    `${field} must be a control unit code, ZH and 11 digits such as ZH43040720001, ` +
    `got ${describeValue(given ?? '')}.`
  throw badRequest('UNIT_CODE_INVALID', message, field)
}
