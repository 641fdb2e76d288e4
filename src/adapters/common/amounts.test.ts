import { test } from 'node:test'
import assert from 'node:assert/strict'
import { decimalToMinor, numberToMinor } from './amounts.ts'

test('reads decimals with either separator and thousands groups', () => {
  const cases: [string, '.' | ',' | undefined, number | undefined][] = [
    ['-1 234,56', undefined, -123456],
    ['1.234.567,89', undefined, 123456789],
    ['1,234,567.89', undefined, 123456789],
    ['1,234', undefined, 123400],
    ['12,5', undefined, 1250],
    ['12.50', undefined, 1250],
    ['(12.50)', undefined, -1250],
    ['12.50-', undefined, -1250],
    ["1'234.50", undefined, 123450],
    ['+0,01', ',', 1],
    ['1.234', ',', 123400],
    ['1.230', '.', 123],
    ['1.234', '.', undefined],
    ['-0,00', ',', 0],
    ['12.345', '.', undefined],
    ['12,34.5', undefined, undefined],
    ['abc', undefined, undefined],
    ['', undefined, undefined],
    ['--5', undefined, undefined],
    ['99999999999999', undefined, undefined],
  ]
  for (const [text, decimal, expected] of cases) {
    assert.equal(decimalToMinor(text, 'EUR', decimal), expected, text)
  }
})

test('uses the currency exponent', () => {
  assert.equal(decimalToMinor('1.234', 'KWD', '.'), 1234)
  assert.equal(decimalToMinor('1234', 'JPY'), 1234)
  assert.equal(decimalToMinor('12.5', 'JPY', '.'), undefined)
  assert.equal(numberToMinor(0.29, 'EUR'), 29)
  assert.equal(numberToMinor(Number.NaN, 'EUR'), undefined)
})
