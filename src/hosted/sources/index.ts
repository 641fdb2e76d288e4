import type { HostedSourceId } from '../../app/hosted-flow.ts'
import type { DataSource } from './port.ts'
import { sandboxBank } from './sandbox-bank.ts'
import { statementUpload } from './statement-upload.ts'

export type { DataSource, SourceFile, SourceResult } from './port.ts'

/** Every data source of the hosted page. Add a source by adding it here. */
export const DATA_SOURCES: Readonly<Record<HostedSourceId, DataSource>> = {
  SANDBOX_BANK: sandboxBank,
  STATEMENT_UPLOAD: statementUpload,
}
