/**
 * XML through fast-xml-parser (maintained, no native code, entity expansion bounded by default),
 * plus small readers for its output. Values stay strings (`parseTagValue: false`): `012.50` or an
 * account number with leading zeros must not become a number.
 */
import { XMLParser } from 'fast-xml-parser'
import type { AdapterIssue } from '../../result.ts'
import { excerpt } from '../../common/excerpt.ts'

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
})

export type XmlNode = Record<string, unknown>

/**
 * Parses well-formed XML, or records why not (`line 12, column 4: Unexpected end of …`) and
 * returns undefined. Truncated files fail here, with the line where they stop.
 */
export const parseXml = (text: string, issues: AdapterIssue[]): XmlNode | undefined => {
  try {
    const parsed: unknown = parser.parse(text, true)
    if (typeof parsed === 'object' && parsed !== null) return parsed as XmlNode // parse returns an object for a document
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // fast-xml-parser reports validation errors as "message:line:col".
    const match = /^(.*):(\d+):(\d+)$/s.exec(message)
    // Unclosed elements at the end come as `Invalid '["Document","Stmt"]' found.`
    const unclosed = /^Invalid '\[(.*)\]' found\.?$/s.exec(match?.[1] ?? '')?.[1]
    const last = unclosed?.split(',').at(-1)?.replace(/["\s]/g, '')
    issues.push({
      path:
        last !== undefined ? 'end of file' : match ? `line ${match[2]}, column ${match[3]}` : '$',
      message:
        last !== undefined
          ? `the file ends before <${excerpt(last, 40)}> is closed: is it truncated?`
          : `not well-formed XML: ${excerpt(match?.[1] ?? message, 200)}${
              Number(match?.[2]) >= text.split('\n').length
                ? ' (the file stops there: is it truncated?)'
                : ''
            }`,
      severity: 'error',
    })
    return undefined
  }
  issues.push({ path: '$', message: 'not an XML document', severity: 'error' })
  return undefined
}

const isNode = (value: unknown): value is XmlNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The first child element `name`, if it is an element. */
export const child = (node: unknown, name: string): XmlNode | undefined => {
  if (!isNode(node)) return undefined
  const value = node[name]
  const first: unknown = Array.isArray(value) ? value[0] : value
  return isNode(first) ? first : undefined
}

/** Every child element or value named `name`, as a list. */
export const children = (node: unknown, name: string): unknown[] => {
  if (!isNode(node)) return []
  const value = node[name]
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

/** The text of child `name` (or of the node itself when `name` is omitted), trimmed. */
export const text = (node: unknown, name?: string): string | undefined => {
  const value: unknown = name === undefined ? node : (children(node, name)[0] ?? undefined)
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim()
  if (typeof value === 'number') return String(value)
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'].trim() || undefined
  return undefined
}

/** The text at a path of child names: `textAt(acct, 'Id', 'IBAN')`. */
export const textAt = (node: unknown, ...path: string[]): string | undefined => {
  let current: unknown = node
  for (const name of path.slice(0, -1)) current = child(current, name)
  const last = path[path.length - 1]
  return last === undefined ? text(current) : text(current, last)
}

/** An attribute of a node (`attribute(amt, 'Ccy')`). */
export const attribute = (node: unknown, name: string): string | undefined => {
  if (!isNode(node)) return undefined
  const value = node[`@${name}`]
  return typeof value === 'string' ? value.trim() : undefined
}
