/**
 * One runtime per test process (PGlite in memory, or PostgreSQL when DATABASE_URL is set), the
 * real composition of main.ts, and helpers to call the app in-process.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Logger } from 'pino'
import { createClient } from '../../src/app/clients.ts'
import type { Analyser } from '../../src/app/ports.ts'
import { loadConfig } from '../../src/config/index.ts'
import { createHttpApp, createRuntime, startWorker, type Runtime } from '../../src/main.ts'

export interface Harness {
  runtime: Runtime
  app: FastifyInstance
  close(): Promise<void>
}

export const startHarness = async (
  env: Record<string, string> = {},
  options: { worker?: boolean; analyse?: Analyser; logger?: Logger } = {},
): Promise<Harness> => {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    RATE_LIMIT_PER_MINUTE: '0',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...env,
  })
  const runtime = await createRuntime(config, {
    ...(options.analyse && { analyse: options.analyse }),
    ...(options.logger && { logger: options.logger }),
  })
  if (options.worker) await startWorker(runtime)
  const app = await createHttpApp(runtime)
  return {
    runtime,
    app,
    close: async () => {
      await app.close()
      await runtime.close()
    },
  }
}

/** A new project with its client, and a token for it. */
export const newProject = async (harness: Harness, name = 'test') => {
  const client = await createClient(harness.runtime.deps, { name })
  const response = await harness.app.inject({
    method: 'POST',
    url: '/v2/oauth/token',
    payload: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.clientSecret}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
  const token = json<{ access_token: string; refresh_token: string }>(response)
  return { ...client, token: token.access_token, refreshToken: token.refresh_token }
}

export const json = <T = Record<string, unknown>>(response: LightMyRequestResponse): T =>
  // Test helper: the caller states the shape it expects; assertions check it.
  response.json() as T

/** Calls the app with a bearer token. */
export const call = (
  harness: Harness,
  token: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) =>
  harness.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload !== undefined && { payload: payload as object }),
  })
