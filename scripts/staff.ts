// npm run staff -- add NAME --role ROLE | list | revoke NAME
// Issues, lists and revokes the tokens bureau staff use on /api/staff/.

import { readConfig } from '../server/config.ts'
import { openCommandDatabase, type OpenedDatabase } from '../server/db/command-database.ts'
import { DataDirBusyError } from '../server/db/data-dir-lock.ts'
import { dropOutputToClosedPipes } from '../server/ops/closed-output.ts'
import { exitOnInterrupt } from '../server/ops/interrupt-exit.ts'
import { STAFF_USAGE, parseStaffArguments } from '../server/staff/staff-arguments.ts'
import { addStaff, listStaff, revokeStaff } from '../server/staff/staff-store.ts'
import { padColumns } from '../server/staff/terminal-columns.ts'
import { StartupError } from '../server/startup-error.ts'

// Output cut short by a closed pipe must not fail work that was done.
dropOutputToClosedPipes()

const args = parseStaffArguments(process.argv.slice(2))
const { config, problems } = readConfig(process.env)

if (args.kind === 'help') {
  console.log(STAFF_USAGE)
} else if (args.kind === 'usage-error') {
  console.error(`${args.problem}\n\n${STAFF_USAGE}`)
  process.exitCode = 2
} else if (!config) {
  for (const problem of problems) console.error(`Bad setting ${problem}`)
  process.exitCode = 2
} else {
  exitOnInterrupt('see what was done with: npm run staff -- list')
  let opened: OpenedDatabase | undefined
  try {
    opened = await openCommandDatabase(config, { role: 'staff command', poolSize: 1 })
    const { db } = opened
    // Tokens live in one database: say which, as a forgotten DATABASE_URL picks the embedded one.
    console.error(`Staff of the ${db.kind} database at ${db.location}.`)

    if (args.kind === 'add') {
      const added = await addStaff(db, args.name, args.role)
      if (added.kind === 'taken') {
        const holder = added.holder.name
        // Said when the names differ, as the operator may not see how they are the same.
        const same =
          holder === args.name
            ? ''
            : `, and ${args.name} is the same name once case and full-width forms are set aside`
        console.error(
          `${holder} already holds a live token${same}; revoke it first to issue another.`,
        )
        process.exitCode = 1
      } else {
        console.log(`Token for ${added.member.name} (${added.member.role}), shown only this once:`)
        console.log(added.token)
        console.log('Send it as "Authorization: Bearer <token>" to /api/staff/.')
      }
    } else if (args.kind === 'revoke') {
      const revoked = await revokeStaff(db, args.name)
      if (revoked.length === 0) {
        console.error(`${args.name} holds no live token.`)
        process.exitCode = 1
      }
      for (const member of revoked) {
        console.log(`Revoked the token of ${member.name} (${member.role}).`)
      }
    } else {
      const members = await listStaff(db)
      if (members.length === 0) {
        console.log('No staff yet; add one with: npm run staff -- add NAME --role ROLE')
      }
      for (const member of members) {
        const state = member.revoked_at
          ? `revoked ${new Date(member.revoked_at).toISOString()}`
          : 'live'
        const added = new Date(member.created_at).toISOString()
        // Chinese names take two columns a character, which padEnd would count as one.
        const name = padColumns(member.name, 24)
        console.log(`${name} ${member.role.padEnd(10)} added ${added}  ${state}`)
      }
    }
  } catch (error) {
    process.exitCode = 1
    // Either says what is wrong with which setting already.
    if (error instanceof DataDirBusyError || error instanceof StartupError) {
      console.error(error.message)
    } else {
      console.error(`staff failed: ${(error as Error).message}`)
    }
  } finally {
    await opened?.close()
  }
}
