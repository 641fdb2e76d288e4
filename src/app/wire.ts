/** A stored analysis → its wire JSON in the analyses API. */
import type { Analysis, AnalysisHead, JsonText } from './ports.ts'

/**
 * `{ ...fields, key: <json text>, … }` as JSON text: the stored results are spliced in as they
 * are, never parsed.
 */
export const spliceJson = (
  fields: Record<string, unknown>,
  texts: Record<string, JsonText | null | undefined>,
): string => {
  const head = JSON.stringify(fields)
  const tail = Object.entries(texts)
    .filter((entry): entry is [string, JsonText] => entry[1] != null)
    .map(([key, text]) => `,${JSON.stringify(key)}:${text.json}`)
    .join('')
  return head === '{}' ? `{${tail.slice(1)}}` : `${head.slice(0, -1)}${tail}}`
}

const fieldsOf = (analysis: AnalysisHead) => ({
  id: analysis.id,
  format: analysis.format,
  // Analyses stored before both flags were always kept answer them too.
  parameters: {
    ...analysis.parameters,
    disableScores: analysis.parameters.disableScores ?? false,
    disableCreditInsights: analysis.parameters.disableCreditInsights ?? false,
  },
  status: analysis.status,
  source: analysis.source,
  dataOrigin: analysis.dataOrigin,
  createdAt: analysis.createdAt.toISOString(),
  updatedAt: analysis.updatedAt.toISOString(),
})

const errorText = (analysis: AnalysisHead) =>
  analysis.error && { error: { json: JSON.stringify(analysis.error) } }

/** An analysis as `GET /analyses/{id}` serves it; results appear once computed. */
export const analysisToJson = (analysis: Analysis): string =>
  spliceJson(fieldsOf(analysis), {
    metadata: analysis.metadata,
    creditInsights: analysis.creditInsights,
    scores: analysis.scores,
    ...errorText(analysis),
  })

/**
 * The same JSON as `analysisToJson`, byte for byte, in pieces: the credit insights are read
 * part by part (`readPart`) as they are written, so that a large analysis is never one string.
 * `parts` names the stored parts in order; null when there are no credit insights.
 */
export async function* analysisJsonPieces(
  analysis: AnalysisHead,
  parts: readonly string[] | null,
  readPart: (name: string) => Promise<string>,
): AsyncGenerator<string> {
  yield spliceJson(fieldsOf(analysis), { metadata: analysis.metadata }).slice(0, -1)
  if (parts !== null) {
    yield ',"creditInsights":{'
    for (const [index, name] of parts.entries()) {
      yield `${index === 0 ? '' : ','}${JSON.stringify(name)}:${await readPart(name)}`
    }
    yield '}'
  }
  const tail = spliceJson({}, { scores: analysis.scores, ...errorText(analysis) })
  yield tail === '{}' ? '}' : `,${tail.slice(1)}`
}
