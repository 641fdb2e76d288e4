/**
 * Organisation or person? The whole-account passes only give a payer an organisation's role
 * (employer, lender) when its name reads as an organisation's. A name reads as a person's when
 * a civil title comes before it (`M`, `MME`, `MRS`, `HR`, `FRAU`, `SRA`, `DHR`, `MEVR` …), when
 * it shares a word with a holder's name (the holder, or a relative with the same family name),
 * when it starts with an initial (`J SMITH`) or a common first name (`JUAN GARCIA LOPEZ`), or
 * when it names family (`MUM AND DAD`, `PADRES`, `OUDERS`, `ELTERN`).
 * Knowingly wrong: a person named with one uncommon first name and a family name
 * (`KEES BAKKER`) reads as an organisation unless a title or a holder's name gives them away; a
 * firm named after its founder without a legal form (`JOHN LEWIS`) reads as a person.
 */

/** Civil titles in the five markets' descriptions (normalised: no dots, no accents). */
const TITLES: ReadonlySet<string> = new Set([
  'M',
  'MR',
  'MME',
  'MLLE',
  'MRS',
  'MS',
  'MISS',
  'MONSIEUR',
  'MADAME',
  'HR',
  'HERR',
  'HERRN',
  'FRAU',
  'SR',
  'SRA',
  'SRTA',
  'DON',
  'DONA',
  'DHR',
  'MEVR',
  'MW',
  'DR',
])

/**
 * Common first names in FR, UK, ES, NL, BE, DE (a few per letter, the most frequent adults'
 * names): enough to catch most transfers from relatives and friends, short enough to read.
 */
const FIRST_NAMES: ReadonlySet<string> = new Set([
  'ADAM',
  'ALAIN',
  'ALBERT',
  'ALEXANDRA',
  'ALEXANDRE',
  'ALICE',
  'ANA',
  'ANDREAS',
  'ANDREW',
  'ANGEL',
  'ANNA',
  'ANNE',
  'ANTOINE',
  'ANTONIO',
  'BERNARD',
  'BRUNO',
  'CARLOS',
  'CAROLINE',
  'CARMEN',
  'CATHERINE',
  'CHRISTIAN',
  'CHRISTINE',
  'CHRISTOPHE',
  'CLAIRE',
  'DANIEL',
  'DANIELLE',
  'DAVID',
  'DIRK',
  'DOMINIQUE',
  'ELENA',
  'EMMA',
  'ERIC',
  'FRANCISCO',
  'FRANCOIS',
  'FRANK',
  'FREDERIC',
  'GEORGE',
  'GERARD',
  'HANS',
  'HELENE',
  'ISABEL',
  'ISABELLE',
  'JACQUES',
  'JAMES',
  'JAN',
  'JAVIER',
  'JEAN',
  'JEROEN',
  'JESUS',
  'JOHN',
  'JORGE',
  'JOSE',
  'JUAN',
  'JULIE',
  'JURGEN',
  'KAREN',
  'KLAUS',
  'LAURA',
  'LAURENT',
  'LUC',
  'LUCAS',
  'LUIS',
  'MANUEL',
  'MARC',
  'MARIA',
  'MARIE',
  'MARK',
  'MARTINE',
  'MICHAEL',
  'MICHEL',
  'MIGUEL',
  'MONIQUE',
  'NATHALIE',
  'NICOLAS',
  'PABLO',
  'PASCAL',
  'PATRICK',
  'PAUL',
  'PEDRO',
  'PETER',
  'PHILIPPE',
  'PIERRE',
  'PIETER',
  'RAFAEL',
  'RICHARD',
  'ROBERT',
  'SANDRINE',
  'SARAH',
  'SOPHIE',
  'STEFAN',
  'STEPHANE',
  'SUSAN',
  'SYLVIE',
  'THOMAS',
  'WILLEM',
  'WOLFGANG',
])

/** Family words: money from "MUM AND DAD", "PADRES MARTINEZ", "OUDERS DE VRIES" is a person's. */
const FAMILY: ReadonlySet<string> = new Set([
  'MUM',
  'MOM',
  'DAD',
  'MUMMY',
  'PARENTS',
  'GRANDMA',
  'GRANDAD',
  'NAN',
  'SISTER',
  'BROTHER',
  'UNCLE',
  'AUNT',
  'MAMAN',
  'PAPA',
  'MAMA',
  'MAMIE',
  'PAPY',
  'PAPI',
  'FAMILLE',
  'FRERE',
  'SOEUR',
  'ONCLE',
  'TANTE',
  'PADRES',
  'MADRE',
  'PADRE',
  'ABUELA',
  'ABUELO',
  'HERMANO',
  'HERMANA',
  'FAMILIA',
  'OUDERS',
  'MOEDER',
  'VADER',
  'OMA',
  'OPA',
  'BROER',
  'ZUS',
  'ELTERN',
  'MUTTER',
  'VATER',
  'BRUDER',
  'SCHWESTER',
  'FAMILIE',
])

/** The holders' names as words: each holder's words, and every word of them (family names). */
export interface HolderNames {
  readonly holders: readonly (readonly string[])[]
  readonly words: ReadonlySet<string>
}

export const holderNamesOf = (holders: readonly (readonly string[])[]): HolderNames => ({
  holders,
  // Two-letter words (`LE`, `DE`) would match too much; family names are longer.
  words: new Set(holders.flat().filter((w) => w.length >= 3)),
})

/**
 * Whether the payee `name` (as the categoriser extracted it, titles dropped) found in
 * `words` (the normalised description) reads as a person's name.
 */
export const isPersonName = (
  name: string,
  words: readonly string[],
  holders: HolderNames,
): boolean => {
  const nameWords = name.split(' ')
  const first = nameWords[0] ?? ''
  // A civil title right before the name, or anywhere in a description that names nobody else.
  const at = words.indexOf(first)
  if (TITLES.has(first) || (at > 0 && TITLES.has(words[at - 1] ?? ''))) return true
  if (nameWords.some((w) => holders.words.has(w) || FAMILY.has(w))) return true
  if (nameWords.length >= 2 && (first.length === 1 || FIRST_NAMES.has(first))) return true
  return false
}
