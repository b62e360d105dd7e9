/**
 * Two decimal numbers separated by a comma, semicolon or spaces, as [lon, lat]. In China the
 * longitude is always the larger number, so a pair written latitude first is put right.
 */
export function parsePair(text: string): [string, string] | undefined {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*[,，;；\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text)
  if (!match?.[1] || !match[2]) return undefined

  const [first, second] = [match[1], match[2]]
  return Number(first) >= Number(second) ? [first, second] : [second, first]
}
