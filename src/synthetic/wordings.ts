/**
 * How each market's banks word transactions, from real statement lines (names and references
 * invented). One entry per country; every function returns a description.
 */
export type Country = 'FR' | 'UK' | 'ES' | 'NL' | 'BE' | 'DE'
export const COUNTRIES: readonly Country[] = ['FR', 'UK', 'ES', 'NL', 'BE', 'DE']

export interface Wording {
  currency: string
  bank: { name: string; bic: string; ibanPrefix: string }
  employers: readonly string[]
  landlords: readonly string[]
  groceries: readonly string[]
  shops: readonly string[]
  restaurants: readonly string[]
  energy: readonly string[]
  telecom: readonly string[]
  insurers: readonly string[]
  /** Consumer-credit lenders (personal loans, revolving). */
  lenders: readonly string[]
  splitProviders: readonly string[]
  /** Short-term (payday) lenders of the market, as the dictionaries name them. */
  paydayLenders: readonly string[]
  /** The money a payday lender pays out. */
  paydayLoan: (lender: string) => string
  gambling: readonly string[]
  salary: (employer: string, month: string) => string
  pension: (month: string) => string
  /** The complementary or occupational pension. */
  supplementaryPension: (month: string) => string
  allowance: (month: string) => string
  clientPayment: (client: string, ref: string) => string
  rent: (landlord: string) => string
  mortgage: (ref: string) => string
  card: (merchant: string, day: string) => string
  directDebit: (creditor: string, ref: string) => string
  loan: (lender: string, ref: string) => string
  split: (provider: string, n: number) => string
  withdrawal: (day: string) => string
  bankFees: string
  rejection: (creditor: string) => string
  rejectionFee: (amount: string) => string
  overdraftInterest: string
  debtRecovery: (ref: string) => string
  toSavings: string
  fromChecking: string
  parents: string
}

export const WORDINGS: Readonly<Record<Country, Wording>> = {
  FR: {
    currency: 'EUR',
    bank: { name: 'Banque Exemple', bic: 'BNPAFRPPXXX', ibanPrefix: 'FR76' },
    employers: ['FNAC DARTY PARTICIPATIONS', 'DECATHLON SE', 'SNCF VOYAGEURS', 'CAPGEMINI FRANCE'],
    landlords: ['AG HOMALONE', 'FONCIA GESTION', 'NEXITY LAMY'],
    groceries: ['CARREFOUR', 'LECLERC', 'INTERMARCHE', 'MONOPRIX', 'LIDL'],
    shops: ['FNAC', 'DECATHLON', 'AMAZON PAYMENTS', 'ZARA'],
    restaurants: ['MCDONALDS', 'BRASSERIE DU PARC', 'DELIVEROO'],
    energy: ['EDF CLIENTS PARTICULIERS', 'ENGIE'],
    telecom: ['BOUYGUES TELECOM', 'ORANGE SA', 'FREE MOBILE'],
    insurers: ['MAIF', 'MACIF', 'LUKO COVER SAS'],
    lenders: ['COFIDIS', 'CETELEM', 'SOFINCO', 'FRANFINANCE', 'CREDIPAR'],
    splitProviders: ['ONEY', 'ALMA', 'KLARNA'],
    paydayLenders: ['FERRATUM', 'CREDITSTAR', 'MONEFY'],
    paydayLoan: (l) => `VIR SEPA RECU /DE ${l} /MOTIF VERSEMENT CREDIT`,
    gambling: ['FDJ', 'PMU', 'BETCLIC', 'WINAMAX'],
    salary: (e, m) => `VIR SEPA RECU /DE ${e} /MOTIF SALAIRE ${m} /REF ${m.replace('-', '')}`,
    pension: (m) => `VIR SEPA RECU /DE CNAV RETRAITE /MOTIF PENSION ${m}`,
    supplementaryPension: (m) =>
      `VIR SEPA RECU /DE AGIRC-ARRCO /MOTIF RETRAITE COMPLEMENTAIRE ${m}`,
    allowance: (m) => `VIR SEPA RECU /DE CAF DE PARIS /MOTIF PRESTATIONS ${m}`,
    clientPayment: (c, r) => `VIR SEPA RECU /DE ${c} /MOTIF FACTURE ${r}`,
    rent: (l) => `VIREMENT EMIS ${l} LOYER`,
    mortgage: (r) => `PRET IMMOBILIER ECH ${r}`,
    card: (m, d) => `PAIEMENT CB ${d} ${m} CARTE 4978`,
    directDebit: (c, r) => `PRLV SEPA ${c} ECH/${r}`,
    loan: (l, r) => `PRLV SEPA ${l} ECHEANCE PRET ${r}`,
    split: (p, n) => `CARTE X2518 ${n}X CB ${p} COMMERCE ELECTRONIQUE`,
    withdrawal: (d) => `RETRAIT DAB ${d} PARIS 11`,
    bankFees: 'COTISATION CARTE ET COMPTE',
    rejection: (c) => `REJET PRLV SEPA ${c}`,
    rejectionFee: (a) => `FRAIS PRLV IMP ${a}EUR PROVISION INSUFFISANTE`,
    overdraftInterest: 'INTERETS DEBITEURS TRIMESTRE',
    debtRecovery: (r) => `SAISIE ATTRIBUTION HUISSIER ${r}`,
    toSavings: 'VIREMENT VERS LIVRET A',
    fromChecking: 'VIREMENT DE COMPTE COURANT',
    parents: 'VIREMENT RECU DE M. ET MME DURAND',
  },
  UK: {
    currency: 'GBP',
    bank: { name: 'Example Bank UK', bic: 'NWBKGB2LXXX', ibanPrefix: 'GB29' },
    employers: ['TESCO STORES LTD', 'NHS BUSINESS SERVICES', 'ACME CONSULTING LTD'],
    landlords: ['FOXTONS LETTINGS', 'J SMITH LANDLORD'],
    groceries: ['TESCO STORES', 'SAINSBURYS', 'ASDA SUPERSTORE', 'ALDI'],
    shops: ['AMAZON MARKETPLACE', 'ARGOS', 'PRIMARK', 'BOOTS'],
    restaurants: ['PRET A MANGER', 'GREGGS', 'NANDOS'],
    energy: ['BRITISH GAS', 'OCTOPUS ENERGY'],
    telecom: ['VODAFONE', 'BT GROUP', 'EE LIMITED'],
    insurers: ['AVIVA', 'DIRECT LINE'],
    lenders: ['ZOPA', 'BARCLAYCARD', 'VANQUIS', 'CAPITAL ONE'],
    splitProviders: ['KLARNA', 'CLEARPAY', 'PAYPAL'],
    paydayLenders: ['LENDING STREAM', 'MONEYBOAT', 'QUIDMARKET'],
    paydayLoan: (l) => `FASTER PAYMENT FROM ${l} LOAN ADVANCE`,
    gambling: ['BET365', 'WILLIAM HILL', 'PADDY POWER', 'SKY BET'],
    salary: (e, m) => `FASTER PAYMENT ${e} SALARY ${m}`,
    pension: (m) => `DWP STATE PENSION ${m}`,
    supplementaryPension: (m) => `BACS CREDIT AVIVA OCCUPATIONAL PENSION ${m}`,
    allowance: (m) => `DWP UNIVERSAL CREDIT ${m}`,
    clientPayment: (c, r) => `BANK GIRO CREDIT ${c} INV ${r}`,
    rent: (l) => `STANDING ORDER ${l} RENT`,
    mortgage: (r) => `DIRECT DEBIT NATIONWIDE MORTGAGE ${r}`,
    card: (m, d) => `CARD PAYMENT TO ${m} ON ${d}`,
    directDebit: (c, r) => `DIRECT DEBIT ${c} ${r}`,
    loan: (l, r) => `DIRECT DEBIT ${l} LOAN ${r}`,
    split: (p, n) => `CARD PAYMENT TO ${p} PAY IN ${n}`,
    withdrawal: (d) => `CASH WITHDRAWAL LINK ATM ${d}`,
    bankFees: 'MONTHLY ACCOUNT FEE',
    rejection: (c) => `RETURNED DIRECT DEBIT ${c}`,
    rejectionFee: (a) => `UNPAID DIRECT DEBIT FEE ${a}`,
    overdraftInterest: 'OVERDRAFT INTEREST',
    debtRecovery: (r) => `HMRC DIRECT RECOVERY OF DEBTS ${r}`,
    toSavings: 'TRANSFER TO ISA SAVINGS',
    fromChecking: 'TRANSFER FROM CURRENT ACCOUNT',
    parents: 'FASTER PAYMENT FROM MUM AND DAD',
  },
  ES: {
    currency: 'EUR',
    bank: { name: 'Banco Ejemplo', bic: 'CAIXESBBXXX', ibanPrefix: 'ES91' },
    employers: ['MERCADONA SA', 'TELEFONICA ESPANA', 'INDITEX SA'],
    landlords: ['INMOBILIARIA SOL', 'JUAN GARCIA LOPEZ'],
    groceries: ['MERCADONA', 'CARREFOUR', 'DIA', 'LIDL'],
    shops: ['EL CORTE INGLES', 'ZARA', 'AMAZON EU'],
    restaurants: ['TELEPIZZA', 'BAR LA ESQUINA', 'GLOVO'],
    energy: ['IBERDROLA', 'ENDESA ENERGIA'],
    telecom: ['MOVISTAR', 'VODAFONE ESPANA', 'ORANGE ESPAGNE'],
    insurers: ['MAPFRE', 'MUTUA MADRILENA'],
    lenders: ['CETELEM', 'COFIDIS', 'SANTANDER CONSUMER'],
    splitProviders: ['APLAZAME', 'KLARNA', 'SEQURA'],
    paydayLenders: ['VIVUS', 'WANDOO', 'MONEYMAN'],
    paydayLoan: (l) => `TRANSFERENCIA DE ${l} PRESTAMO`,
    gambling: ['CODERE APUESTAS', 'BET365 ES', 'LOTERIAS Y APUESTAS'],
    salary: (e, m) => `TRANSFERENCIA NOMINA ${e} ${m}`,
    pension: (m) => `PENSION INSS ${m}`,
    supplementaryPension: (m) => `ABONO PLAN PENSIONES BBVA ${m}`,
    allowance: (m) => `PRESTACION SEPE DESEMPLEO ${m}`,
    clientPayment: (c, r) => `TRANSFERENCIA DE ${c} FACTURA ${r}`,
    rent: (l) => `TRANSFERENCIA ALQUILER ${l}`,
    mortgage: (r) => `RECIBO PRESTAMO HIPOTECARIO ${r}`,
    card: (m, d) => `COMPRA TARJ. ${m} ${d}`,
    directDebit: (c, r) => `RECIBO ${c} ${r}`,
    loan: (l, r) => `RECIBO ${l} PRESTAMO ${r}`,
    split: (p, n) => `COMPRA TARJ. ${p} PAGO ${n} PLAZOS`,
    withdrawal: (d) => `RETIRADA CAJERO ${d}`,
    bankFees: 'COMISION MANTENIMIENTO',
    rejection: (c) => `DEVOLUCION RECIBO ${c}`,
    rejectionFee: (a) => `COMISION DEVOLUCION RECIBO ${a}`,
    overdraftInterest: 'INTERESES DESCUBIERTO',
    debtRecovery: (r) => `EMBARGO AEAT ${r}`,
    toSavings: 'TRASPASO A CUENTA AHORRO',
    fromChecking: 'TRASPASO DESDE CUENTA CORRIENTE',
    parents: 'TRANSFERENCIA DE PADRES MARTINEZ',
  },
  NL: {
    currency: 'EUR',
    bank: { name: 'Voorbeeld Bank', bic: 'INGBNL2AXXX', ibanPrefix: 'NL91' },
    employers: ['ALBERT HEIJN BV', 'PHILIPS NEDERLAND BV', 'GEMEENTE UTRECHT'],
    landlords: ['WONINGSTICHTING EIGEN HAARD', 'VESTEDA'],
    groceries: ['ALBERT HEIJN', 'JUMBO', 'LIDL', 'PLUS'],
    shops: ['BOL.COM', 'HEMA', 'COOLBLUE'],
    restaurants: ['THUISBEZORGD', 'CAFE DE JAREN'],
    energy: ['VATTENFALL', 'ENECO'],
    telecom: ['KPN', 'VODAFONEZIGGO', 'ODIDO'],
    insurers: ['ZILVEREN KRUIS', 'CENTRAAL BEHEER'],
    lenders: ['DEFAM', 'INGKREDIET', 'SANTANDER CONSUMER'],
    splitProviders: ['KLARNA', 'IN3', 'RIVERTY'],
    paydayLenders: ['FERRATUM', 'CREDITSTAR', 'MONEFY'],
    paydayLoan: (l) => `SEPA OVERBOEKING ${l} LENING`,
    gambling: ['HOLLAND CASINO', 'TOTO', 'UNIBET'],
    salary: (e, m) => `SEPA OVERBOEKING ${e} SALARIS ${m}`,
    pension: (m) => `SVB AOW UITKERING ${m}`,
    supplementaryPension: (m) => `SEPA OVERBOEKING ABP PENSIOEN ${m}`,
    allowance: (m) => `BELASTINGDIENST TOESLAGEN ${m}`,
    clientPayment: (c, r) => `SEPA OVERBOEKING ${c} FACTUUR ${r}`,
    rent: (l) => `SEPA OVERBOEKING ${l} HUUR`,
    mortgage: (r) => `SEPA INCASSO HYPOTHEEK ${r}`,
    card: (m, d) => `BEA BETAALPAS ${m} ${d}`,
    directDebit: (c, r) => `SEPA INCASSO ${c} ${r}`,
    loan: (l, r) => `SEPA INCASSO ${l} LENING ${r}`,
    split: (p, n) => `SEPA INCASSO ${p} ${n} TERMIJNEN`,
    withdrawal: (d) => `GEA GELDAUTOMAAT ${d}`,
    bankFees: 'KOSTEN BETAALPAKKET',
    rejection: (c) => `STORNERING SEPA INCASSO ${c}`,
    rejectionFee: (a) => `KOSTEN STORNERING ${a}`,
    overdraftInterest: 'RENTE ROOD STAAN',
    debtRecovery: (r) => `BESLAGLEGGING DEURWAARDER ${r}`,
    toSavings: 'OVERBOEKING NAAR SPAARREKENING',
    fromChecking: 'OVERBOEKING VAN BETAALREKENING',
    parents: 'SEPA OVERBOEKING OUDERS DE VRIES',
  },
  BE: {
    currency: 'EUR',
    bank: { name: 'Banque Exemple Belgique', bic: 'GEBABEBBXXX', ibanPrefix: 'BE68' },
    employers: ['COLRUYT GROUP', 'SPF FINANCES', 'PROXIMUS SA'],
    landlords: ['IMMO LOUISE', 'AGENCE TREVI'],
    groceries: ['DELHAIZE', 'COLRUYT', 'CARREFOUR MARKET', 'ALDI'],
    shops: ['MEDIA MARKT', 'KREFEL', 'ZALANDO'],
    restaurants: ['QUICK', 'EXKI', 'DELIVEROO BE'],
    energy: ['ENGIE ELECTRABEL', 'LUMINUS'],
    telecom: ['PROXIMUS', 'ORANGE BELGIUM', 'TELENET'],
    insurers: ['AG INSURANCE', 'ETHIAS'],
    lenders: ['BUY WAY', 'COFIDIS', 'CETELEM'],
    splitProviders: ['KLARNA', 'ALMA'],
    paydayLenders: ['FERRATUM', 'CREDITSTAR', 'MONEFY'],
    paydayLoan: (l) => `VIREMENT EUROPEEN ${l} CREDIT`,
    gambling: ['LOTERIE NATIONALE', 'NAPOLEON GAMES', 'LADBROKES BE'],
    salary: (e, m) => `VIREMENT EUROPEEN ${e} SALAIRE ${m}`,
    pension: (m) => `SERVICE FEDERAL DES PENSIONS PENSION ${m}`,
    supplementaryPension: (m) => `VIREMENT EUROPEEN PENSION COMPLEMENTAIRE AXA ${m}`,
    allowance: (m) => `FAMIWAL ALLOCATIONS FAMILIALES ${m}`,
    clientPayment: (c, r) => `VIREMENT EUROPEEN ${c} FACTURE ${r}`,
    rent: (l) => `ORDRE PERMANENT ${l} LOYER`,
    mortgage: (r) => `DOMICILIATION CREDIT HYPOTHECAIRE ${r}`,
    card: (m, d) => `PAIEMENT BANCONTACT ${m} ${d}`,
    directDebit: (c, r) => `DOMICILIATION EUROPEENNE ${c} ${r}`,
    loan: (l, r) => `DOMICILIATION ${l} PRET ${r}`,
    split: (p, n) => `PAIEMENT ${p} ${n} FOIS`,
    withdrawal: (d) => `RETRAIT BANCONTACT ${d}`,
    bankFees: 'FRAIS DE GESTION COMPTE',
    rejection: (c) => `REFUS DOMICILIATION ${c}`,
    rejectionFee: (a) => `FRAIS REFUS DOMICILIATION ${a}`,
    overdraftInterest: 'INTERETS DEBITEURS',
    debtRecovery: (r) => `SAISIE SUR COMPTE HUISSIER ${r}`,
    toSavings: 'VIREMENT VERS COMPTE EPARGNE',
    fromChecking: 'VIREMENT DU COMPTE A VUE',
    parents: 'VIREMENT DE PARENTS DUBOIS',
  },
  DE: {
    currency: 'EUR',
    bank: { name: 'Beispielbank', bic: 'DEUTDEFFXXX', ibanPrefix: 'DE89' },
    employers: ['SIEMENS AG', 'DEUTSCHE BAHN AG', 'ALDI SUED GMBH'],
    landlords: ['VONOVIA SE', 'HAUSVERWALTUNG MUELLER'],
    groceries: ['REWE', 'EDEKA', 'ALDI SUED', 'LIDL'],
    shops: ['MEDIAMARKT', 'AMAZON EU SARL', 'DM DROGERIE'],
    restaurants: ['LIEFERANDO', 'BAECKEREI SCHMIDT'],
    energy: ['VATTENFALL EUROPE', 'E.ON ENERGIE'],
    telecom: ['TELEKOM DEUTSCHLAND', 'VODAFONE GMBH', 'O2 TELEFONICA'],
    insurers: ['ALLIANZ VERSICHERUNG', 'HUK COBURG'],
    lenders: ['SANTANDER CONSUMER', 'TARGOBANK', 'AUXMONEY'],
    splitProviders: ['KLARNA', 'PAYPAL'],
    paydayLenders: ['VEXCASH', 'CASHPER', 'FERRATUM'],
    paydayLoan: (l) => `GUTSCHRIFT ${l} KREDIT AUSZAHLUNG`,
    gambling: ['TIPICO', 'LOTTO24', 'BWIN'],
    salary: (e, m) => `GEHALT ${e} LOHN/GEHALT ${m}`,
    pension: (m) => `DEUTSCHE RENTENVERSICHERUNG RENTE ${m}`,
    supplementaryPension: (m) => `GUTSCHRIFT VERSORGUNGSWERK BETRIEBSRENTE ${m}`,
    allowance: (m) => `FAMILIENKASSE KINDERGELD ${m}`,
    clientPayment: (c, r) => `GUTSCHRIFT ${c} RECHNUNG ${r}`,
    rent: (l) => `DAUERAUFTRAG ${l} MIETE`,
    mortgage: (r) => `LASTSCHRIFT BAUFINANZIERUNG RATE ${r}`,
    card: (m, d) => `KARTENZAHLUNG ${m} ${d}`,
    directDebit: (c, r) => `LASTSCHRIFT ${c} ${r}`,
    loan: (l, r) => `LASTSCHRIFT ${l} KREDIT RATE ${r}`,
    split: (p, n) => `LASTSCHRIFT ${p} RATENKAUF ${n}`,
    withdrawal: (d) => `BARGELDAUSZAHLUNG GELDAUTOMAT ${d}`,
    bankFees: 'KONTOFUEHRUNGSGEBUEHR',
    rejection: (c) => `RUECKLASTSCHRIFT ${c}`,
    rejectionFee: (a) => `GEBUEHR RUECKLASTSCHRIFT ${a}`,
    overdraftInterest: 'SOLLZINSEN DISPOSITIONSKREDIT',
    debtRecovery: (r) => `PFAENDUNG GERICHTSVOLLZIEHER ${r}`,
    toSavings: 'UMBUCHUNG AUF TAGESGELDKONTO',
    fromChecking: 'UMBUCHUNG VOM GIROKONTO',
    parents: 'GUTSCHRIFT ELTERN SCHMIDT',
  },
}
