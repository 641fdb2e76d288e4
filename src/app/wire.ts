/** A stored analysis → its wire shape in the analyses API. */
import type { Analysis } from './ports.ts'

export interface WireAnalysis {
  id: string
  format: string
  parameters: Analysis['parameters']
  status: Analysis['status']
  source: string
  dataOrigin: string
  createdAt: string
  updatedAt: string
  metadata?: unknown
  creditInsights?: unknown
  scores?: unknown
  error?: { code: string; message: string }
}

/** An analysis as `GET /analyses/{id}` serves it; results appear once computed. */
export const analysisToWire = (analysis: Analysis): WireAnalysis => ({
  id: analysis.id,
  format: analysis.format,
  parameters: analysis.parameters,
  status: analysis.status,
  source: analysis.source,
  dataOrigin: analysis.dataOrigin,
  createdAt: analysis.createdAt.toISOString(),
  updatedAt: analysis.updatedAt.toISOString(),
  ...(analysis.metadata && { metadata: analysis.metadata }),
  ...(analysis.creditInsights && { creditInsights: analysis.creditInsights }),
  ...(analysis.scores && { scores: analysis.scores }),
  ...(analysis.error && { error: analysis.error }),
})
