/**
 * Step 5: remove SEPA and payment identifiers with the keyword that introduces them: creditor
 * ids (`FR94ZZZ412211`, `ICS FR28ZZZ12211`, `ID EMETTEUR/…`), mandate references (`RUM …`,
 * `MDT/…`, `MANDAT …`, `MANDATSREF …`), end-to-end and payment references (`REF/…`, `REF : …`,
 * `E2E …`, `EREF+…`, `KREF+…`, `NOTPROVIDED`). What follows the keyword is one opaque token.
 */
const CREDITOR_ID = /\b[A-Z]{2}\d{2}[A-Z0-9]{0,3}ZZZ[A-Z0-9]*/g
// Keywords always followed by an identifier: the next token goes, whatever it looks like
// when it holds a digit, or when it is a long hexadecimal number (`REF : EFEFEFEFEF`).
const ID_KEYWORDS =
  'ICS|RUM|MDT|MANDAT|MANDATE|MANDATSREF|MANDATSREFERENZ|GLAUBIGER ?ID|CREDITOR ?ID|ID EMETTEUR|ID CREANCIER|REF(?:ERENCE|ERENZ|ERENCIA)?|EREF|KREF|MREF|E2E|END TO END|ENDTOEND|KENMERK'
// Short keywords that are also words (`NO`, `NUM`): only a token holding a digit goes.
const NUMBER_KEYWORDS = 'NUM|NO|NR|N°|CRED|TRANSACTIE'
const KEYWORD_IDS = new RegExp(
  `\\b(?:${ID_KEYWORDS})\\b[ :./+#-]*(?:(?=[A-Z0-9/-]*\\d)[A-Z0-9][A-Z0-9/-]*|[A-F0-9]{8,}\\b)` +
    `|\\b(?:${NUMBER_KEYWORDS})\\b[ :./+#-]*(?=[A-Z0-9/-]*\\d)[A-Z0-9][A-Z0-9/-]*`,
  'g',
)
const NOT_PROVIDED = /\bNOTPROVIDED\b/g

// The cheap `includes` checks skip passes that cannot match: this runs on every description.
export const removeSepaIds = (text: string): string => {
  let out = text.replace(KEYWORD_IDS, ' ')
  if (out.includes('ZZZ')) out = out.replace(CREDITOR_ID, ' ')
  if (out.includes('NOTPROVIDED')) out = out.replace(NOT_PROVIDED, ' ')
  return out
}
