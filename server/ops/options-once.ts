import { parseArgs } from 'node:util'

export interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
}

/** Each given option's value: its text, or true for a flag. */
export type OptionValues<Options extends Record<string, OptionSpec>> = {
  [Name in keyof Options]?: Options[Name]['type'] extends 'string' ? string : true
}

export type OptionsOnce<Options extends Record<string, OptionSpec>> =
  | {
      values: OptionValues<Options>
      positionals: string[]
      /** A value option given more than once, as a sentence; a command refuses it after help. */
      repeated: string | undefined
    }
  | { problem: string }

/**
 * Reads a command line as `node:util` parseArgs does, but tells of a value option given twice,
 * where parseArgs would keep the last: which of two values was meant cannot be told, and taking
 * either would be a guess. A flag given twice means what it does once. A negative number after
 * a value option is its value (`--minzoom -1`), which the option's own check then refuses by its
 * range, where parseArgs would call it ambiguous. Pure.
 */
export function readOptionsOnce<Options extends Record<string, OptionSpec>>(
  args: string[],
  options: Options,
): OptionsOnce<Options> {
  let given: Record<string, (string | boolean)[] | undefined>
  let positionals: string[]
  try {
    ;({ values: given, positionals } = parseArgs({
      args: joinNegativeValues(args, options),
      allowPositionals: true,
      // Collected as lists, so that a repeated option can be seen.
      options: Object.fromEntries(
        Object.entries(options).map(([name, spec]) => [name, { ...spec, multiple: true }]),
      ),
    }))
  } catch (error) {
    return { problem: (error as Error).message }
  }
  const values: Record<string, string | true> = {}
  let repeated: string | undefined
  for (const [name, list] of Object.entries(given)) {
    if (!list || list.length === 0) continue
    const text = options[name]!.type === 'string'
    if (text && list.length > 1) repeated ??= `--${name} is given twice.`
    values[name] = text ? String(list[0]) : true
  }
  return { values: values as OptionValues<Options>, positionals, repeated }
}

/** `--name -5` as `--name=-5` for a value option `name`. */
function joinNegativeValues(args: string[], options: Record<string, OptionSpec>): string[] {
  const joined: string[] = []
  for (let i = 0; i < args.length; i++) {
    // After `--` every argument is a positional, as parseArgs reads it.
    if (args[i] === '--') return [...joined, ...args.slice(i)]
    const name = /^--([^=]+)$/.exec(args[i]!)?.[1]
    const next = args[i + 1]
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${args[i]}=${next}`)
      i++
    } else {
      joined.push(args[i]!)
    }
  }
  return joined
}
