/** One side of a comparison: a name and how to measure it once. */
export interface Side<T> {
  name: string
  measure(): Promise<T>
}

/**
 * Measures every side `rounds` times, alternating the order: first to last in even rounds, last
 * to first in odd ones, so a drift of the machine during a round favours no side. Returns each
 * side's results in round order, keyed by name. `onResult` hears of each result as it comes.
 */
export async function interleave<T>(
  sides: Side<T>[],
  rounds: number,
  onResult: (name: string, round: number, result: T) => void = () => {},
): Promise<Map<string, T[]>> {
  const results = new Map<string, T[]>(sides.map((side) => [side.name, []]))
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse()
    for (const side of order) {
      const result = await side.measure()
      results.get(side.name)!.push(result)
      onResult(side.name, round, result)
    }
  }
  return results
}
