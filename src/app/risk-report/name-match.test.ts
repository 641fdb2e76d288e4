import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bestOwnerMatch, nameAffinity, type Affinity } from './name-match.ts'

/** [given name, owner name on the account, expected affinity], per market. */
const TABLES: Record<string, [string, string, Affinity][]> = {
  de: [
    ['Max Mustermann', 'Max Mustermann', 'VERY_HIGH'],
    ['Max Mustermann', 'MAX MUSTERMANN', 'VERY_HIGH'],
    ['Max Mustermann', 'MUSTERMANN MAX', 'HIGH'],
    ['Maria Müller', 'Müller, Maria', 'HIGH'],
    ['Jürgen Müller', 'Juergen Mueller', 'HIGH'],
    ['Jürgen Müller', 'JURGEN MULLER', 'HIGH'],
    ['Anna-Lena Schäfer', 'Anna Lena Schaefer', 'HIGH'],
    ['Max Mustermann', 'Max Peter Mustermann', 'HIGH'],
    ['Max Mustermann', 'Herr Max Mustermann', 'HIGH'],
    ['Max Mustermann', 'M. Mustermann', 'MEDIUM'],
    ['Max Mustermann', 'Erika Mustermann', 'MEDIUM'],
    ['Max Mustermann', 'Hans Schmidt', 'LOW'],
  ],
  fr: [
    ['Hélène Girard', 'hélène girard', 'VERY_HIGH'],
    ['Hélène Girard', 'HELENE GIRARD', 'HIGH'],
    ['Jean-Pierre Lefèvre', 'LEFEVRE JEAN PIERRE', 'HIGH'],
    ['Camille Dubois', 'Mme Camille Marie Dubois', 'HIGH'],
    ['Camille Dubois', 'C DUBOIS', 'MEDIUM'],
    ['Camille Dubois', 'Pierre Martin', 'LOW'],
  ],
  uk: [
    ['Oliver James Smith', 'Oliver James Smith', 'VERY_HIGH'],
    ['Oliver James Smith', 'Oliver Smith', 'HIGH'],
    ["Jack O'Brien", 'JACK OBRIEN', 'HIGH'],
    ['Emily Taylor', 'Mrs Emily Taylor', 'HIGH'],
    ['Oliver James Smith', 'O J Smith', 'MEDIUM'],
    ['Emily Taylor', 'Jack Brown', 'LOW'],
  ],
  es: [
    ['María José García López', 'MARIA JOSE GARCIA LOPEZ', 'HIGH'],
    ['María José García López', 'María García', 'HIGH'],
    ['José Martínez Ruiz', 'Martínez Ruiz, José', 'HIGH'],
    ['Lucía Fernández', 'L. Fernández', 'MEDIUM'],
    ['Lucía Fernández', 'Lucía Fernández', 'VERY_HIGH'],
    ['Lucía Fernández', 'Carmen Sánchez', 'LOW'],
  ],
  nl: [
    ['Daan de Vries', 'Daan de Vries', 'VERY_HIGH'],
    ['Daan de Vries', 'DE VRIES DAAN', 'HIGH'],
    ['Sanne van den Berg', 'S. van den Berg', 'MEDIUM'],
    ['Sanne van den Berg', 'Berg, Sanne van den', 'HIGH'],
    ['Sem Jansen', 'Dhr. Sem Jansen', 'HIGH'],
    ['Sem Jansen', 'Daan de Vries', 'LOW'],
  ],
  be: [
    ['Lucas Peeters', 'PEETERS LUCAS', 'HIGH'],
    ['Louise Maes', 'Louise Maës', 'HIGH'],
    ['Noah Claes', 'N CLAES', 'MEDIUM'],
    ['Noah Claes', 'Noah Claes', 'VERY_HIGH'],
    ['Noah Claes', 'Lucas Peeters', 'LOW'],
  ],
}

describe('holder-name affinity', () => {
  for (const [market, rows] of Object.entries(TABLES)) {
    it(`rates the names of ${market}`, () => {
      for (const [given, owner, expected] of rows) {
        assert.equal(nameAffinity(given, owner), expected, `${given} / ${owner}`)
      }
    })
  }

  it('is LOW for an empty name and picks the best owner of a joint account', () => {
    assert.equal(nameAffinity('', 'Max Mustermann'), 'LOW')
    assert.deepEqual(bestOwnerMatch('Erika Mustermann', ['Max Mustermann', 'Erika Mustermann']), {
      name: 'Erika Mustermann',
      affinity: 'VERY_HIGH',
    })
    assert.equal(bestOwnerMatch('Max Mustermann', []), undefined)
  })
})
