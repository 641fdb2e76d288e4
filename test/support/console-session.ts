/**
 * A console visitor over fastify's inject: keeps cookies like a browser, reads the CSRF token
 * of the last page, submits forms.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

export class Visitor {
  readonly cookies = new Map<string, string>()
  csrf = ''

  constructor(private readonly app: FastifyInstance) {}

  private keep(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0)) {
        this.cookies.delete(cookie.name)
      } else {
        this.cookies.set(cookie.name, cookie.value)
      }
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)
    if (token?.[1]) this.csrf = token[1]
    return response
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } }),
    )
  }

  /** Posts a form with the current CSRF token (unless `_csrf` is given). */
  async post(url: string, form: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: {
          cookie: this.cookieHeader(),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ _csrf: this.csrf, ...form }).toString(),
      }),
    )
  }

  /** Signs in (from the login page's form); answers the response to the POST. */
  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    await this.get('/console/login')
    return this.post('/console/login', { email, password })
  }
}
