/**
 * OFX 1.x is SGML: leaf elements are not closed (`<TRNAMT>-12.50` then the next tag). This turns
 * it into XML in one linear pass, so that the same XML parser reads OFX 1.x and 2.x: a tag
 * followed by text is a leaf and gets its closing tag (a closing tag already there is kept, not
 * doubled); a tag followed by another tag is an aggregate, closed by the file itself.
 */

const TAG = /<(\/?)([A-Za-z0-9._]+)\s*>([^<]*)/g

/** `&` that does not start an entity → `&amp;`; `>` is harmless in text but escaped for clarity. */
const escapeText = (text: string): string =>
  text.replace(/&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;').replace(/>/g, '&gt;')

/**
 * The XML form of an OFX body (from `<OFX>` on). Line breaks are kept where they were, so that
 * a parse error points at the line of the original file (`linesBefore` = header lines).
 */
export const sgmlToXml = (body: string, linesBefore = 0): string => {
  const out: string[] = ['\n'.repeat(linesBefore)]
  const breaks = (segment: string) => '\n'.repeat(segment.split('\n').length - 1)
  let closeToSkip: string | undefined
  for (const match of body.matchAll(TAG)) {
    const [segment, slash, name = '', rawText = ''] = match
    const value = rawText.trim()
    if (slash === '/') {
      out.push(closeToSkip === name ? breaks(segment) : `</${name}>${breaks(segment)}`)
      closeToSkip = undefined
      continue
    }
    closeToSkip = undefined
    if (value === '') {
      out.push(`<${name}>${breaks(segment)}`)
    } else {
      out.push(`<${name}>${escapeText(value)}</${name}>${breaks(segment)}`)
      closeToSkip = name
    }
  }
  return out.join('')
}
