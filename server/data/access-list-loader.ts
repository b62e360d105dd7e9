import { z } from 'zod'
import type { Queryable } from '../db/database.ts'
import { unstorableText } from '../db/storable-text.ts'
import { freeTextProblem } from '../db/text-characters.ts'
import { describeValue } from '../http/describe-value.ts'
import { describeValues, valueCode } from '../import/attribute-values.ts'
import { ImportError } from '../import/import-error.ts'
import { allowedValues } from './column-values.ts'
import { describeIssue } from './schema-issue.ts'
import { divisionProblem } from './industry-sections.ts'
import { readLayers, type Layer, type LayerAttribute } from '../tiles/layer-catalog.ts'
import { DIMENSIONS, EFFECTS, PROJECT_KINDS } from '../zoning/access-list.ts'

/** The farthest a distance rule may reach, m. */
export const MAX_WITHIN_M = 50_000

const industryCode = z
  .string()
  .regex(/^[A-T](\d{2,4})?$/, 'must be a GB/T 4754-2017 code such as C2614')

// Free text, checked here so that the refusal names the item and field: the database would
// refuse it only for the whole list, in its own words (see unstorableText). Rule texts reach
// check reasons and reports, so nothing in them may read other than it is (freeTextProblem).
const text = () =>
  z.string().superRefine((value, context) => {
    const problem = unstorableText(value) ?? freeTextProblem(value)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

const industrySchema = z
  .object({
    code: industryCode,
    name_zh: text().min(1),
    name_en: text().nullish(),
    level: z.enum(['section', 'division', 'group', 'class']),
    parent_code: industryCode.nullish(),
  })
  // As for rules: a misspelt key (名称 for name_zh) would be dropped without a word.
  .strict()

const ruleSchema = z
  .object({
    code: text().min(1).max(64),
    unit_code: z.string().regex(/^ZH\d{11}$/).nullish(),
    unit_class: z.enum(['priority', 'key', 'general']).nullish(),
    layer: text().nullish(),
    layer_filter: z.record(text(), text()).nullish(),
    // Distance rules reach tens of kilometres at most (3 km round a red line, 10 km upstream of
    // an intake); a larger reach is a slip of units, and would make every check scan the layer.
    within_m: z
      .number()
      .positive()
      .max(MAX_WITHIN_M, `must be at most ${MAX_WITHIN_M.toLocaleString('en-US')} m (50 km)`)
      .nullish(),
    dimension: z.enum(DIMENSIONS),
    effect: z.enum(EFFECTS),
    industries: z.array(industryCode).default([]),
    project_kinds: z.array(z.enum(PROJECT_KINDS)).default([]),
    text_zh: text().min(1),
    legal_basis: text().nullish(),
  })
  // A misspelt key would otherwise be dropped without a word, and its value with it.
  .strict()
  .refine((r) => [r.unit_code, r.unit_class, r.layer].filter((v) => v != null).length === 1, {
    message: 'a rule belongs to exactly one of unit_code, unit_class or layer',
  })
  .refine((r) => r.within_m == null || r.layer != null, {
    message: 'within_m needs a layer to measure from',
  })

// A GB/T 4754 code names its level by its length: a section letter, then two digits for the
// division, one more for the group and one more for the class.
const LEVEL_BY_LENGTH: Record<number, string> = {
  1: 'section',
  3: 'division',
  4: 'group',
  5: 'class',
}

/** The code of the level above, which the code itself spells out; null for a section. */
function parentCodeOf(code: string): string | null {
  if (code.length === 1) return null
  return code.length === 3 ? code[0]! : code.slice(0, -1)
}

/**
 * Replaces the industry catalogue, checking that each code is given once, with a division of its
 * section, at the level its length says, under the parent its code spells out, and that each
 * parent is in the file.
 * Refusals name the item by its position in the file. Parents are inserted before their
 * children.
 */
export async function loadIndustries(tx: Queryable, items: unknown[], file: string) {
  const industries = items.map((item, i) => parseItem(industrySchema, item, file, i, 'industry'))
  // Checked before sorting, so that positions are those of the file.
  const firstOf = new Map<string, number>()
  for (const [i, industry] of industries.entries()) {
    const earlier = firstOf.get(industry.code)
    if (earlier !== undefined) {
      const message =
        `Industry code ${industry.code} is given twice, by industries ${earlier + 1} and ${i + 1}.`
      throw new ImportError(message, { file, item: 'industry', feature: i + 1, field: 'code' })
    }
    firstOf.set(industry.code, i)
  }
  for (const [i, industry] of industries.entries()) {
    const at = (field: string) => ({ file, item: 'industry' as const, feature: i + 1, field })
    const { code, level, parent_code: given = null } = industry
    const misplaced = divisionProblem(code)
    if (misplaced) throw new ImportError(misplaced, at('code'))
    const levelOfCode = LEVEL_BY_LENGTH[code.length]!
    if (level !== levelOfCode) {
      const message = `${code} is a ${levelOfCode} code, but its level says ${level}.`
      throw new ImportError(message, at('level'))
    }
    const parent = parentCodeOf(code)
    if (given !== parent) {
      const got = given === null ? 'none' : given
      const message = parent
        ? `parent_code of ${code} must be ${parent}, the level above in its code; got ${got}.`
        : `${code} is a section, which has no parent_code; got ${got}.`
      throw new ImportError(message, at('parent_code'))
    }
    if (industry.parent_code && !firstOf.has(industry.parent_code)) {
      const message = `parent_code ${industry.parent_code} is not in the catalogue.`
      throw new ImportError(message, at('parent_code'))
    }
  }
  industries.sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code))

  await tx.query('DELETE FROM rules')
  await tx.query('DELETE FROM industries')
  await tx.query(
    `INSERT INTO industries (code, name_zh, name_en, level, parent_code)
     SELECT i->>'code', i->>'name_zh', i->>'name_en', i->>'level', i->>'parent_code'
       FROM jsonb_array_elements($1::jsonb) AS i`,
    [JSON.stringify(industries)],
  )
  return industries.length
}

/**
 * Replaces the access list, checking that every unit, layer, filter attribute and industry a
 * rule names exists. Load the layers and industries first.
 */
export async function loadRules(tx: Queryable, items: unknown[], file: string) {
  const rules = items.map((item, i) => parseItem(ruleSchema, item, file, i, 'rule'))
  const layers = new Map((await readLayers(tx)).map((layer) => [layer.name, layer]))
  const units = new Set(
    (await tx.query<{ code: string }>('SELECT code FROM control_units')).map((u) => u.code),
  )
  const industries = new Set(
    (await tx.query<{ code: string }>('SELECT code FROM industries')).map((i) => i.code),
  )

  const firstOf = new Map<string, number>()
  for (const [i, rule] of rules.entries()) {
    const at = (field: string) => ({ file, item: 'rule' as const, feature: i + 1, field })
    const earlier = firstOf.get(rule.code)
    if (earlier !== undefined) {
      const code = describeValue(rule.code)
      const message = `Rule code ${code} is given twice, by rules ${earlier + 1} and ${i + 1}.`
      throw new ImportError(message, at('code'))
    }
    firstOf.set(rule.code, i)
    if (rule.unit_code && !units.has(rule.unit_code)) {
      throw new ImportError(`No control unit has code ${rule.unit_code}.`, at('unit_code'))
    }
    const layer = rule.layer ? layers.get(rule.layer) : undefined
    if (rule.layer && !layer) {
      throw new ImportError(`No layer named ${describeValue(rule.layer)}.`, at('layer'))
    }
    // A rule on a layer applies in its zones, or within a distance of its features: only zone
    // layers have zones, and a rule on the units, rivers or districts alone would apply nowhere.
    if (layer && layer.role !== 'zone' && rule.within_m == null) {
      const zones = [...layers.values()].filter((l) => l.role === 'zone').map((l) => l.name)
      const message =
        `Layer ${layer.name} has no zones, so a rule on it applies only within a distance of ` +
        `its features (within_m); rules on units give unit_code or unit_class. Zone layers: ` +
        `${zones.join(', ')}.`
      throw new ImportError(message, at('layer'))
    }
    for (const [name, value] of Object.entries(rule.layer_filter ?? {})) {
      const attribute = layer?.attributes.find((a) => a.name === name)
      if (!layer || !attribute) {
        const message = `Layer ${rule.layer} has no attribute ${name} to filter on.`
        throw new ImportError(message, at('layer_filter'))
      }
      const stored = await filterValue(tx, layer, attribute, value, at(`layer_filter.${name}`))
      rule.layer_filter![name] = stored
    }
    const unknown = rule.industries.find((code) => !industries.has(code))
    if (unknown) {
      throw new ImportError(`Industry ${unknown} is not in the catalogue.`, at('industries'))
    }
  }

  await tx.query('DELETE FROM rules')
  await tx.query(
    `INSERT INTO rules (code, unit_code, unit_class, layer, layer_filter, within_m, dimension,
                        effect, industries, project_kinds, text_zh, legal_basis)
     SELECT r->>'code', r->>'unit_code', r->>'unit_class', r->>'layer',
            NULLIF(r->'layer_filter', 'null'::jsonb),
            (r->>'within_m')::double precision, r->>'dimension', r->>'effect',
            ARRAY(SELECT jsonb_array_elements_text(r->'industries')),
            ARRAY(SELECT jsonb_array_elements_text(r->'project_kinds')),
            r->>'text_zh', r->>'legal_basis'
       FROM jsonb_array_elements($1::jsonb) AS r`,
    [JSON.stringify(rules)],
  )
  return rules.length
}

/**
 * The value a rule's filter matches, as the layer's table stores it: for an attribute of fixed
 * values, the code, also when the file writes one of its Chinese forms (一级保护区 for level1),
 * as the layer import takes them.
 */
async function filterValue(
  tx: Queryable,
  layer: Layer,
  attribute: LayerAttribute,
  value: string,
  where: ConstructorParameters<typeof ImportError>[1],
): Promise<string> {
  const holdsNo = `Layer ${layer.name} holds no ${attribute.name} ${JSON.stringify(value)}`
  if (attribute.values) {
    const code = valueCode(attribute.values, value)
    if (code !== undefined) return code
    const message = `${holdsNo}; its ${attribute.name} is ${describeValues(attribute.values)}.`
    throw new ImportError(message, where)
  }
  // A value the column cannot hold matches no feature, ever: the rule would never apply.
  const allowed = await allowedValues(tx, layer.tableName, attribute.name)
  if (allowed && !allowed.includes(value)) {
    const message = `${holdsNo}; its ${attribute.name} is one of ${allowed.join(', ')}.`
    throw new ImportError(message, where)
  }
  return value
}

function parseItem<T>(
  schema: z.ZodType<T>,
  value: unknown,
  file: string,
  index: number,
  item: 'rule' | 'industry',
): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const where = { file, item, feature: index + 1, field: issue.path.join('.') || undefined }
  if (issue.code === 'invalid_key' && issue.issues[0]) {
    // A bad record key: its own problem is nested, and the key, which may not even print, is
    // named quoted in the message rather than as part of the field.
    const key = issue.path.at(-1)
    const message = `The key ${JSON.stringify(key)}: ${issue.issues[0].message}`
    throw new ImportError(message, { ...where, field: issue.path.slice(0, -1).join('.') })
  }
  const given = issue.path.reduce<unknown>(
    (within, key) => (within as Record<PropertyKey, unknown> | undefined)?.[key],
    value,
  )
  if (issue.code === 'invalid_format') {
    // The pattern's words say what is expected; the value says what came.
    throw new ImportError(`${issue.message}, got ${describeValue(given)}.`, where)
  }
  throw new ImportError(describeIssue(issue, given), where)
}
