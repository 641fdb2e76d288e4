import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isValidIban } from './iban.ts'

test('accepts IBANs whose mod-97 checksum holds, with spaces and in lower case', () => {
  for (const iban of [
    'FR1420041010050500013M02606', // the vendor's example
    'DE89370400440532013000',
    'GB29 NWBK 6016 1331 9268 19',
    'nl91abna0417164300',
    'BE68539007547034',
    'ES9121000418450200051332',
  ]) {
    assert.ok(isValidIban(iban), iban)
  }
})

test('refuses a wrong check digit, a swapped digit, a bad shape', () => {
  for (const iban of [
    'FR1420041010050500013M02607',
    'DE89370400440532013001',
    'GB29NWBK60161331926891',
    'FR14',
    '1420041010050500013M02606FR',
    'FR14-2004-1010',
  ]) {
    assert.ok(!isValidIban(iban), iban)
  }
})
