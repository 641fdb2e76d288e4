/**
 * Statement upload: the user uploads the bank statement files creditlens reads (CAMT.053, OFX,
 * MT940, CSV; several at once, the same account across files merged), through the input-format
 * registry like `POST /v2/customers/{id}/analyses/files`. Offered in live and test mode. An
 * unreadable file names the file (the user's own) and nothing of its content.
 */
import { parseInput, STATEMENT_FORMATS, parseFiles } from '../../adapters/index.ts'
import type { DataSource, SourceResult } from './port.ts'

export const statementUpload: DataSource = {
  id: 'STATEMENT_UPLOAD',
  offeredInLiveMode: true,
  credentialSteps: [],
  fetch: async ({ files }): Promise<SourceResult> => {
    if (files.length === 0) return { ok: false, error: 'eNoFile' }
    for (const file of files) {
      const parsed = parseInput(file.content, { fileName: file.fileName })
      const failed =
        !STATEMENT_FORMATS.includes(parsed.format) ||
        parsed.issues.some((issue) => issue.severity === 'error') ||
        parsed.accounts.length === 0
      if (failed) return { ok: false, error: 'eUnreadable', file: file.fileName }
    }
    const merged = parseFiles(
      files.map((file) => ({ content: file.content, fileName: file.fileName })),
    )
    if (merged.issues.some((issue) => issue.severity === 'error')) {
      return { ok: false, error: 'eUnreadable', file: files[0]?.fileName ?? '' }
    }
    return { ok: true, accounts: merged.accounts }
  },
}
