/** A fresh PostgreSQL database per run (and per phase), dropped at the end. */
import pg from 'pg'

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

export interface FreshDatabase {
  url: string
  drop(): Promise<void>
}

/** Creates `<prefix>_<suffix>` on the server of `baseUrl` (its database is only used to connect). */
export const freshDatabase = async (
  baseUrl: string,
  prefix: string,
  suffix: string,
): Promise<FreshDatabase> => {
  const name = `${prefix}_${suffix}`.toLowerCase().replace(/[^a-z0-9_]/g, '_')
  const admin = new pg.Client({ connectionString: baseUrl })
  await admin.connect()
  try {
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl })
      await client.connect()
      try {
        await client.query(`drop database if exists ${name} with (force)`)
      } finally {
        await client.end()
      }
    },
  }
}
