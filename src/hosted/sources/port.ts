/**
 * The one port every data source of the hosted page implements: the sandbox bank, statement
 * upload, and later aggregator connectors (Budget Insight, Linxo, GoCardless…). A source either
 * asks for credentials over one or more screens (`credentialSteps`: the form fields of each) or
 * reads uploaded files (`credentialSteps` empty), then answers the user's accounts or a user
 * error (a message key of the page).
 */
import type { HostedSourceId } from '../../app/hosted-flow.ts'
import type { Account } from '../../engine/model/index.ts'
import type { MessageKey } from '../i18n.ts'

export interface SourceFile {
  content: Uint8Array
  fileName: string
}

export type SourceResult =
  { ok: true; accounts: Account[] } | { ok: false; error: MessageKey; file?: string }

export interface DataSource {
  id: HostedSourceId
  /** Whether live-mode clients may offer it (the sandbox bank: no). */
  offeredInLiveMode: boolean
  /** Form fields of each credential screen; empty for a file source. */
  credentialSteps: readonly (readonly string[])[]
  /** Checks one credential screen (fields of that screen and the earlier ones). */
  checkStep?(step: number, fields: Readonly<Record<string, string>>): MessageKey | undefined
  /** The user's accounts; `today` (YYYY-MM-DD) lets generated data end recently. */
  fetch(input: {
    fields: Readonly<Record<string, string>>
    files: readonly SourceFile[]
    today: string
  }): Promise<SourceResult>
}
