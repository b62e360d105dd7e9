import { attributionText, NO_DATASET, type DatasetInfo } from '../data/dataset-info.ts'

/** The command that describes the data, as the reminder gives it. */
export const DATASET_COMMAND = 'npm run import -- dataset.json --layer dataset'

/**
 * The line an import of a layer, the rules or the industries ends with while the data it
 * loaded is still described as the illustrative sample, or not at all: tiles would go on
 * crediting the sample, with its notice that no decision may rest on the data, or crediting
 * nothing. Undefined once the data has a description of its own. Pure.
 */
export function datasetReminder(stored: DatasetInfo | undefined): string | undefined {
  const how = `Describe the data with ${DATASET_COMMAND} (see data/dataset.example.json).`
  if (!stored) {
    const says = `tiles and /api/dataset say "${NO_DATASET.name}"`
    return `No dataset description is loaded: ${says}. ${how}`
  }
  if (stored.illustrative) {
    return (
      'The dataset is still described as the illustrative sample: tiles are credited ' +
      `"${attributionText(stored)}". ${how}`
    )
  }
  return undefined
}
