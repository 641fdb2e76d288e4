import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../../app/ports.ts'
import type { TokenService } from '../../app/tokens.ts'

/** What every route plugin receives: the use-case dependencies and the token service. */
export interface RouteContext {
  deps: AppDeps
  tokens: TokenService
  /** True when the database answers. */
  isReady: () => Promise<boolean>
}

export type RoutePlugin = FastifyPluginAsync<RouteContext>
