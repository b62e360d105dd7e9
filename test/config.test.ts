import os from 'node:os'
import path from 'node:path'
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

describe('the basemap settings', () => {
  const tianditu = 'https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=k'

  it('are off unless set', () => {
    expect(readConfig({}).config?.BASEMAP_URL).toBeUndefined()
  })

  it('read several templates, bottom to top, with their credit', () => {
    const labels = tianditu.replace('vec_w', 'cva_w')
    const { config } = readConfig({
      BASEMAP_URL: ` ${tianditu}\n  ${labels} `,
      BASEMAP_ATTRIBUTION: '天地图',
    })
    expect(config?.BASEMAP_URL).toEqual([tianditu, labels])
    expect(config?.BASEMAP_ATTRIBUTION).toBe('天地图')
    expect(config?.BASEMAP_MAXZOOM).toBe(18)
  })

  it.each([
    ['https://tiles.example/{z}/{x}.png', 'a template without {y}'],
    ['ftp://tiles.example/{z}/{x}/{y}.png', 'another protocol'],
    ['tiles.example/{z}/{x}/{y}.png', 'no protocol'],
  ])('refuse %s (%s), naming the setting', (value) => {
    const { problems } = readConfig({ BASEMAP_URL: value, BASEMAP_ATTRIBUTION: 'x' })
    expect(problems).toHaveLength(1)
    expect(problems![0]).toMatch(/^BASEMAP_URL=.*\{z\}, \{x\} and \{y\}/)
  })

  it('refuse a basemap without a credit', () => {
    const { problems } = readConfig({ BASEMAP_URL: tianditu })
    expect(problems).toEqual([expect.stringMatching(/^BASEMAP_ATTRIBUTION="": is required/)])
  })

  it.each(['-1', '23', 'z18'])('refuse a maximum zoom of %s', (value) => {
    expect(readConfig({ BASEMAP_MAXZOOM: value }).problems?.[0]).toMatch(/^BASEMAP_MAXZOOM=/)
  })

  it('are listed in the help', () => {
    const names = CONFIG_HELP.map(([name]) => name)
    for (const name of ['BASEMAP_URL', 'BASEMAP_ATTRIBUTION', 'BASEMAP_MAXZOOM']) {
      expect(names).toContain(name)
    }
  })
})

describe('the URL settings', () => {
  it.each([
    [
      'DATABASE_URL',
      'postgres://owner:s3cret-pw@127.0.0.1:99999/zoning',
      /does not parse|not a URL/,
    ],
    ['DATABASE_URL', 'mysql://owner:s3cret-pw@db/zoning', /starting with postgres:\/\//],
    ['REDIS_URL', 'redis://:s3cret-pw@127.0.0.1:99999', /not a URL/],
  ])('refuse %s=%s without printing its password', (name, value, problem) => {
    const { problems } = readConfig({ [name]: value })
    expect(problems).toHaveLength(1)
    expect(problems![0]).toMatch(problem)
    expect(problems![0]).not.toContain('s3cret-pw')
    expect(problems![0]).toContain(':***@')
  })

  it.each([
    ['PUBLIC_URL', 'http://example.org/zoning?q=1', /without a query/],
    ['PUBLIC_URL', 'http://example.org/zoning#top', /without a query \(\?…\) or fragment/],
    ['PUBLIC_URL', 'https://editor:s3cret-pw@example.org', /must not hold a user name/],
    ['REDIS_URL', 'redis://127.0.0.1:6379/abc', /database by number/],
    ['REDIS_URL', 'redis://127.0.0.1:6379/-1', /database by number/],
    ['REDIS_URL', 'redis://127.0.0.1:6379/2/3', /database by number/],
    ['REDIS_URL', 'redis://127.0.0.1:6379?db=7', /must not set db or keyPrefix/],
    ['REDIS_URL', 'redis://127.0.0.1:6379/3?keyPrefix=other:', /must not set db or keyPrefix/],
  ])('refuse %s=%s, naming what is wrong', (name, value, problem) => {
    const { problems } = readConfig({ [name]: value })
    expect(problems).toHaveLength(1)
    expect(problems![0]).toMatch(new RegExp(`^${name}=`))
    expect(problems![0]).toMatch(problem)
    expect(problems![0]).not.toContain('s3cret-pw')
  })

  it.each([
    ['PUBLIC_URL', 'https://maps.example.org/ecozoning/'],
    ['REDIS_URL', 'redis://127.0.0.1:6379'],
    ['REDIS_URL', 'redis://127.0.0.1:6379/'],
    ['REDIS_URL', 'rediss://:pw@127.0.0.1:6380/15'],
  ])('take %s=%s', (name, value) => {
    expect(readConfig({ [name]: value }).config?.[name as 'REDIS_URL']).toBe(value)
  })

  it('take a URL with a password as it is', () => {
    const url = 'postgres://owner:s3cret-pw@127.0.0.1:5432/zoning'
    expect(readConfig({ DATABASE_URL: url }).config?.DATABASE_URL).toBe(url)
  })
})

describe('DATA_DIR', () => {
  it('is the folder the user typed it in when relative, as npm passes it in INIT_CWD', () => {
    const typedIn = path.join(os.tmpdir(), 'ecozoning-elsewhere')
    const { config } = readConfig({ DATA_DIR: 'zoning-db', INIT_CWD: typedIn })
    expect(config?.DATA_DIR).toBe(`${typedIn}${path.sep}zoning-db`)
  })

  it('is the working folder when relative and run without npm', () => {
    const { config } = readConfig({ DATA_DIR: 'zoning-db' })
    expect(config?.DATA_DIR).toBe(`${process.cwd()}${path.sep}zoning-db`)
  })

  it('stays as given when absolute', () => {
    const folder = path.join(os.tmpdir(), 'zoning-db')
    expect(readConfig({ DATA_DIR: folder, INIT_CWD: '/elsewhere' }).config?.DATA_DIR).toBe(folder)
  })

  it.each([' ', '  ', ' zoning-db', 'zoning-db '])('refuses %j, naming the blanks', (value) => {
    expect(readConfig({ DATA_DIR: value }).problems).toEqual([
      `DATA_DIR=${JSON.stringify(value)}: must be a folder path without blanks at either end`,
    ])
  })
})
