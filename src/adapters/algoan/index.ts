/**
 * ALGOAN format: the native upload shape of the analyses API. `parseAlgoan` validates and maps;
 * it never throws on bad input: problems come back as issues with their JSON path.
 *
 * Known limits: account-level `id`s of the input are not kept as ids (ids are positional, `a0`,
 * `a0t12`, so that two uploads of the same file map the same way); amounts given as strings are
 * refused rather than guessed (the reference types them as numbers).
 */
import type { AdapterResult } from '../result.ts'
import { IssueList } from '../validate.ts'
import { readAlgoanUpload } from './schema.ts'
import { toModel } from './to-model.ts'

export const parseAlgoan = (body: unknown): AdapterResult => {
  const issues = new IssueList()
  const upload = readAlgoanUpload(body, issues)
  if (issues.hasErrors) return { accounts: [], issues: issues.issues }
  return { accounts: toModel(upload), issues: issues.issues }
}
