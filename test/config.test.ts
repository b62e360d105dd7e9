import { describe, expect, it } from 'vitest'
import { CONFIG_HELP, readConfig } from '../server/config.ts'

describe('the nearby distance of admission checks', () => {
  it('is 5 km unless set', () => {
    expect(readConfig({}).config?.ADMISSION_NEARBY_M).toBe(5000)
    expect(readConfig({ ADMISSION_NEARBY_M: '2500' }).config?.ADMISSION_NEARBY_M).toBe(2500)
  })

  it.each(['-1', '50001', '5km', '1.5'])('refuses %s, naming the setting', (value) => {
    const { problems } = readConfig({ ADMISSION_NEARBY_M: value })
    expect(problems).toHaveLength(1)
    expect(problems![0]).toMatch(/^ADMISSION_NEARBY_M=/)
  })

  it('is listed in the help', () => {
    expect(CONFIG_HELP.map(([name]) => name)).toContain('ADMISSION_NEARBY_M')
  })
})
