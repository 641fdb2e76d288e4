/**
 * The risk report API's errors, in the vendor's shape:
 * `{"error":{"code":1000,"group":"client","description":"…","data":{…}}}` with its codes
 * (docs/risk-report.md). Distinct from the analyses API's AppError on purpose: the two surfaces
 * answer their own clients' documented shapes.
 */

export const RISK_REPORT_ERRORS = {
  INVALID_REQUEST: {
    code: 1000,
    status: 400,
    description: "Request body doesn't match input schema.",
  },
  ENTRY_EXISTS: { code: 1001, status: 409, description: 'The entry already exists.' },
  NOT_FOUND: { code: 1002, status: 404, description: 'The requested resource was not found.' },
  UNAUTHORIZED: {
    code: 1003,
    status: 401,
    description: 'The access token is missing, invalid or expired.',
  },
  INVALID_CLIENT: { code: 1004, status: 401, description: 'Invalid client authorization.' },
  UNPROCESSABLE: { code: 1006, status: 422, description: 'The request cannot be processed.' },
  FORBIDDEN: { code: 1007, status: 403, description: 'This is not allowed.' },
  BUSY: { code: 1008, status: 423, description: 'The resource is busy; try again shortly.' },
  GONE: {
    code: 1002,
    status: 410,
    description: 'The data of this one-time flow was deleted one hour after it ended.',
  },
} as const

export type RiskReportErrorName = keyof typeof RISK_REPORT_ERRORS

export class RiskReportError extends Error {
  override name = 'RiskReportError'
  readonly code: number
  readonly status: number
  readonly data: Record<string, unknown> | undefined

  constructor(kind: RiskReportErrorName, data?: Record<string, unknown>, description?: string) {
    const entry = RISK_REPORT_ERRORS[kind]
    super(description ?? entry.description)
    this.code = entry.code
    this.status = entry.status
    this.data = data
  }

  toJSON(): {
    error: { code: number; group: 'client'; description: string; data?: Record<string, unknown> }
  } {
    return {
      error: {
        code: this.code,
        group: 'client',
        description: this.message,
        ...(this.data && { data: this.data }),
      },
    }
  }
}
