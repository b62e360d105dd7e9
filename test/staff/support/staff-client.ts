import type { Database } from '../../../server/db/database.ts'
import { addStaff } from '../../../server/staff/staff-store.ts'
import type { StaffRole } from '../../../server/staff/staff-token.ts'
import type { TestServer } from '../../support/test-server.ts'

/** Issues a token as `npm run staff -- add` does, under a name of its own. */
export async function tokenFor(db: Database, role: StaffRole, name?: string): Promise<string> {
  const added = await addStaff(
    db,
    name ?? `${role}-${Math.random().toString(36).slice(2, 10)}`,
    role,
  )
  if (added.kind === 'taken') throw new Error('the staff name is taken')
  return added.token
}

/** Calls a staff endpoint with a token, sending `body` as JSON when given. */
export function staffFetch(
  server: TestServer,
  token: string | undefined,
  path: string,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = {}
  if (token !== undefined) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  return fetch(server.url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}
