/**
 * Asks a search URL for its JSON answer and reads it with `read`. Undefined when the search
 * failed (network, an error status, or an answer that is not JSON or that `read` refuses); an
 * aborted search rejects with the abort, as fetch does, so a search the user has typed past
 * never shows as failed.
 */
export async function requestMatches<Matches>(
  url: string,
  read: (body: unknown) => Matches | undefined,
  signal?: AbortSignal,
): Promise<Matches | undefined> {
  let response: Response
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal })
  } catch (error) {
    if (signal?.aborted) throw error
    return undefined
  }
  if (!response.ok) return undefined

  const body: unknown = await response.json().catch(() => undefined)
  return read(body)
}
