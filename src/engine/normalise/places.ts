/**
 * Where a card payment was made, printed after the merchant's name (`CARREFOUR CITY PARIS FR`,
 * `MERCADONA ZARAGOZA ES`, `ALBERT HEIJN AMSTERDAM NLD`): the card schemes' merchant record is
 * name, city, country. The place changes with the shop, not with the merchant, so it is left
 * out of the label root (the same chain in two towns is one payee) and of the counterparty.
 *
 * Only the very last words are read, and only after other words: `BE`, `DE`, `ES` and `NL` are
 * words too (`DE` in French, Spanish and Dutch), and a city name can be a family name.
 * Knowingly missed: a town that is not listed below (the country code still goes), a city of
 * two words (`DEN HAAG`, `LE HAVRE`: only its last word is listed when it is unambiguous).
 */

/** ISO 3166 alpha-2 and alpha-3 codes of the six markets, and `UK` as British banks print it. */
export const COUNTRY_CODES: ReadonlySet<string> = new Set([
  'FR',
  'FRA',
  'GB',
  'GBR',
  'UK',
  'ES',
  'ESP',
  'NL',
  'NLD',
  'BE',
  'BEL',
  'DE',
  'DEU',
])

/**
 * Larger cities of the six markets, upper-case without accents, in the spellings banks print.
 * Left out on purpose: names that are also common words or first names at the end of a line
 * (NICE, TOURS, BATH, READING, ESSEN, LEON, NANCY, SANTANDER, SANTIAGO, SEBASTIAN, HALLE).
 */
export const CITIES: ReadonlySet<string> = new Set([
  // fr
  'PARIS',
  'MARSEILLE',
  'LYON',
  'TOULOUSE',
  'NANTES',
  'STRASBOURG',
  'MONTPELLIER',
  'BORDEAUX',
  'LILLE',
  'RENNES',
  'REIMS',
  'TOULON',
  'GRENOBLE',
  'DIJON',
  'ANGERS',
  'NIMES',
  'VILLEURBANNE',
  'BREST',
  'LIMOGES',
  'AMIENS',
  'PERPIGNAN',
  'METZ',
  'BESANCON',
  'ORLEANS',
  'ROUEN',
  'MULHOUSE',
  'CAEN',
  'AVIGNON',
  'POITIERS',
  'CANNES',
  'VERSAILLES',
  'NANTERRE',
  'CRETEIL',
  'ANNECY',
  'HAVRE',
  // uk
  'LONDON',
  'MANCHESTER',
  'BIRMINGHAM',
  'LEEDS',
  'GLASGOW',
  'LIVERPOOL',
  'BRISTOL',
  'SHEFFIELD',
  'EDINBURGH',
  'CARDIFF',
  'LEICESTER',
  'NOTTINGHAM',
  'NEWCASTLE',
  'BELFAST',
  'BRIGHTON',
  'SOUTHAMPTON',
  'PORTSMOUTH',
  'PLYMOUTH',
  'COVENTRY',
  'ABERDEEN',
  'NORWICH',
  'EXETER',
  'DERBY',
  'SWANSEA',
  'WOLVERHAMPTON',
  // es
  'MADRID',
  'BARCELONA',
  'VALENCIA',
  'SEVILLA',
  'ZARAGOZA',
  'MALAGA',
  'MURCIA',
  'BILBAO',
  'ALICANTE',
  'CORDOBA',
  'VALLADOLID',
  'VIGO',
  'GIJON',
  'GRANADA',
  'CORUNA',
  'VITORIA',
  'OVIEDO',
  'PAMPLONA',
  'SALAMANCA',
  'CADIZ',
  'BURGOS',
  'ALMERIA',
  'TARRAGONA',
  'GIRONA',
  'DONOSTIA',
  // nl
  'AMSTERDAM',
  'ROTTERDAM',
  'UTRECHT',
  'EINDHOVEN',
  'GRONINGEN',
  'TILBURG',
  'ALMERE',
  'BREDA',
  'NIJMEGEN',
  'HAARLEM',
  'ARNHEM',
  'ZWOLLE',
  'LEIDEN',
  'MAASTRICHT',
  'DELFT',
  'APELDOORN',
  'ENSCHEDE',
  'AMERSFOORT',
  'GRAVENHAGE',
  // be
  'BRUXELLES',
  'BRUSSEL',
  'BRUSSELS',
  'ANTWERPEN',
  'ANVERS',
  'GENT',
  'GAND',
  'CHARLEROI',
  'LIEGE',
  'LUIK',
  'BRUGGE',
  'BRUGES',
  'NAMUR',
  'LEUVEN',
  'LOUVAIN',
  'MECHELEN',
  'AALST',
  'HASSELT',
  'KORTRIJK',
  'OOSTENDE',
  // de
  'BERLIN',
  'HAMBURG',
  'MUENCHEN',
  'MUNCHEN',
  'KOELN',
  'KOLN',
  'FRANKFURT',
  'STUTTGART',
  'DUESSELDORF',
  'DUSSELDORF',
  'DORTMUND',
  'LEIPZIG',
  'BREMEN',
  'DRESDEN',
  'HANNOVER',
  'NUERNBERG',
  'NURNBERG',
  'DUISBURG',
  'BOCHUM',
  'WUPPERTAL',
  'BIELEFELD',
  'BONN',
  'MANNHEIM',
  'KARLSRUHE',
  'AUGSBURG',
  'WIESBADEN',
  'AACHEN',
  'KIEL',
  'FREIBURG',
  'MAINZ',
  'ROSTOCK',
  'KASSEL',
])

/** Why two: `CB PARIS FR` or `VIR DE` keep their last word; the place must follow a name. */
const MIN_WORDS_BEFORE = 2

/**
 * Where the trailing place starts in `words[0, end)`: `end` itself when there is none.
 * @example
 * placeStart(['CB', 'CARREFOUR', 'CITY', 'PARIS', 'FR'], 5) // 3
 */
export const placeStart = (
  words: readonly string[],
  end: number,
  minBefore = MIN_WORDS_BEFORE,
): number => {
  let at = end
  if (at - 1 >= minBefore && COUNTRY_CODES.has(words[at - 1] ?? '')) at--
  if (at - 1 >= minBefore && CITIES.has(words[at - 1] ?? '')) at--
  return at
}

const LETTERS = 26
const A = 65
/** Longest listed place: longer last words are no place without a look-up. */
const MAX_PLACE_LENGTH = Math.max(...[...COUNTRY_CODES, ...CITIES].map((place) => place.length))

/** Index of a word's length, first and last letter in `MAY_BE_PLACE`, or -1 outside it. */
const shapeOf = (length: number, first: number, last: number): number =>
  length > MAX_PLACE_LENGTH || first < A || first >= A + LETTERS || last < A || last >= A + LETTERS
    ? -1
    : (length * LETTERS + first - A) * LETTERS + last - A

/**
 * 1 for each length, first and last letter some place has: lets `withoutTrailingPlace` rule out
 * almost every text from three character codes, without slicing and hashing its last word
 * (the label root is computed for every distinct description). Built once, never written after.
 */
const MAY_BE_PLACE: Readonly<Uint8Array> = (() => {
  const table = new Uint8Array((MAX_PLACE_LENGTH + 1) * LETTERS * LETTERS)
  for (const place of [...COUNTRY_CODES, ...CITIES]) {
    table[shapeOf(place.length, place.charCodeAt(0), place.charCodeAt(place.length - 1))] = 1
  }
  return table
})()

/**
 * Whether the word of `text` starting at `lastStart` and ending the text may be a place: a
 * look-up in `MAY_BE_PLACE`, no slicing. False means surely not.
 */
export const mayEndWithPlace = (text: string, lastStart: number): boolean => {
  const shape = shapeOf(
    text.length - lastStart,
    text.charCodeAt(lastStart),
    text.charCodeAt(text.length - 1),
  )
  return shape >= 0 && MAY_BE_PLACE[shape] === 1
}

/**
 * `text` (words separated by one space) without its trailing place.
 * @param lastStart where the last word starts, when the caller knows it
 */
export const withoutTrailingPlace = (
  text: string,
  lastStart = text.lastIndexOf(' ') + 1,
): string => {
  // One word or none: nothing precedes a place.
  if (lastStart === 0 || !mayEndWithPlace(text, lastStart)) return text
  const lastWord = text.slice(lastStart)
  if (!COUNTRY_CODES.has(lastWord) && !CITIES.has(lastWord)) return text
  const words = text.split(' ')
  const at = placeStart(words, words.length)
  return at === words.length ? text : words.slice(0, at).join(' ')
}
