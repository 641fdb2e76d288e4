import type { AccountUsage } from '../../engine/model/index.ts'
import type { AdapterIssue } from '../result.ts'
import { excerpt } from './excerpt.ts'

/**
 * Reads an aggregator's account usage through the format's own table (keys upper-case). Absent
 * or `UNKNOWN` is UNKNOWN silently; any other value the table lacks is UNKNOWN with a warning at
 * `path`, so that a company's account is never scored as a consumer's without anyone seeing it.
 */
export const readUsage = (
  raw: string | null | undefined,
  table: Readonly<Record<string, AccountUsage>>,
  path: string,
  issues: AdapterIssue[],
): AccountUsage => {
  if (raw === null || raw === undefined || raw.trim() === '') return 'UNKNOWN'
  const key = raw.trim().toUpperCase()
  const usage = table[key]
  if (usage !== undefined) return usage
  if (key !== 'UNKNOWN') {
    issues.push({
      path,
      message: `unknown account usage "${excerpt(raw, 30)}", read as UNKNOWN`,
      severity: 'warning',
    })
  }
  return 'UNKNOWN'
}
