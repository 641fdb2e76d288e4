/**
 * Field 86 ("information to account owner") in its three usual dialects, turned into one
 * description:
 *
 * - German DFÜ structure (Sparkassen, Volksbanken, Deutsche Bank …): `166?00GUTSCHRIFT?20…?32…`,
 *   a 3-digit business code then `?nn` subfields: 00 booking text, 20–29 and 60–63 purpose,
 *   32–33 counterparty name. SEPA purpose keywords (`EREF+`, `SVWZ+` …) are reduced to the
 *   purpose text (`SVWZ+`) when present.
 * - Slash-keyed structure (ING, ABN AMRO, Rabobank, Belgian banks): `/TRTP/SEPA
 *   OVERBOEKING/IBAN/…/NAME/…/REMI/…`; the counterparty name and remittance text are kept.
 * - Free text (most French and British banks): kept as written.
 *
 * Knowingly wrong: a free-text field that happens to start with `/KEY/` of a known key is read
 * as structured.
 */

/**
 * Joins continuation lines. Structured dialects wrap anywhere (their markers delimit the parts);
 * free text is wrapped by the bank at 65 characters, possibly inside a word: a full line joins the
 * next without a space. The first line counts as full at 61 characters too, for banks that count
 * the `:86:` tag in the 65.
 */
const joinLines = (lines: readonly string[], structured: boolean): string => {
  if (structured) return lines.join('')
  let out = ''
  lines.forEach((line, index) => {
    const previous = lines[index - 1]
    const isWrapped =
      previous !== undefined && (previous.length === 65 || (index === 1 && previous.length === 61))
    out += index === 0 || isWrapped ? line : ` ${line}`
  })
  return out
}

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim()

const GERMAN = /^\d{3}\?/

const readGerman = (text: string): string => {
  const fields = new Map<string, string>()
  for (const match of text.matchAll(/\?(\d{2})([^?]*)/g)) {
    const [, key = '', value = ''] = match
    fields.set(key, (fields.get(key) ?? '') + value)
  }
  const purposeKeys = [
    '20',
    '21',
    '22',
    '23',
    '24',
    '25',
    '26',
    '27',
    '28',
    '29',
    '60',
    '61',
    '62',
    '63',
  ]
  let purpose = purposeKeys.map((key) => fields.get(key) ?? '').join('')
  const svwz = /SVWZ\+(.*?)(?=\b[A-Z]{4}\+|$)/.exec(purpose)?.[1]
  if (svwz !== undefined) purpose = svwz
  else if (/\b(EREF|KREF|MREF|CRED|ABWA|ABWE)\+/.test(purpose))
    purpose = purpose.replace(/\b[A-Z]{4}\+\S*/g, '')
  const name = `${fields.get('32') ?? ''}${fields.get('33') ?? ''}`
  return clean([fields.get('00') ?? '', name, purpose].join(' '))
}

/** Keys of the slash-keyed dialect (SWIFT "structured 86" as used by Dutch and Belgian banks). */
const SLASH_KEYS = [
  'TRTP',
  'IBAN',
  'BIC',
  'NAME',
  'REMI',
  'EREF',
  'MARF',
  'CSID',
  'ORDP',
  'BENM',
  'ID',
  'ADDR',
  'CNTP',
  'PREF',
  'RTRN',
  'USTD',
  'STRD',
  'ISDT',
  'SVCL',
  'PURP',
  'ULTC',
  'ULTD',
  'EXCH',
  'CHGS',
] as const

const SLASH = new RegExp(`/(${SLASH_KEYS.join('|')})/`, 'g')

const readSlashKeyed = (text: string): string => {
  const parts: { key: string; value: string }[] = []
  const matches = [...text.matchAll(SLASH)]
  matches.forEach((match, index) => {
    const start = (match.index ?? 0) + match[0].length
    const end = matches[index + 1]?.index ?? text.length
    parts.push({ key: match[1] ?? '', value: text.slice(start, end) })
  })
  const value = (key: string) => parts.find((part) => part.key === key)?.value ?? ''
  // ABN AMRO: /CNTP/account/bic/name/city/ ; others: /NAME/.
  const name = value('NAME') || (value('CNTP').split('/')[2] ?? '')
  const remittance =
    value('REMI')
      .replace(/^USTD\/\//, '')
      .replace(/\/+$/, '') || value('USTD')
  const kind = value('TRTP')
  return clean([name, remittance].filter((p) => p !== '').join(' ') || kind)
}

const isSlashKeyed = (text: string): boolean => {
  const first = /^\/([A-Z]{2,4})\//.exec(text)?.[1]
  return first !== undefined && (SLASH_KEYS as readonly string[]).includes(first)
}

/** The description of one `:86:` field, whatever its dialect. */
export const describeField86 = (lines: readonly string[]): string => {
  const structured = joinLines(lines, true)
  if (GERMAN.test(structured)) return readGerman(structured)
  if (isSlashKeyed(structured)) return readSlashKeyed(structured)
  return clean(joinLines(lines, false))
}
