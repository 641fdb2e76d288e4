/**
 * The Report API's input file (docs/report-api.md): parsed JSON in, canonical accounts plus the
 * envelope the report mirrors out. Not in the shared format registry: only the Report API
 * reads it (its files are tried with this adapter first, then with the registry).
 */
import type { AdapterResult } from '../result.ts'
import { IssueList } from '../validate.ts'
import { readReportInput } from './schema.ts'
import { toModel, type ReportAccountMeta } from './to-model.ts'

export { looksLikeReportInput } from './schema.ts'
export type { ReportAccountMeta } from './to-model.ts'

export const REPORT_INPUT_FORMAT = 'REPORT_API'

export const parseReportInput = (json: unknown): AdapterResult & { meta: ReportAccountMeta[] } => {
  const issues = new IssueList()
  const inputs = readReportInput(issues, json)
  if (issues.hasErrors) return { accounts: [], meta: [], issues: issues.issues }
  const { accounts, meta } = toModel(issues, inputs)
  return { accounts, meta, issues: issues.issues }
}
