import { randomBytes, randomUUID } from 'node:crypto'
import { AppError } from './errors.ts'
import type { AppDeps } from './ports.ts'
import { hashSecret } from './secrets.ts'

export interface NewClient {
  projectId: string
  clientId: string
  /** Shown once; only its hash is stored. */
  clientSecret: string
  /** Live mode (real data only) or test mode (the hosted page also offers the sandbox bank). */
  liveMode: boolean
}

/**
 * Creates a project and its API client, or, with `projectId`, one more client of that project
 * (e.g. a live-mode client next to its test-mode one). Clients are in test mode unless `liveMode`.
 */
export const createClient = async (
  deps: Pick<AppDeps, 'inTransaction' | 'credentials'>,
  input: {
    name: string
    clientId?: string
    clientSecret?: string
    /** Currencies the project's analyses accept (default EUR, GBP). */
    supportedCurrencies?: readonly string[]
    liveMode?: boolean
    /** An existing project to add the client to. */
    projectId?: string
  },
): Promise<NewClient> => {
  const liveMode = input.liveMode ?? false
  if (input.projectId !== undefined) {
    const project = await deps.credentials.findProject(input.projectId)
    if (!project) throw new AppError('UNKNOWN_ENTITY', `project ${input.projectId} not found`)
    const added: NewClient = {
      projectId: project.id,
      clientId: input.clientId ?? randomBytes(12).toString('hex'),
      clientSecret: input.clientSecret ?? randomUUID(),
      liveMode,
    }
    const hash = await hashSecret(added.clientSecret)
    await deps.inTransaction((tx) =>
      deps.credentials.addClient(tx, {
        projectId: added.projectId,
        clientId: added.clientId,
        secretHash: hash,
        liveMode,
      }),
    )
    return added
  }
  const currencies = input.supportedCurrencies
  if (currencies && (currencies.length === 0 || !currencies.every((c) => /^[A-Z]{3}$/.test(c)))) {
    throw new AppError('BAD_REQUEST', 'currencies must be ISO 4217 codes such as EUR,GBP')
  }
  const client: NewClient = {
    projectId: randomBytes(12).toString('hex'),
    clientId: input.clientId ?? randomBytes(12).toString('hex'),
    clientSecret: input.clientSecret ?? randomUUID(),
    liveMode,
  }
  const secretHash = await hashSecret(client.clientSecret)
  await deps.inTransaction((tx) =>
    deps.credentials.createProjectWithClient(tx, {
      projectId: client.projectId,
      name: input.name,
      clientId: client.clientId,
      secretHash,
      ...(currencies && { supportedCurrencies: currencies }),
      liveMode,
    }),
  )
  return client
}

/**
 * Creates a first project and client when the database has none, for a development start (see
 * `creditlens serve`): returns it, secret included, so that it can be shown once; undefined
 * when a client already exists.
 */
export const createFirstClient = async (
  deps: Pick<AppDeps, 'inTransaction' | 'credentials'>,
): Promise<NewClient | undefined> => {
  if (await deps.credentials.hasAnyClient()) return undefined
  return createClient(deps, { name: 'first project' })
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
