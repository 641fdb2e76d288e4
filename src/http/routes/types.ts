import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../../app/ports.ts'
import type { TokenService } from '../../app/tokens.ts'

/** What every route plugin receives: the use-case dependencies and the token service. */
export interface RouteContext {
  deps: AppDeps
  tokens: TokenService
  /** True when the database answers. */
  isReady: () => Promise<boolean>
  /** Bytes a multipart upload may carry in total (`UPLOAD_LIMIT_BYTES`); a default when absent. */
  uploadLimitBytes?: number
}

export type RoutePlugin = FastifyPluginAsync<RouteContext>
