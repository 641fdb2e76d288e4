import { randomBytes, randomUUID } from 'node:crypto'
import type { AppDeps } from './ports.ts'
import { hashSecret } from './secrets.ts'

export interface NewClient {
  projectId: string
  clientId: string
  /** Shown once; only its hash is stored. */
  clientSecret: string
}

/** Creates a project and its API client. */
export const createClient = async (
  deps: Pick<AppDeps, 'inTransaction' | 'credentials'>,
  input: { name: string; clientId?: string; clientSecret?: string },
): Promise<NewClient> => {
  const client: NewClient = {
    projectId: randomBytes(12).toString('hex'),
    clientId: input.clientId ?? randomBytes(12).toString('hex'),
    clientSecret: input.clientSecret ?? randomUUID(),
  }
  const secretHash = await hashSecret(client.clientSecret)
  await deps.inTransaction((tx) =>
    deps.credentials.createProjectWithClient(tx, {
      projectId: client.projectId,
      name: input.name,
      clientId: client.clientId,
      secretHash,
    }),
  )
  return client
}

/**
 * Makes sure the client given by BOOTSTRAP_CLIENT_ID / BOOTSTRAP_CLIENT_SECRET exists (created
 * with its own project on first start). Returns whether it was created.
 */
export const ensureClient = async (
  deps: Pick<AppDeps, 'inTransaction' | 'credentials'>,
  input: { clientId: string; clientSecret: string; name: string },
): Promise<boolean> => {
  if (await deps.credentials.findClient(input.clientId)) return false
  try {
    await createClient(deps, input)
    return true
  } catch (error) {
    // Another process created it at the same moment.
    if (await deps.credentials.findClient(input.clientId)) return false
    throw error
  }
}
