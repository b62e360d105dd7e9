import { readFile } from 'node:fs/promises'
import os from 'node:os'

export interface MachineInfo {
  date: string
  cpu: string
  cores: number
  memoryGb: number
  kernel: string
  node: string
  /** One-minute load average when the run began. */
  loadAtStart: number
}

/** The machine the benchmark runs on, as /proc/cpuinfo and Node.js report it. */
export async function readMachineInfo(): Promise<MachineInfo> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '')
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim()
  return {
    date: new Date().toISOString(),
    cpu: model ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: os.totalmem() / 2 ** 30,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAtStart: os.loadavg()[0]!,
  }
}
