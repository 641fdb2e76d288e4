/**
 * The reference's "Signature validation" escaping, written for the tests independently of
 * `escapeJsonText` (src/webhooks/signature.ts): one UTF-16 unit at a time, non-ASCII as a
 * lower-case `\uXXXX`, then `/` → `\/`, `<` → `\u003C`, `%` → `\u0025`, `@` → `\u0040`.
 */
export const escapeLikeTheReference = (json: string): string => {
  let out = ''
  for (let i = 0; i < json.length; i++) {
    const unit = json.charCodeAt(i)
    const ch = json.charAt(i)
    if (unit > 0x7f) out += '\\u' + ('0000' + unit.toString(16)).slice(-4)
    else if (ch === '/') out += '\\/'
    else if (ch === '<') out += '\\u003C'
    else if (ch === '%') out += '\\u0025'
    else if (ch === '@') out += '\\u0040'
    else out += ch
  }
  return out
}
