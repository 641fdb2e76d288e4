/**
 * Words around a name that are not the name: civil titles and company legal forms of the six
 * markets, upper-case without dots as normalisation leaves them (`S.A.R.L.` → `SARL`,
 * `B.V.` → `BV`, `e.V.` → `EV`). Data only; counterparty extraction drops them.
 */

/** Civil titles before a person's name (`M. POTTER`, `MRS J SMITH`, `DHR J JANSEN`). */
export const CIVIL_TITLES: ReadonlySet<string> = new Set([
  // fr
  'M',
  'MR',
  'MME',
  'MLLE',
  'MONSIEUR',
  'MADAME',
  'MADEMOISELLE',
  // en
  'MRS',
  'MS',
  'MISS',
  'MX',
  'DR',
  // es
  'SR',
  'SRA',
  'SRTA',
  // nl
  'DHR',
  'MEVR',
  'MEVROUW',
  'HEER',
  // de
  'HR',
  'HERR',
  'FRAU',
])

/** Legal forms that are never a name's first word: dropped wherever they stand. */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  // fr
  'SA',
  'SAS',
  'SASU',
  'SARL',
  'EURL',
  'SNC',
  'SCI',
  'SCA',
  'SCS',
  'SCP',
  'SCM',
  'SCOP',
  'SELARL',
  'SELAS',
  'SAEM',
  'GIE',
  'EIRL',
  // en
  'LIMITED',
  'LTD',
  'PLC',
  'LLP',
  'LLC',
  'INC',
  // es
  'SL',
  'SLU',
  'SAU',
  'SLL',
  'SCOOP',
  // nl, be
  'BV',
  'NV',
  'VOF',
  'CV',
  'CVBA',
  'BVBA',
  'SPRL',
  'SRL',
  'SCRL',
  'VZW',
  'ASBL',
  // de
  'GMBH',
  'MBH',
  'KG',
  'KGAA',
  'OHG',
  'UG',
  'EG',
  'GBR',
  // eu, it
  'SE',
  'SPA',
])

/**
 * Legal forms that can also start a name (`AG HOMALONE` is a letting agency, `CO` and `CIE`
 * are words of their own): dropped only after the name they qualify (`SIEMENS AG`,
 * `DUPONT ET CIE`, `SMITH & CO`, `TURNVEREIN EV`).
 */
export const LEGAL_FORMS_AFTER_NAME: ReadonlySet<string> = new Set([
  'AG',
  'CO',
  'CIE',
  'EV',
  'CORP',
])
