/**
 * Writes canonical accounts as bank statement files (CAMT.053, OFX 1.x, MT940, CSV), so that the
 * conformance suite can send the same customer through every statement adapter. Minimal but
 * valid files: one statement per account, opening balance = balance − the sum of the
 * transactions, closing balance = the account's balance at its date.
 */
import type { Account } from '../../src/engine/model/index.ts'

const major = (minor: number, separator = '.'): string => {
  const abs = Math.abs(minor)
  return `${Math.floor(abs / 100)}${separator}${String(abs % 100).padStart(2, '0')}`
}
const signed = (minor: number, separator = '.'): string =>
  `${minor < 0 ? '-' : ''}${major(minor, separator)}`

const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const sorted = (account: Account) =>
  [...account.transactions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))

const balances = (account: Account) => {
  const closing = account.balance ?? 0
  const total = account.transactions.reduce((sum, t) => sum + t.amount, 0)
  const transactions = sorted(account)
  return {
    opening: closing - total,
    closing,
    first: transactions[0]?.date ?? '2026-01-01',
    last: account.balanceDate?.slice(0, 10) ?? transactions.at(-1)?.date ?? '2026-01-01',
  }
}

const mark = (minor: number): string => (minor < 0 ? 'DBIT' : 'CRDT')

export const writeCamt053 = (accounts: readonly Account[]): string => {
  const statements = accounts.map((account, index) => {
    const { opening, closing, first, last } = balances(account)
    const owner = account.owners[0]?.name
    const entries = sorted(account).map(
      (t) => `
      <Ntry>
        <Amt Ccy="${t.currency}">${major(t.amount)}</Amt>
        <CdtDbtInd>${mark(t.amount)}</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${t.date}</Dt></BookgDt>
        <ValDt><Dt>${t.date}</Dt></ValDt>
        <AddtlNtryInf>${xml(t.description)}</AddtlNtryInf>
      </Ntry>`,
    )
    return `
    <Stmt>
      <Id>S${index}</Id>
      <CreDtTm>${last}T23:00:00</CreDtTm>
      <Acct>
        <Id>${account.iban === undefined ? `<Othr><Id>${account.number ?? ''}</Id></Othr>` : `<IBAN>${account.iban}</IBAN>`}</Id>
        <Ccy>${account.currency}</Ccy>
        ${owner === undefined ? '' : `<Ownr><Nm>${xml(owner)}</Nm></Ownr>`}
        <Svcr><FinInstnId><BICFI>${account.bic ?? ''}</BICFI></FinInstnId></Svcr>
      </Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="${account.currency}">${major(opening)}</Amt><CdtDbtInd>${mark(opening)}</CdtDbtInd><Dt><Dt>${first}</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="${account.currency}">${major(closing)}</Amt><CdtDbtInd>${mark(closing)}</CdtDbtInd><Dt><Dt>${last}</Dt></Dt></Bal>${entries.join('')}
    </Stmt>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>CONFORMANCE</MsgId><CreDtTm>2026-01-01T00:00:00</CreDtTm></GrpHdr>${statements.join('')}
  </BkToCstmrStmt>
</Document>
`
}

const yymmdd = (date: string): string => date.slice(2).replace(/-/g, '')
const mtBalance = (tag: string, minor: number, date: string, currency: string): string =>
  `:${tag}:${minor < 0 ? 'D' : 'C'}${yymmdd(date)}${currency}${major(minor, ',')}`

export const writeMt940 = (accounts: readonly Account[]): string =>
  accounts
    .flatMap((account, index) => {
      const { opening, closing, first, last } = balances(account)
      const lines = [`:20:CONF${index}`, `:25:${account.iban ?? ''}`, ':28C:1/1']
      lines.push(mtBalance('60F', opening, first, account.currency))
      for (const t of sorted(account)) {
        lines.push(
          `:61:${yymmdd(t.date)}${t.amount < 0 ? 'D' : 'C'}${major(t.amount, ',')}NTRFNONREF`,
        )
        // Field 86 lines are at most 65 characters: wrap the description.
        const text = `:86:${t.description}`
        for (let i = 0; i < text.length; i += 65) lines.push(text.slice(i, i + 65))
      }
      lines.push(mtBalance('62F', closing, last, account.currency), '-')
      return lines
    })
    .join('\r\n')

const sgml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

export const writeOfx = (accounts: readonly Account[]): string => {
  const statements = accounts.map((account) => {
    const { closing, last } = balances(account)
    const transactions = sorted(account).map(
      (t, j) =>
        `<STMTTRN>\n<TRNTYPE>${t.amount < 0 ? 'DEBIT' : 'CREDIT'}\n<DTPOSTED>${t.date.replace(/-/g, '')}\n<TRNAMT>${signed(t.amount)}\n<FITID>${j}\n<NAME>${sgml(t.description)}\n</STMTTRN>`,
    )
    return `<STMTTRNRS>\n<TRNUID>1\n<STMTRS>\n<CURDEF>${account.currency}\n<BANKACCTFROM>\n<BANKID>0\n<ACCTID>${account.iban ?? account.number ?? ''}\n<ACCTTYPE>CHECKING\n</BANKACCTFROM>\n<BANKTRANLIST>\n${transactions.join('\n')}\n</BANKTRANLIST>\n<LEDGERBAL>\n<BALAMT>${signed(closing)}\n<DTASOF>${last.replace(/-/g, '')}\n</LEDGERBAL>\n</STMTRS>\n</STMTTRNRS>`
  })
  return `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:UTF-8\nCHARSET:NONE\n\n<OFX>\n<BANKMSGSRSV1>\n${statements.join('\n')}\n</BANKMSGSRSV1>\n</OFX>\n`
}

const csvCell = (text: string): string => `"${text.replace(/"/g, '""')}"`

export const writeCsv = (accounts: readonly Account[]): string => {
  const rows = ['IBAN;Date;Description;Amount;Currency;Balance']
  for (const account of accounts) {
    let running = balances(account).opening
    for (const t of sorted(account)) {
      running += t.amount
      rows.push(
        [
          account.iban ?? '',
          t.date,
          csvCell(t.description),
          signed(t.amount, ','),
          t.currency,
          signed(running, ','),
        ].join(';'),
      )
    }
  }
  return `${rows.join('\n')}\n`
}
