import { expect } from 'vitest'

/** One problem of a refused request, as the error body gives it. */
export interface ErrorProblem {
  code: string
  message: string
  field?: string
}

/** The error body; `problems` when a request's fields were checked together. */
export interface ErrorAnswer {
  error: ErrorProblem & { problems?: ErrorProblem[] }
}

/**
 * Checks a refusal listing problems: its status and every problem's code and field, in the
 * order given, each with a message, the error itself being the first. Returns the body.
 */
export async function expectProblems(
  response: Response,
  status: number,
  problems: [string, string][],
): Promise<ErrorAnswer> {
  const body = (await response.json()) as ErrorAnswer
  const listed = (body.error.problems ?? []).map((problem) => [problem.code, problem.field])
  expect({ status: response.status, problems: listed }).toEqual({ status, problems })
  for (const problem of body.error.problems!) expect(problem.message.length).toBeGreaterThan(10)
  // The error itself is the first problem, as clients that read no list have always seen.
  const { problems: _, ...first } = body.error
  expect(first).toEqual(body.error.problems![0])
  return body
}
