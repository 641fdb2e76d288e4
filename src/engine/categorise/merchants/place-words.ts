/**
 * Place-type words kept by hand, added to those generated from the iD tagging schema's
 * translations (`osm.generated.ts`), where the schema's names are poor for bank descriptions:
 * it names the place (`Bureau de tabac`, `Salon de coiffure`) where a card terminal prints the
 * trade (`TABAC`, `COIFFURE`). Data only, normalised like descriptions. Like the generated ones,
 * these match as word starts (`BOULANGERIES`, `PHARMACIEN`) and, in Dutch and German, as the end
 * of a long compound (`STADTAPOTHEKE`): see `matcher.ts`.
 */
import type { Tag } from '../tags.ts'
import type { Language } from './markets.ts'

export const HAND_PLACE_WORDS: Readonly<
  Record<Language, Partial<Readonly<Record<Tag, readonly string[]>>>>
> = {
  fr: {
    GROCERY_WORD: [
      'BOULANGERIE',
      'PATISSERIE',
      'BOUCHERIE',
      'CHARCUTERIE',
      'FROMAGERIE',
      'POISSONNERIE',
      'EPICERIE',
      'PRIMEUR',
      'SUPERMARCHE',
      'HYPERMARCHE',
      'SUPERETTE',
      'TRAITEUR',
    ],
    HEALTH_WORD: ['PHARMACIE', 'OPTICIEN', 'OPTIQUE', 'DENTAIRE', 'LABORATOIRE'],
    SHOPPING_WORD: [
      'COIFFEUR',
      'COIFFURE',
      'PARFUMERIE',
      'LIBRAIRIE',
      'BIJOUTERIE',
      'QUINCAILLERIE',
    ],
    TOBACCO_WORD: ['TABAC', 'BURALISTE'],
    LEISURE_WORD: ['RESTAURANT', 'BRASSERIE', 'PIZZERIA', 'CREPERIE', 'FRITERIE'],
    TRANSPORT_WORD: ['CARBURANT', 'STATION SERVICE'],
  },
  en: {
    GROCERY_WORD: ['BAKERY', 'BUTCHERS', 'GREENGROCER', 'SUPERMARKET', 'FISHMONGER'],
    HEALTH_WORD: ['PHARMACY', 'OPTICIAN', 'OPTICIANS', 'DENTAL', 'DENTIST'],
    SHOPPING_WORD: ['HAIRDRESSER', 'HAIRDRESSERS', 'BARBERS'],
    TOBACCO_WORD: ['TOBACCONIST'],
    LEISURE_WORD: ['RESTAURANT', 'TAKEAWAY'],
    TRANSPORT_WORD: ['PETROL', 'FILLING STATION', 'SERVICE STATION'],
  },
  es: {
    GROCERY_WORD: [
      'PANADERIA',
      'PASTELERIA',
      'CARNICERIA',
      'CHARCUTERIA',
      'FRUTERIA',
      'PESCADERIA',
      'SUPERMERCADO',
      'ULTRAMARINOS',
    ],
    HEALTH_WORD: ['FARMACIA', 'OPTICA', 'CLINICA DENTAL'],
    SHOPPING_WORD: ['PELUQUERIA', 'PERFUMERIA', 'LIBRERIA', 'FERRETERIA'],
    TOBACCO_WORD: ['ESTANCO', 'EXPENDEDURIA'],
    LEISURE_WORD: [
      'RESTAURANTE',
      'CAFETERIA',
      'CERVECERIA',
      'TABERNA',
      'PIZZERIA',
      'SIDRERIA',
      'ASADOR',
    ],
    TRANSPORT_WORD: ['GASOLINERA', 'ESTACION DE SERVICIO'],
  },
  nl: {
    GROCERY_WORD: [
      'BAKKERIJ',
      'SLAGERIJ',
      'GROENTEBOER',
      'SUPERMARKT',
      'BEENHOUWERIJ',
      'KAASHANDEL',
      'VISHANDEL',
    ],
    HEALTH_WORD: ['APOTHEEK', 'OPTICIEN', 'OPTIEK', 'TANDARTS'],
    SHOPPING_WORD: ['KAPPER', 'KAPSALON', 'DROGISTERIJ'],
    TOBACCO_WORD: ['TABAKSWINKEL', 'SIGARENWINKEL'],
    LEISURE_WORD: ['RESTAURANT', 'EETCAFE', 'FRITUUR', 'CAFETARIA', 'SNACKBAR'],
    TRANSPORT_WORD: ['TANKSTATION', 'TAXI'],
  },
  de: {
    GROCERY_WORD: [
      'BAECKEREI',
      'BACKEREI',
      'METZGEREI',
      'FLEISCHEREI',
      'KONDITOREI',
      'SUPERMARKT',
      'GETRAENKEMARKT',
    ],
    HEALTH_WORD: ['APOTHEKE', 'OPTIKER', 'AUGENOPTIK', 'ZAHNARZT'],
    SHOPPING_WORD: ['FRISEUR', 'DROGERIE', 'BUCHHANDLUNG'],
    TOBACCO_WORD: ['TABAKWAREN', 'TABAKLADEN'],
    LEISURE_WORD: [
      'RESTAURANT',
      'GASTSTAETTE',
      'GASTHAUS',
      'GASTHOF',
      'IMBISS',
      'PIZZERIA',
      'PHILHARMONIE',
      'KONZERTHAUS',
      'SCHAUSPIELHAUS',
      'DOENER',
      'DONER',
    ],
    TRANSPORT_WORD: ['TANKSTELLE', 'WASCHANLAGE', 'WASCHSTRASSE'],
  },
}
