#!/usr/bin/env python3
"""Writes the conformance customers written by the creditlens team (not the publisher's):
each customer once in the ALGOAN upload format, in raw Budget Insight v2.0 connections and in raw
Linxo Connect v3 accounts, from one description below. Run from the repository root:
`python3 scripts/write-fixture-customers.py`. The statement formats are written from the ALGOAN
file at test time (test/support/write-statements.ts).

jean_dupont: three accounts at one bank (checking, deferred debit card, Livret A), no owner
name anywhere (aggregator files often carry none), transfers between his own accounts and from
an account he holds elsewhere worded with his name, card transactions dated only by the day
they were made (Budget Insight `rdate`, Linxo `transaction_date`), date-times with milliseconds.
"""
import json
from datetime import date, timedelta

BANK = 'Banque Exemple'


def iso(day, seconds=43200, ms=0):
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f'{day.isoformat()}T{h:02d}:{m:02d}:{s:02d}.{ms:03d}Z'


def jean_dupont():
    months = [date(2026, 2, 1), date(2026, 3, 1), date(2026, 4, 1), date(2026, 5, 1)]
    checking, card, savings = [], [], []

    def add(target, day, amount, description, seconds=43200, ms=0):
        target.append({'day': day, 'amount': round(amount, 2), 'description': description,
                       'at': iso(day, seconds, ms)})

    for i, first in enumerate(months):
        label = ['FEVRIER', 'MARS', 'AVRIL', 'MAI'][i]
        add(checking, first + timedelta(days=0), 2310.45, f'VIR SEPA ACME LOGISTIQUE SAS SALAIRE {label} 2026', 30215, 120)
        add(checking, first + timedelta(days=4), -780.0, 'PRLV SEPA FONCIA GESTION LOYER APPT 12B', 28800, 0)
        add(checking, first + timedelta(days=6), -64.9, 'PRLV SEPA EDF CLIENTS PARTICULIERS 2026', 36000, 457)
        add(checking, first + timedelta(days=9), -39.99, 'PRLV SEPA ORANGE SA FACTURE MOBILE', 36000, 0)
        add(checking, first + timedelta(days=11), -28.5, 'PRLV SEPA MAAF ASSURANCES AUTO', 36000, 0)
        # A standing order to his Livret A on the last day of the month.
        month_end = (months[i + 1] if i + 1 < len(months) else date(2026, 6, 1)) - timedelta(days=1)
        add(checking, month_end, -150.0, 'VIR SEPA JEAN DUPONT EPARGNE LIVRET A', 52000, 333)
        add(savings, month_end, 150.0, 'VIR SEPA JEAN DUPONT EPARGNE LIVRET A', 52000, 333)
        # From his account at another bank, not uploaded: income unless his name is known.
        add(checking, first + timedelta(days=17), 400.0, 'VIR SEPA M JEAN DUPONT VIREMENT COMPTE JOINT', 47000, 0)
        add(checking, first + timedelta(days=2), -60.0, 'RETRAIT DAB BNP PARIS 11', 65000, 0)
        add(checking, first + timedelta(days=20), -52.37, 'CB CARREFOUR MARKET PARIS', 64000, 0)
        add(checking, first + timedelta(days=25), -47.1, 'CB LIDL 1234 PARIS', 61000, 0)
        add(checking, first + timedelta(days=22), -8.9, 'FRAIS TENUE DE COMPTE', 0, 0)
        # Deferred card purchases, settled on the checking account at the start of next month.
        purchases = [
            (3, -42.9, 'CB AMAZON EU SARL LUXEMBOURG'),
            (8, -18.6, 'CB SNCF CONNECT PARIS'),
            (12, -71.3, 'CB FNAC PARIS ST LAZARE'),
            (16, -23.45, 'CB DECATHLON MONTREUIL'),
            (21, -12.0, 'CB CINEMA UGC BERCY'),
            (26, -35.8, 'CB PHARMACIE DE LA GARE'),
        ]
        for offset, amount, description in purchases:
            add(card, first + timedelta(days=offset), amount, description, 54000 + offset * 60, offset * 7)
        total = round(sum(p[1] for p in purchases), 2)
        settled = months[i + 1] if i + 1 < len(months) else date(2026, 5, 31)
        add(checking, settled + timedelta(days=0 if i + 1 < len(months) else 0), total,
            f'PRLV CARTE DIFFEREE VISA PREMIER {label} 2026', 3600, 0)
        add(card, settled, -total, f'RELEVE CARTE DIFFEREE {label} 2026', 3600, 0)
    add(savings, date(2026, 3, 31), 3.12, 'INTERETS CREDITEURS LIVRET A', 80000, 0)
    end = date(2026, 5, 31)
    accounts = [
        dict(key='checking', name='Compte Cheques', type=('CHECKING', 'checking', 'CASH_ACCOUNT'),
             iban='FR7612548029989876543210917', balance=1532.18, tx=checking, dated='debited'),
        dict(key='card', name='Carte Visa Premier', type=('CREDIT_CARD', 'card', 'CARD'),
             iban=None, number='4970XXXXXXXX1234', balance=0.0, tx=card, dated='booked'),
        dict(key='savings', name='Livret A', type=('SAVINGS', 'savings', 'SAVINGS'),
             iban='FR7612548029989876543210820', balance=4653.12, tx=savings, dated='debited'),
    ]
    return accounts, iso(end, 72000, 250)


def write(name, accounts, balance_date):
    algoan = {'accounts': []}
    bi = {'format': 'BUDGET_INSIGHT_V2_0', 'connections': [{'id': 31, 'connector': {'name': BANK}, 'accounts': []}]}
    linxo = {'format': 'OXLIN_DIRECT_ACCOUNT_API_V3', 'connections': [{'accounts': []}]}
    for a_index, account in enumerate(accounts):
        transactions = sorted(account['tx'], key=lambda t: (t['day'], t['at'], t['description']))
        algoan_account = {
            'name': account['name'], 'type': account['type'][0], 'usage': 'PERSONAL',
            'currency': 'EUR', 'balance': account['balance'], 'balanceDate': balance_date,
            'owners': [], 'bank': {'name': BANK}, 'bic': 'BNPAFRPPXXX',
            'transactions': [],
        }
        bi_account = {
            'id': 4100 + a_index, 'name': account['name'], 'type': account['type'][1], 'usage': 'PRIV',
            'currency': {'id': 'EUR'}, 'balance': account['balance'], 'last_update': balance_date,
            'bic': 'BNPAFRPPXXX', 'transactions': [],
        }
        linxo_account = {
            'account_id': f'acc-{name}-{account["key"]}', 'name': account['name'], 'type': account['type'][2],
            'usage': 'PRIVATE', 'currency': 'EUR', 'bic': 'BNPAFRPPXXX',
            'balances': [{'balance_type': 'CLOSING_BOOKED',
                          'balance_amount': {'amount': f'{account["balance"]:.2f}', 'currency': 'EUR'},
                          'reference_date': balance_date}],
            'transactions': [],
        }
        for target in (algoan_account, bi_account, linxo_account):
            if account['iban']:
                target['iban'] = account['iban']
        if account.get('number'):
            algoan_account['number'] = account['number']
            bi_account['number'] = account['number']
        for t_index, t in enumerate(transactions):
            booked_only = account['dated'] == 'booked'
            algoan_account['transactions'].append({
                'description': t['description'], 'amount': t['amount'], 'currency': 'EUR',
                'dates': {'bookedAt': t['at']} if booked_only else {'debitedAt': t['at']},
            })
            bi_tx = {'id': 90000 + a_index * 1000 + t_index, 'value': t['amount'],
                     'original_wording': t['description'], 'currency': {'id': 'EUR'}, 'coming': False}
            if booked_only:
                bi_tx['rdate'] = t['at']  # a card account: no debit date
            else:
                bi_tx['date'] = t['at']
                bi_tx['rdate'] = t['at']
            bi_account['transactions'].append(bi_tx)
            linxo_tx = {'id': f'tx-{a_index}-{t_index}', 'status': 'BOOKED',
                        'transaction_amount': {'amount': f'{t["amount"]:.2f}', 'currency': 'EUR'},
                        'remittance_information': [t['description']]}
            linxo_tx['transaction_date' if booked_only else 'booking_date'] = t['at']
            linxo_account['transactions'].append(linxo_tx)
        algoan['accounts'].append(algoan_account)
        bi['connections'][0]['accounts'].append(bi_account)
        linxo['connections'][0]['accounts'].append(linxo_account)
    for folder, doc in (('algoan', algoan), ('budget-insight-v2.0', bi), ('linxo-connect-v3', linxo)):
        with open(f'test/fixtures/{folder}/{name}.json', 'w') as out:
            json.dump(doc, out, indent=2, ensure_ascii=False)
            out.write('\n')


if __name__ == '__main__':
    write('jean_dupont', *jean_dupont())
