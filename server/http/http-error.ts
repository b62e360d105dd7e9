/**
 * The product's one error type for failures a caller can act on. `status` is the HTTP status
 * the edge answers with; `code` is stable for clients to branch on; `field` names the request
 * field at fault when there is one. Messages say what was expected and what came.
 */
export class HttpError extends Error {
  readonly status: number
  readonly code: string
  readonly field: string | undefined
  /**
   * Whether the message may reach the client: for 4xx, and for a 503 that says when to retry;
   * other 5xx show only a status text.
   */
  readonly expose: boolean
  /** Seconds after which the client may try again (`Retry-After`), for a passing overload. */
  readonly retryAfterS: number | undefined

  constructor(status: number, code: string, message: string, field?: string, retryAfterS?: number) {
    super(message)
    this.name = 'HttpError'
    this.status = status
    this.code = code
    this.field = field
    this.retryAfterS = retryAfterS
    this.expose = status < 500 || retryAfterS !== undefined
  }
}

export const badRequest = (code: string, message: string, field?: string) =>
  new HttpError(400, code, message, field)

export const notFound = (code: string, message: string, field?: string) =>
  new HttpError(404, code, message, field)

export const unprocessable = (code: string, message: string, field?: string) =>
  new HttpError(422, code, message, field)

/**
 * Everything wrong with the fields of one request, found together so that a caller learns it in
 * one answer. The error itself is the first problem, so a client that reads only `code` and
 * `field` sees what it saw before the list was sent. The status is 400 when any problem is a
 * 400: one malformed field makes the request malformed, and a 422 would claim it was well formed.
 */
export class FieldProblems extends HttpError {
  readonly problems: readonly HttpError[]

  constructor(problems: readonly [HttpError, ...HttpError[]]) {
    const [first] = problems
    const status = problems.some((problem) => problem.status === 400) ? 400 : first.status
    super(status, first.code, first.message, first.field)
    this.name = 'FieldProblems'
    this.problems = problems
  }
}
