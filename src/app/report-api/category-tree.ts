/**
 * The Report API's numbered category tree: the ONE table that maps every creditlens category to
 * a node of a three-level tree (level 1: income / expenses; level 2: the vendor's published
 * groups; level 3: finer nodes). Ids the vendor publishes keep their meaning (docs/report-api.md);
 * our own nodes take ids from 10000 up. Once published an id never changes meaning: the snapshot
 * test (category-tree.test.ts) fails if one does.
 *
 * One tree for every country; titles are in the country's language (`readable_title`) and in
 * English (`readable_title_en`, our extension). The version names the table's revision.
 */
import type { Category, TransactionType } from '../../engine/model/index.ts'

/** Bump when a node is added or a title changes (ids never change meaning). */
export const TREE_REVISION = '202612050900'

export type Language = 'en' | 'fr' | 'es' | 'nl' | 'de'
type Titles = Readonly<Record<Language, string>>

export interface TreeNode {
  id: number
  parentId: number | null
  type: 'income' | 'expense'
  titles: Titles
}

const t = (en: string, fr: string, es: string, nl: string, de: string): Titles => ({
  en,
  fr,
  es,
  nl,
  de,
})

const INCOME = 10000
const EXPENSES = 10001

/** [id, parent, type, titles]; level 1 has no parent. */
const ROWS: readonly (readonly [number, number | null, 'income' | 'expense', Titles])[] = [
  [INCOME, null, 'income', t('Income', 'Revenus', 'Ingresos', 'Inkomsten', 'Einnahmen')],
  [EXPENSES, null, 'expense', t('Expenses', 'Dépenses', 'Gastos', 'Uitgaven', 'Ausgaben')],
  // ---- income, level 2 and 3
  [85, INCOME, 'income', t('Salary', 'Salaire', 'Nómina', 'Salaris', 'Gehalt')],
  [
    733,
    85,
    'income',
    t(
      'Other incoming payments from employer',
      'Autres versements de l’employeur',
      'Otros pagos del empleador',
      'Overige betalingen van werkgever',
      'Sonstige Zahlungen des Arbeitgebers',
    ),
  ],
  [
    919,
    INCOME,
    'income',
    t(
      'Regular income',
      'Revenus réguliers',
      'Ingresos regulares',
      'Vast inkomen',
      'Regelmäßiges Einkommen',
    ),
  ],
  [
    2547,
    INCOME,
    'income',
    t(
      'Work on demand',
      'Travail à la demande',
      'Trabajo bajo demanda',
      'Werk op afroep',
      'Arbeit auf Abruf',
    ),
  ],
  [5, INCOME, 'income', t('Pension', 'Retraite', 'Pensión', 'Pensioen', 'Rente')],
  [
    20,
    INCOME,
    'income',
    t(
      'Social security benefits',
      'Prestations sociales',
      'Prestaciones sociales',
      'Uitkeringen',
      'Sozialleistungen',
    ),
  ],
  [
    10010,
    20,
    'income',
    t(
      'Family benefits',
      'Allocations familiales',
      'Prestaciones familiares',
      'Kinderbijslag',
      'Kindergeld',
    ),
  ],
  [
    10011,
    20,
    'income',
    t('Housing benefit', 'Aide au logement', 'Ayuda a la vivienda', 'Huurtoeslag', 'Wohngeld'),
  ],
  [
    10012,
    20,
    'income',
    t(
      'Unemployment benefit',
      'Allocation chômage',
      'Prestación por desempleo',
      'Werkloosheidsuitkering',
      'Arbeitslosengeld',
    ),
  ],
  [
    10013,
    20,
    'income',
    t(
      'Sickness and disability benefits',
      'Indemnités maladie et invalidité',
      'Prestaciones por enfermedad e invalidez',
      'Ziekte- en arbeidsongeschiktheidsuitkering',
      'Kranken- und Erwerbsunfähigkeitsleistungen',
    ),
  ],
  [
    10014,
    20,
    'income',
    t('Income support', 'Revenu de solidarité', 'Ingreso mínimo', 'Bijstand', 'Grundsicherung'),
  ],
  [
    477,
    INCOME,
    'income',
    t(
      'State aid payment',
      'Aide de l’État',
      'Ayuda del Estado',
      'Overheidssteun',
      'Staatliche Beihilfe',
    ),
  ],
  [
    21,
    INCOME,
    'income',
    t('Scholarship', 'Bourse d’études', 'Beca', 'Studiefinanciering', 'Stipendium'),
  ],
  [
    1151,
    INCOME,
    'income',
    t(
      'Income from rent',
      'Revenus locatifs',
      'Ingresos por alquiler',
      'Huurinkomsten',
      'Mieteinnahmen',
    ),
  ],
  [
    358,
    INCOME,
    'income',
    t(
      'Alimony and child support',
      'Pension alimentaire reçue',
      'Pensión alimenticia recibida',
      'Ontvangen alimentatie',
      'Erhaltener Unterhalt',
    ),
  ],
  [
    6,
    INCOME,
    'income',
    t(
      'Dividends received',
      'Dividendes reçus',
      'Dividendos recibidos',
      'Ontvangen dividend',
      'Erhaltene Dividenden',
    ),
  ],
  [
    7,
    INCOME,
    'income',
    t(
      'Interest received',
      'Intérêts reçus',
      'Intereses recibidos',
      'Ontvangen rente',
      'Erhaltene Zinsen',
    ),
  ],
  [
    279,
    INCOME,
    'income',
    t(
      'Insurance indemnity',
      'Indemnité d’assurance',
      'Indemnización de seguro',
      'Verzekeringsuitkering',
      'Versicherungsleistung',
    ),
  ],
  [
    426,
    INCOME,
    'income',
    t(
      'Tax return',
      'Remboursement d’impôts',
      'Devolución de impuestos',
      'Belastingteruggave',
      'Steuererstattung',
    ),
  ],
  [88, INCOME, 'income', t('Bills', 'Factures', 'Facturas', 'Rekeningen', 'Rechnungen')],
  [
    19,
    INCOME,
    'income',
    t(
      'Cash deposit',
      'Dépôt d’espèces',
      'Ingreso en efectivo',
      'Contante storting',
      'Bareinzahlung',
    ),
  ],
  [
    22,
    INCOME,
    'income',
    t('Loans', 'Crédits reçus', 'Préstamos recibidos', 'Ontvangen leningen', 'Erhaltene Kredite'),
  ],
  [
    91,
    22,
    'income',
    t('Payday loans', 'Mini-crédits', 'Minicréditos', 'Flitskredieten', 'Kurzzeitkredite'),
  ],
  [
    117,
    22,
    'income',
    t('Other loans', 'Autres crédits', 'Otros préstamos', 'Overige leningen', 'Sonstige Kredite'),
  ],
  [
    10020,
    22,
    'income',
    t('Mortgage loan', 'Prêt immobilier', 'Préstamo hipotecario', 'Hypotheek', 'Immobilienkredit'),
  ],
  [
    10021,
    22,
    'income',
    t('Personal loan', 'Prêt personnel', 'Préstamo personal', 'Persoonlijke lening', 'Ratenkredit'),
  ],
  [
    10022,
    22,
    'income',
    t(
      'Revolving credit',
      'Crédit renouvelable',
      'Crédito revolving',
      'Doorlopend krediet',
      'Rahmenkredit',
    ),
  ],
  [
    4404,
    INCOME,
    'income',
    t('Gambling', 'Gains de jeux', 'Premios de juego', 'Gokwinsten', 'Glücksspielgewinne'),
  ],
  [
    10030,
    INCOME,
    'income',
    t(
      'Transfer from savings',
      'Retrait d’épargne',
      'Retirada de ahorros',
      'Opname van spaargeld',
      'Entnahme aus Ersparnissen',
    ),
  ],
  [
    10031,
    INCOME,
    'income',
    t('Refunds', 'Remboursements', 'Reembolsos', 'Terugbetalingen', 'Erstattungen'),
  ],
  [
    10032,
    10031,
    'income',
    t(
      'Expense reimbursement',
      'Notes de frais',
      'Reembolso de gastos',
      'Onkostenvergoeding',
      'Spesenerstattung',
    ),
  ],
  [
    10033,
    10031,
    'income',
    t(
      'Bank fee refund',
      'Frais bancaires remboursés',
      'Comisiones devueltas',
      'Terugbetaalde bankkosten',
      'Erstattete Bankgebühren',
    ),
  ],
  [
    10034,
    INCOME,
    'income',
    t(
      'Released bank provision',
      'Provision bancaire libérée',
      'Retención bancaria liberada',
      'Vrijgegeven bankreservering',
      'Freigegebene Bankvormerkung',
    ),
  ],
  [
    10035,
    INCOME,
    'income',
    t(
      'Transfer from own account',
      'Virement de compte à compte reçu',
      'Traspaso desde cuenta propia',
      'Overboeking van eigen rekening',
      'Übertrag vom eigenen Konto',
    ),
  ],
  [
    10036,
    INCOME,
    'income',
    t(
      'Other incoming payments',
      'Autres entrées',
      'Otros ingresos',
      'Overige ontvangsten',
      'Sonstige Eingänge',
    ),
  ],
  // ---- expenses, level 2 and 3
  [
    26,
    EXPENSES,
    'expense',
    t('Groceries', 'Alimentation', 'Alimentación', 'Boodschappen', 'Lebensmittel'),
  ],
  [
    29,
    EXPENSES,
    'expense',
    t('Utilities', 'Énergie et eau', 'Suministros', 'Nutsvoorzieningen', 'Nebenkosten'),
  ],
  [
    10040,
    29,
    'expense',
    t(
      'Telecom and internet',
      'Téléphone et internet',
      'Teléfono e internet',
      'Telefoon en internet',
      'Telefon und Internet',
    ),
  ],
  [10041, EXPENSES, 'expense', t('Housing', 'Logement', 'Vivienda', 'Wonen', 'Wohnen')],
  [10042, 10041, 'expense', t('Rent', 'Loyer', 'Alquiler', 'Huur', 'Miete')],
  [10043, EXPENSES, 'expense', t('Transport', 'Transport', 'Transporte', 'Vervoer', 'Verkehr')],
  [44, 10043, 'expense', t('Fuel', 'Carburant', 'Combustible', 'Brandstof', 'Kraftstoff')],
  [
    63,
    EXPENSES,
    'expense',
    t(
      'Health and pharmaceuticals',
      'Santé et pharmacie',
      'Salud y farmacia',
      'Gezondheid en apotheek',
      'Gesundheit und Apotheke',
    ),
  ],
  [
    10044,
    EXPENSES,
    'expense',
    t('Insurance', 'Assurance', 'Seguros', 'Verzekeringen', 'Versicherungen'),
  ],
  [
    10045,
    10044,
    'expense',
    t(
      'Health insurance',
      'Mutuelle santé',
      'Seguro de salud',
      'Zorgverzekering',
      'Krankenversicherung',
    ),
  ],
  [
    10046,
    10044,
    'expense',
    t('Car insurance', 'Assurance auto', 'Seguro de coche', 'Autoverzekering', 'Kfz-Versicherung'),
  ],
  [
    10047,
    10044,
    'expense',
    t(
      'Home insurance',
      'Assurance habitation',
      'Seguro de hogar',
      'Woonverzekering',
      'Hausratversicherung',
    ),
  ],
  [10048, EXPENSES, 'expense', t('Leisure', 'Loisirs', 'Ocio', 'Vrije tijd', 'Freizeit')],
  [10049, 10048, 'expense', t('Sport', 'Sport', 'Deporte', 'Sport', 'Sport')],
  [
    10050,
    10048,
    'expense',
    t(
      'Multimedia and subscriptions',
      'Multimédia et abonnements',
      'Multimedia y suscripciones',
      'Multimedia en abonnementen',
      'Multimedia und Abos',
    ),
  ],
  [10051, EXPENSES, 'expense', t('Shopping', 'Shopping', 'Compras', 'Winkelen', 'Einkäufe')],
  [10052, EXPENSES, 'expense', t('Tobacco', 'Tabac', 'Tabaco', 'Tabak', 'Tabak')],
  [
    4402,
    EXPENSES,
    'expense',
    t('Gambling', 'Jeux d’argent', 'Juegos de azar', 'Gokken', 'Glücksspiel'),
  ],
  [
    4406,
    4402,
    'expense',
    t(
      'Gambling (other)',
      'Jeux d’argent (autres)',
      'Juegos de azar (otros)',
      'Gokken (overig)',
      'Glücksspiel (sonstige)',
    ),
  ],
  [
    79,
    EXPENSES,
    'expense',
    t(
      'Loan repayments',
      'Remboursements de crédits',
      'Pago de préstamos',
      'Aflossingen',
      'Kreditrückzahlungen',
    ),
  ],
  [
    81,
    79,
    'expense',
    t('Other loans', 'Autres crédits', 'Otros préstamos', 'Overige leningen', 'Sonstige Kredite'),
  ],
  [
    94,
    79,
    'expense',
    t('Payday loans', 'Mini-crédits', 'Minicréditos', 'Flitskredieten', 'Kurzzeitkredite'),
  ],
  [
    97,
    79,
    'expense',
    t('Mortgage', 'Prêt immobilier', 'Hipoteca', 'Hypotheek', 'Immobilienkredit'),
  ],
  [
    10053,
    79,
    'expense',
    t('Personal loan', 'Prêt personnel', 'Préstamo personal', 'Persoonlijke lening', 'Ratenkredit'),
  ],
  [
    10054,
    79,
    'expense',
    t(
      'Revolving credit',
      'Crédit renouvelable',
      'Crédito revolving',
      'Doorlopend krediet',
      'Rahmenkredit',
    ),
  ],
  [
    10055,
    79,
    'expense',
    t(
      'Buy now, pay later',
      'Paiement fractionné',
      'Pago aplazado',
      'Achteraf betalen',
      'Ratenkauf',
    ),
  ],
  [
    10056,
    79,
    'expense',
    t('Leasing', 'Location avec option d’achat', 'Leasing', 'Leasing', 'Leasing'),
  ],
  [
    10057,
    79,
    'expense',
    t(
      'Early loan repayment',
      'Remboursement anticipé',
      'Amortización anticipada',
      'Vervroegde aflossing',
      'Sondertilgung',
    ),
  ],
  [
    10058,
    EXPENSES,
    'expense',
    t(
      'Deferred card settlement',
      'Débit différé carte',
      'Liquidación de tarjeta',
      'Creditcardafrekening',
      'Kreditkartenabrechnung',
    ),
  ],
  [
    467,
    EXPENSES,
    'expense',
    t(
      'Tax and government fees',
      'Impôts et taxes',
      'Impuestos y tasas',
      'Belastingen en heffingen',
      'Steuern und Abgaben',
    ),
  ],
  [
    10059,
    467,
    'expense',
    t('Income tax', 'Impôt sur le revenu', 'IRPF', 'Inkomstenbelasting', 'Einkommensteuer'),
  ],
  [
    10060,
    467,
    'expense',
    t('Housing tax', 'Taxe d’habitation', 'Tasa de vivienda', 'Woonbelasting', 'Wohnungsabgabe'),
  ],
  [
    10061,
    467,
    'expense',
    t('Property tax', 'Taxe foncière', 'IBI', 'Onroerendezaakbelasting', 'Grundsteuer'),
  ],
  [
    137,
    EXPENSES,
    'expense',
    t(
      'Alimony and child support',
      'Pension alimentaire versée',
      'Pensión alimenticia pagada',
      'Betaalde alimentatie',
      'Gezahlter Unterhalt',
    ),
  ],
  [494, EXPENSES, 'expense', t('Invoices', 'Factures', 'Facturas', 'Facturen', 'Rechnungen')],
  [
    83,
    EXPENSES,
    'expense',
    t('Cash withdrawal', 'Retrait d’espèces', 'Retirada de efectivo', 'Geldopname', 'Barabhebung'),
  ],
  [10062, EXPENSES, 'expense', t('Savings', 'Épargne', 'Ahorro', 'Sparen', 'Sparen')],
  [
    10063,
    10062,
    'expense',
    t('Savings book', 'Livret d’épargne', 'Libreta de ahorro', 'Spaarboekje', 'Sparbuch'),
  ],
  [
    10064,
    10062,
    'expense',
    t('Investments', 'Placements', 'Inversiones', 'Beleggingen', 'Geldanlagen'),
  ],
  [
    10065,
    EXPENSES,
    'expense',
    t('Bank fees', 'Frais bancaires', 'Comisiones bancarias', 'Bankkosten', 'Bankgebühren'),
  ],
  [
    10066,
    10065,
    'expense',
    t(
      'Overdraft fees',
      'Agios',
      'Intereses de descubierto',
      'Roodstandrente',
      'Überziehungszinsen',
    ),
  ],
  [
    10067,
    10065,
    'expense',
    t(
      'Payment incident fees',
      'Frais d’incident',
      'Comisiones por impago',
      'Kosten betalingsincident',
      'Gebühren für Zahlungsstörungen',
    ),
  ],
  [
    10068,
    10065,
    'expense',
    t(
      'Debt recovery and seizure fees',
      'Frais de saisie',
      'Comisiones por embargo',
      'Kosten beslaglegging',
      'Pfändungsgebühren',
    ),
  ],
  [562, EXPENSES, 'expense', t('Fines', 'Amendes', 'Multas', 'Boetes', 'Bußgelder')],
  [
    10069,
    EXPENSES,
    'expense',
    t(
      'Debts and incidents',
      'Dettes et incidents',
      'Deudas e incidencias',
      'Schulden en incidenten',
      'Schulden und Störungen',
    ),
  ],
  [
    1402,
    10069,
    'expense',
    t('Dishonours', 'Rejets de paiement', 'Devoluciones', 'Storneringen', 'Rücklastschriften'),
  ],
  [
    136,
    10069,
    'expense',
    t(
      'Bailiffs',
      'Huissiers et saisies',
      'Embargos',
      'Deurwaarders en beslag',
      'Gerichtsvollzieher und Pfändung',
    ),
  ],
  [
    138,
    10069,
    'expense',
    t('Debt collection', 'Recouvrement', 'Recobro de deudas', 'Incasso', 'Inkasso'),
  ],
  [
    10070,
    EXPENSES,
    'expense',
    t(
      'Credit card reset',
      'Remise à zéro carte de crédit',
      'Liquidación de crédito de tarjeta',
      'Creditcard-verrekening',
      'Kreditkartenausgleich',
    ),
  ],
  [
    714,
    EXPENSES,
    'expense',
    t(
      'Other personal transfers',
      'Autres virements personnels',
      'Otras transferencias personales',
      'Overige persoonlijke overboekingen',
      'Sonstige private Überweisungen',
    ),
  ],
  [
    10071,
    EXPENSES,
    'expense',
    t(
      'Transfer to own account',
      'Virement de compte à compte émis',
      'Traspaso a cuenta propia',
      'Overboeking naar eigen rekening',
      'Übertrag auf eigenes Konto',
    ),
  ],
  [
    10072,
    EXPENSES,
    'expense',
    t('Other expenses', 'Autres dépenses', 'Otros gastos', 'Overige uitgaven', 'Sonstige Ausgaben'),
  ],
]

export const TREE: readonly TreeNode[] = ROWS.map(([id, parentId, type, titles]) => ({
  id,
  parentId,
  type,
  titles,
}))

const BY_ID: ReadonlyMap<number, TreeNode> = new Map(TREE.map((node) => [node.id, node]))

/**
 * Every creditlens category → its node. A `Record` over the vocabulary: a category without a
 * node does not compile.
 */
export const CATEGORY_NODE: Readonly<Record<Category, number>> = {
  WAGE: 85,
  WAGE_BONUS: 733,
  WAGE_SALARY_ADVANCE: 733,
  WAGE_ADVANCE_PAYMENT: 733,
  RETIREMENT_PENSION: 5,
  REVERSIONARY_PENSION: 5,
  ALLOWANCE: 20,
  ALLOWANCE_FAMILY: 10010,
  ALLOWANCE_HOUSING: 10011,
  ALLOWANCE_UNEMPLOYMENT: 10012,
  ALLOWANCE_HEALTH: 10013,
  ALLOWANCE_INCOME_SUPPORT: 10014,
  STATE_SUBSIDY: 477,
  RENTAL_INCOME: 1151,
  RECEIVED_ALIMONY: 358,
  GAMBLING_GAIN: 4404,
  DISSAVING: 10030,
  OTHER_ENTRY: 10036,
  RENT: 10042,
  POWER: 29,
  TELECOM: 10040,
  INSURANCE: 10044,
  INSURANCE_HEALTH: 10045,
  INSURANCE_AUTO: 10046,
  INSURANCE_HOME: 10047,
  TRANSPORT: 10043,
  HEALTH: 63,
  GROCERY: 26,
  TOBACCO: 10052,
  GAMBLING: 4402,
  LEISURE: 10048,
  SHOPPING: 10051,
  MULTIMEDIA: 10050,
  SPORT: 10049,
  DEFERRED_TOTAL_PAYMENT: 10058,
  OTHER_EXPENSE: 10072,
  LOAN_DRAWDOWN: 117,
  LOAN_DRAWDOWN_REAL_ESTATE: 10020,
  LOAN_DRAWDOWN_PERSONAL: 10021,
  LOAN_DRAWDOWN_REVOLVING: 10022,
  LOAN_REPAYMENT: 81,
  LOAN_REPAYMENT_REAL_ESTATE: 97,
  LOAN_REPAYMENT_PERSONAL: 10053,
  LOAN_REPAYMENT_REVOLVING: 10054,
  LOAN_PREPAYMENT: 10057,
  SPLIT_PAYMENT: 10055,
  DEBT_RECOVERY: 138,
  DEBT_COLLECTION: 138,
  BAILIFF: 136,
  LEASING: 10056,
  INTEREST: 7,
  SAVING: 10062,
  BANKBOOK_SAVING: 10063,
  SHARE_SAVING: 10064,
  REJECTION_PAYMENT: 1402,
  REJECTION_LOAN_REPAYMENT: 1402,
  REJECTION_CHECK: 1402,
  FEES_BANK_SERVICE: 10065,
  FEES_OVERDRAFT: 10066,
  FEES_CHECK_REJECTION: 10067,
  FEES_PAYMENT_REJECTION: 10067,
  FEES_INTERVENTION: 10067,
  FEES_INCIDENT: 10067,
  FEES_DIRECT_DEBT_RECOVERY: 10068,
  FEES_ACCOUNT_SEIZURE: 10068,
  FEES_PREVENTIVE_SEIZURE: 10068,
  REFUND_BANK_SERVICE_FEES: 10033,
  REFUND_OVERDRAFT_FEES: 10033,
  REFUND_CHECK_REJECTION_FEES: 10033,
  REFUND_PAYMENT_REJECTION_FEES: 10033,
  REFUND_INTERVENTION_FEES: 10033,
  REFUND_INCIDENT_FEES: 10033,
  REFUND_DIRECT_DEBT_RECOVERY_FEES: 10033,
  REFUND_ACCOUNT_SEIZURE_FEES: 10033,
  REFUND_PREVENTIVE_SEIZURE_FEES: 10033,
  RELEASE_DIRECT_DEBT_RECOVERY: 10034,
  RELEASE_ACCOUNT_SEIZURE: 10034,
  RELEASE_PREVENTIVE_SEIZURE: 10034,
  PROVISION_DIRECT_DEBT_RECOVERY: 138,
  PROVISION_ACCOUNT_SEIZURE: 136,
  PROVISION_PREVENTIVE_SEIZURE: 136,
  CREDIT_CARD_RESET: 10070,
  REFUND: 10031,
  REFUND_INSURANCE: 279,
  REFUND_EXPENSE_REPORT: 10032,
  PRO_TAX: 467,
  PRO_TAX_REFUND: 426,
  PERSO_TAX: 467,
  INCOME_TAX: 10059,
  HOUSING_TAX: 10060,
  PROPERTY_TAX: 10061,
  PERSO_TAX_CREDIT: 426,
  PERSO_TAX_REFUND: 426,
}

/**
 * The one refinement by payment type: the generic categories (other income, other expense) of
 * a cash movement or of a transfer between the customer's own accounts get the tree's cash and
 * own-transfer nodes, which the vendor has and our category vocabulary expresses as a type.
 */
const TYPE_NODE: Partial<Record<TransactionType, number>> = {
  CASH_DEPOSIT: 19,
  CASH_WITHDRAWAL: 83,
  INCOMING_INTERNAL_TRANSFER: 10035,
  OUTGOING_INTERNAL_TRANSFER: 10071,
}

/** The node of an enriched transaction: its category's, refined by type for generic ones. */
export const nodeOf = (category: Category, type: TransactionType): number => {
  if (category === 'OTHER_ENTRY' || category === 'OTHER_EXPENSE') {
    const refined = TYPE_NODE[type]
    if (refined !== undefined) return refined
  }
  return CATEGORY_NODE[category]
}

export const findNode = (id: number): TreeNode | undefined => BY_ID.get(id)

export const levelOf = (id: number): number => {
  let level = 0
  for (
    let node = BY_ID.get(id);
    node;
    node = node.parentId === null ? undefined : BY_ID.get(node.parentId)
  ) {
    level += 1
  }
  return level
}

/** Whether `id` is `ancestor` or below it. */
export const isWithin = (id: number, ancestor: number): boolean => {
  for (
    let node = BY_ID.get(id);
    node;
    node = node.parentId === null ? undefined : BY_ID.get(node.parentId)
  ) {
    if (node.id === ancestor) return true
  }
  return false
}

/** Countries the Report API accepts (lower case) and the language of their titles. */
export const COUNTRY_LANGUAGE: Readonly<Record<string, Language>> = {
  fr: 'fr',
  uk: 'en',
  gb: 'en',
  es: 'es',
  nl: 'nl',
  be: 'fr',
  de: 'de',
}

/** `uk` for `GB`/`gb`/`UK`; undefined for a country we do not support. */
export const normaliseCountry = (country: string): string | undefined => {
  const lower = country.toLowerCase()
  if (!(lower in COUNTRY_LANGUAGE)) return undefined
  return lower === 'gb' ? 'uk' : lower
}

export const treeVersion = (country: string): string => `${country}_${TREE_REVISION}`

export const titleOf = (id: number, country: string): string => {
  const node = BY_ID.get(id)
  if (!node) return ''
  return node.titles[COUNTRY_LANGUAGE[country] ?? 'en']
}

/** The tree as `GET /v2/category-tree/{CC}` serves it. */
export const treeFor = (country: string) => {
  const language = COUNTRY_LANGUAGE[country] ?? 'en'
  return {
    category_tree_version: treeVersion(country),
    categories: TREE.map((node) => ({
      id: node.id,
      level: levelOf(node.id),
      parent_id: node.parentId,
      readable_title: node.titles[language],
      readable_title_en: node.titles.en,
      type: node.type,
    })),
  }
}

/** Default definitions (vendor's published ids). */
export const DEFAULT_INCOME_DEFINITION: readonly number[] = [
  5, 6, 7, 19, 20, 21, 85, 88, 279, 358, 426, 477, 733, 919, 1151, 2547,
]
export const DEFAULT_EXPENSE_DEFINITION: readonly number[] = [26, 29, 63, 97, 137, 467, 494]
