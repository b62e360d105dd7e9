/**
 * Bytes in the largest binary unit they reach, to one decimal where it shows: "812 B",
 * "40.2 KiB", "3.5 MiB", "1 GiB". Binary units, named as such, because limits are set in them.
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`
}
