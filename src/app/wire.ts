/** A stored analysis → its wire JSON in the analyses API. */
import type { Analysis, JsonText } from './ports.ts'

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

/** An analysis as `GET /analyses/{id}` serves it; results appear once computed. */
export const analysisToJson = (analysis: Analysis): string =>
  spliceJson(
    {
      id: analysis.id,
      format: analysis.format,
      // Analyses stored before both flags were always kept answer them too.
      parameters: {
        disableScores: analysis.parameters.disableScores ?? false,
        disableCreditInsights: analysis.parameters.disableCreditInsights ?? false,
      },
      status: analysis.status,
      source: analysis.source,
      dataOrigin: analysis.dataOrigin,
      createdAt: analysis.createdAt.toISOString(),
      updatedAt: analysis.updatedAt.toISOString(),
    },
    {
      metadata: analysis.metadata,
      creditInsights: analysis.creditInsights,
      scores: analysis.scores,
      ...(analysis.error && { error: { json: JSON.stringify(analysis.error) } }),
    },
  )
