/**
 * Step 6: remove SEPA and payment identifiers with the keyword that introduces them: creditor
 * ids (`FR94ZZZ412211`, `ICS FR28ZZZ12211`, `ID EMETTEUR/…`), mandate references (`RUM …`,
 * `MDT/…`, `MANDAT …`, `MANDATSREF …`, `MACHTIGING …`, `/MARF/…`), end-to-end and payment
 * references (`REF/…`, `REF : …`, `E2E …`, `EREF+…`, `KREF+…`, `/ROC/…`, `/RFB/…`,
 * `NOTPROVIDED`), bank codes (`BIC: DEUTDEFF`) and account numbers printed in groups
 * (`IBAN: NL91 ABNA 0417 1643 00`). What follows the keyword is one opaque token.
 *
 * The field labels themselves stay (`NAAM`, `OMSCHRIJVING`, `SVWZ`, `ABWA`, `/NAME/`,
 * `/REMI/`): they are the same every month, and counterparty extraction reads the payee's name
 * after them and stops at the next one. The payee's name and the remittance text stay.
 */
const CREDITOR_ID = /\b[A-Z]{2}\d{2}[A-Z0-9]{0,3}ZZZ[A-Z0-9]*/g
// Keywords always followed by an identifier: the next token goes, whatever it looks like
// when it holds a digit, or when it is a long hexadecimal number (`REF : EFEFEFEFEF`).
const ID_KEYWORDS =
  'ICS|RUM|MDT|MANDAT|MANDATE|MANDATSREF|MANDATSREFERENZ|MACHTIGING|MACHTIGINGSKENMERK|INCASSANT ?ID|GLAUBIGER ?ID|CREDITOR ?ID|ID EMETTEUR|ID CREANCIER|REF(?:ERENCE|ERENZ|ERENCIA)?|EREF|KREF|MREF|E2E|END TO END|ENDTOEND|KENMERK|BETALINGSKENMERK|ROC|RFB|MARF|CSID'
// Short keywords that are also words (`NO`, `NUM`): only a token holding a digit goes.
const NUMBER_KEYWORDS = 'NUM|NO|NR|N°|CRED|TRANSACTIE'
// A BIC: bank, country, place and optional branch (`DEUTDEFF`, `ABNANL2A`, `BBVAESMMXXX`).
const BIC = '[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\\b'
// An IBAN in groups of four: country and check digits, the bank's code (letters in NL and GB),
// then digits only, so a word after the last group is not taken for one.
const IBAN = '[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){1,2}(?: ?\\d{4})*(?: ?\\d{1,3})?\\b'
// The identifier: one token holding a digit. It runs on past a `/` only while the next part
// holds a digit too (`2026/03/001`), so a SWIFT-style field list (`/ROC/AB123/RFB/…/NAME/…`)
// loses each value, not the fields after it.
const ID = '(?=[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9-]*(?:/(?=[A-Z0-9-]*\\d)[A-Z0-9-]+)*'
const KEYWORD_IDS = new RegExp(
  `\\b(?:${ID_KEYWORDS})\\b[ :./+#-]*(?:${ID}|[A-F0-9]{8,}\\b)` +
    `|\\b(?:${NUMBER_KEYWORDS})\\b[ :./+#-]*${ID}`,
  'g',
)
// The label stays (`IBAN`, `BIC`), as when the number is printed in one piece and dropped by
// the reference step: the same text either way.
const BANK_CODES = new RegExp(`\\b(?:(IBAN)\\b[ :./+#-]*${IBAN}|(BIC)\\b[ :./+#-]*${BIC})`, 'g')
const NOT_PROVIDED = /\bNOTPROVIDED\b/g

// The cheap `includes` checks skip passes that cannot match: this runs on every description.
export const removeSepaIds = (text: string): string => {
  let out = text.replace(KEYWORD_IDS, ' ')
  if (out.includes('IBAN') || out.includes('BIC'))
    out = out.replace(BANK_CODES, (_match, iban?: string, bic?: string) => ` ${iban ?? bic ?? ''} `)
  if (out.includes('ZZZ')) out = out.replace(CREDITOR_ID, ' ')
  if (out.includes('NOTPROVIDED')) out = out.replace(NOT_PROVIDED, ' ')
  return out
}
