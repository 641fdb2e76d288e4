import { randomBytes } from 'node:crypto'
import type { CredentialStore, Project, Tx } from '../app/ports.ts'

interface ProjectRow {
  id: string
  name: string
  supported_currencies: string[]
}

export const credentialStore = (db: Tx): CredentialStore => ({
  createProjectWithClient: async (tx, { projectId, name, clientId, secretHash, ...rest }) => {
    await tx.query(
      `insert into projects (id, name, supported_currencies)
       values ($1, $2, coalesce($3::text[], array['EUR', 'GBP']))`,
      [projectId, name, rest.supportedCurrencies ? [...rest.supportedCurrencies] : null],
    )
    await tx.query(
      'insert into clients (id, project_id, secret_hash, live_mode) values ($1, $2, $3, $4)',
      [clientId, projectId, secretHash, rest.liveMode ?? false],
    )
  },

  addClient: async (tx, { projectId, clientId, secretHash, liveMode }) => {
    await tx.query(
      'insert into clients (id, project_id, secret_hash, live_mode) values ($1, $2, $3, $4)',
      [clientId, projectId, secretHash, liveMode],
    )
  },

  findClient: async (clientId) => {
    const { rows } = await db.query<{
      id: string
      project_id: string
      secret_hash: string
      live_mode: boolean
    }>('select id, project_id, secret_hash, live_mode from clients where id = $1', [clientId])
    const row = rows[0]
    return (
      row && {
        clientId: row.id,
        projectId: row.project_id,
        secretHash: row.secret_hash,
        liveMode: row.live_mode,
      }
    )
  },

  hasAnyClient: async () => {
    const { rows } = await db.query('select 1 from clients limit 1')
    return rows.length > 0
  },

  findProject: async (projectId): Promise<Project | undefined> => {
    const { rows } = await db.query<ProjectRow>(
      'select id, name, supported_currencies from projects where id = $1',
      [projectId],
    )
    const row = rows[0]
    return row && { id: row.id, name: row.name, supportedCurrencies: row.supported_currencies }
  },

  saveRefreshToken: async ({ jti, grantId, clientId, projectId, expiresAt }) => {
    await db.query(
      `insert into refresh_tokens (jti, grant_id, client_id, project_id, expires_at)
       values ($1, $2, $3, $4, $5)`,
      [jti, grantId, clientId, projectId, expiresAt.toISOString()],
    )
  },

  consumeRefreshToken: async (jti, now) => {
    const { rows } = await db.query<{ grant_id: string }>(
      `update refresh_tokens set used_at = $2
        where jti = $1 and used_at is null and revoked_at is null and expires_at > $2
        returning grant_id`,
      [jti, now.toISOString()],
    )
    const row = rows[0]
    return row && { grantId: row.grant_id }
  },

  revokeGrantOf: async (jti, now) => {
    await db.query(
      `update refresh_tokens set revoked_at = $2
        where revoked_at is null
          and grant_id = (select grant_id from refresh_tokens where jti = $1)`,
      [jti, now.toISOString()],
    )
  },

  forgetSigningSecret: async () => {
    await db.query(`delete from settings where key = 'token_signing_secret'`)
  },

  signingSecret: async () => {
    // First caller wins; every process then reads the same secret.
    await db.query(
      `insert into settings (key, value) values ('token_signing_secret', $1) on conflict do nothing`,
      [randomBytes(48).toString('base64url')],
    )
    const { rows } = await db.query<{ value: string }>(
      `select value from settings where key = 'token_signing_secret'`,
    )
    const secret = rows[0]?.value
    if (secret === undefined) throw new Error('token signing secret missing after insert')
    return secret
  },
})
