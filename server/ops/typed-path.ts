import path from 'node:path'

/**
 * A path as its user typed it, made absolute against the folder it was typed in. `npm run`
 * starts a script in the project's folder and passes the caller's folder as INIT_CWD: without
 * it, `npm run import -- parks.geojson` typed in a subfolder looks for the file in the wrong one.
 */
export function typedPath(
  given: string,
  env: Record<string, string | undefined> = process.env,
): string {
  return path.resolve(env.INIT_CWD || process.cwd(), given)
}
