/**
 * A client that walks server-rendered pages as a browser without JavaScript would: it keeps
 * cookies, reads the forms' hidden fields (the CSRF token) from the HTML, posts urlencoded or
 * multipart bodies, and does not follow redirects (tests look at each one).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

export interface FormClient {
  get(url: string): Promise<LightMyRequestResponse>
  post(url: string, fields: Record<string, string | string[]>): Promise<LightMyRequestResponse>
  postFiles(
    url: string,
    fields: Record<string, string>,
    files: { name: string; fileName: string; content: string | Uint8Array }[],
  ): Promise<LightMyRequestResponse>
  cookies: Map<string, string>
}

const pathOf = (url: string): string => {
  const parsed = new URL(url, 'http://localhost')
  return `${parsed.pathname}${parsed.search}`
}

export const formClient = (app: FastifyInstance): FormClient => {
  const cookies = new Map<string, string>()
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  const keep = (response: LightMyRequestResponse) => {
    for (const cookie of response.cookies as { name: string; value: string }[]) {
      cookies.set(cookie.name, cookie.value)
    }
    return response
  }
  return {
    cookies,
    get: async (url) =>
      keep(
        await app.inject({ method: 'GET', url: pathOf(url), headers: { cookie: cookieHeader() } }),
      ),
    post: async (url, fields) => {
      const body = new URLSearchParams()
      for (const [name, value] of Object.entries(fields)) {
        for (const one of Array.isArray(value) ? value : [value]) body.append(name, one)
      }
      return keep(
        await app.inject({
          method: 'POST',
          url: pathOf(url),
          headers: {
            cookie: cookieHeader(),
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload: body.toString(),
        }),
      )
    },
    postFiles: async (url, fields, files) => {
      const boundary = `----creditlens${Date.now()}`
      const parts: Buffer[] = []
      for (const [name, value] of Object.entries(fields)) {
        parts.push(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
          ),
        )
      }
      for (const file of files) {
        parts.push(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
          ),
          Buffer.from(file.content),
          Buffer.from('\r\n'),
        )
      }
      parts.push(Buffer.from(`--${boundary}--\r\n`))
      return keep(
        await app.inject({
          method: 'POST',
          url: pathOf(url),
          headers: {
            cookie: cookieHeader(),
            'content-type': `multipart/form-data; boundary=${boundary}`,
          },
          payload: Buffer.concat(parts),
        }),
      )
    },
  }
}

/** The value of the first hidden `_csrf` field of a page. */
export const csrfOf = (html: string): string => {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('no CSRF token on the page')
  return match[1]
}

/** The `value`s of the inputs named `name` on a page, in order. */
export const inputValues = (html: string, name: string): string[] =>
  [...html.matchAll(new RegExp(`name="${name}" value="([^"]*)"`, 'g'))].map((m) => m[1] ?? '')
