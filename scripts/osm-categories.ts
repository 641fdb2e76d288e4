/**
 * The one table that says which OpenStreetMap place types become which creditlens category
 * (LABELLING.md, "Merchants"). Read at build time only, by `build-dictionaries.ts`: a type that
 * is not listed here is left out of the generated data. Keys are `key/value` as in the
 * name-suggestion-index paths and the id-tagging-schema presets (`shop/bakery`).
 *
 * Choices that LABELLING.md does not spell out:
 * - car repair, tyres, car parts, car wash and vehicle inspection are TRANSPORT, as the hand
 *   dictionaries already file Norauto, Speedy, Midas and Dekra;
 * - a chemist (dm, Rossmann, Kruidvat, Etos) sells mostly toiletries and cosmetics: SHOPPING;
 *   a pharmacy is HEALTH (where one name is both, HEALTH wins: see `CATEGORY_PRECEDENCE`);
 * - hairdressers and beauty salons have no category of their own: SHOPPING, next to cosmetics;
 * - wine shops, drinks shops, confectioners and wholesalers (Metro, Makro) are GROCERY;
 * - travel agencies, hotels, campsites and theme parks are LEISURE (holidays);
 * - amusement arcades and adult gaming centres (Merkur Spielothek) are GAMBLING;
 * - `shop/mobile_phone` is TELECOM only for a brand that is also a telecom operator
 *   (`shop/telecommunication`); phone retailers and makers are SHOPPING.
 * Left out: banks (a separate list), vending machines, ATMs, charities' shops are kept as
 * SHOPPING, fuel-card and power grid operators are left out (`operators/*` are not brands).
 */
export type OsmCategory =
  | 'GROCERY'
  | 'TRANSPORT'
  | 'HEALTH'
  | 'SPORT'
  | 'TOBACCO'
  | 'LEISURE'
  | 'SHOPPING'
  | 'TELECOM'
  | 'GAMBLING'

export const OSM_CATEGORIES: Readonly<Record<string, OsmCategory>> = {
  'shop/supermarket': 'GROCERY',
  'shop/convenience': 'GROCERY',
  'shop/bakery': 'GROCERY',
  'shop/pastry': 'GROCERY',
  'shop/butcher': 'GROCERY',
  'shop/greengrocer': 'GROCERY',
  'shop/deli': 'GROCERY',
  'shop/cheese': 'GROCERY',
  'shop/seafood': 'GROCERY',
  'shop/farm': 'GROCERY',
  'shop/frozen_food': 'GROCERY',
  'shop/health_food': 'GROCERY',
  'shop/beverages': 'GROCERY',
  'shop/alcohol': 'GROCERY',
  'shop/wine': 'GROCERY',
  'shop/confectionery': 'GROCERY',
  'shop/chocolate': 'GROCERY',
  'shop/coffee': 'GROCERY',
  'shop/tea': 'GROCERY',
  'shop/dairy': 'GROCERY',
  'shop/food': 'GROCERY',
  'shop/wholesale': 'GROCERY',
  'amenity/marketplace': 'GROCERY',

  'amenity/fuel': 'TRANSPORT',
  'amenity/charging_station': 'TRANSPORT',
  'amenity/parking': 'TRANSPORT',
  'amenity/car_rental': 'TRANSPORT',
  'amenity/bicycle_rental': 'TRANSPORT',
  'amenity/car_sharing': 'TRANSPORT',
  'amenity/taxi': 'TRANSPORT',
  'amenity/car_wash': 'TRANSPORT',
  'amenity/vehicle_inspection': 'TRANSPORT',
  'shop/car_repair': 'TRANSPORT',
  'shop/tyres': 'TRANSPORT',
  'shop/car_parts': 'TRANSPORT',

  'amenity/pharmacy': 'HEALTH',
  'amenity/doctors': 'HEALTH',
  'amenity/dentist': 'HEALTH',
  'amenity/clinic': 'HEALTH',
  'shop/optician': 'HEALTH',
  'shop/hearing_aids': 'HEALTH',
  'shop/medical_supply': 'HEALTH',
  'healthcare/laboratory': 'HEALTH',
  'healthcare/physiotherapist': 'HEALTH',

  'leisure/fitness_centre': 'SPORT',
  'leisure/sports_centre': 'SPORT',
  'leisure/swimming_pool': 'SPORT',
  'shop/sports': 'SPORT',
  'shop/outdoor': 'SPORT',

  'shop/tobacco': 'TOBACCO',
  'shop/e-cigarette': 'TOBACCO',

  'amenity/fast_food': 'LEISURE',
  'amenity/restaurant': 'LEISURE',
  'amenity/cafe': 'LEISURE',
  'amenity/bar': 'LEISURE',
  'amenity/pub': 'LEISURE',
  'amenity/biergarten': 'LEISURE',
  'amenity/ice_cream': 'LEISURE',
  'amenity/food_court': 'LEISURE',
  'amenity/nightclub': 'LEISURE',
  'amenity/cinema': 'LEISURE',
  'amenity/theatre': 'LEISURE',
  'tourism/hotel': 'LEISURE',
  'tourism/motel': 'LEISURE',
  'tourism/hostel': 'LEISURE',
  'tourism/guest_house': 'LEISURE',
  'tourism/camp_site': 'LEISURE',
  'tourism/theme_park': 'LEISURE',
  'tourism/zoo': 'LEISURE',
  'leisure/bowling_alley': 'LEISURE',
  'leisure/escape_game': 'LEISURE',
  'leisure/water_park': 'LEISURE',
  'leisure/trampoline_park': 'LEISURE',
  'shop/travel_agency': 'LEISURE',

  'shop/clothes': 'SHOPPING',
  'shop/shoes': 'SHOPPING',
  'shop/bag': 'SHOPPING',
  'shop/fashion_accessories': 'SHOPPING',
  'shop/jewelry': 'SHOPPING',
  'shop/watches': 'SHOPPING',
  'shop/electronics': 'SHOPPING',
  'shop/computer': 'SHOPPING',
  'shop/hifi': 'SHOPPING',
  'shop/appliance': 'SHOPPING',
  'shop/doityourself': 'SHOPPING',
  'shop/hardware': 'SHOPPING',
  'shop/trade': 'SHOPPING',
  'shop/paint': 'SHOPPING',
  'shop/garden_centre': 'SHOPPING',
  'shop/department_store': 'SHOPPING',
  'shop/variety_store': 'SHOPPING',
  'shop/furniture': 'SHOPPING',
  'shop/bed': 'SHOPPING',
  'shop/kitchen': 'SHOPPING',
  'shop/houseware': 'SHOPPING',
  'shop/interior_decoration': 'SHOPPING',
  'shop/cosmetics': 'SHOPPING',
  'shop/perfumery': 'SHOPPING',
  'shop/chemist': 'SHOPPING',
  'shop/beauty': 'SHOPPING',
  'shop/hairdresser': 'SHOPPING',
  'shop/toys': 'SHOPPING',
  'shop/baby_goods': 'SHOPPING',
  'shop/books': 'SHOPPING',
  'shop/stationery': 'SHOPPING',
  'shop/newsagent': 'SHOPPING',
  'shop/gift': 'SHOPPING',
  'shop/pet': 'SHOPPING',
  'shop/bicycle': 'SHOPPING',
  'shop/second_hand': 'SHOPPING',
  'shop/charity': 'SHOPPING',
  'shop/florist': 'SHOPPING',
  'shop/craft': 'SHOPPING',
  'shop/fabric': 'SHOPPING',
  'shop/music': 'SHOPPING',
  'shop/video_games': 'SHOPPING',
  'shop/photo': 'SHOPPING',
  'shop/mall': 'SHOPPING',
  'shop/mobile_phone': 'SHOPPING',

  'shop/telecommunication': 'TELECOM',

  'shop/lottery': 'GAMBLING',
  'shop/bookmaker': 'GAMBLING',
  'amenity/casino': 'GAMBLING',
  'amenity/gambling': 'GAMBLING',
  'leisure/adult_gaming_centre': 'GAMBLING',
  'leisure/amusement_arcade': 'GAMBLING',
}

/** Banks: not a category, a list of names (lenders, the customer's own accounts). */
export const OSM_BANK_TYPES: readonly string[] = ['amenity/bank']

/**
 * When one normalised name has two categories in one market (Leclerc is a supermarket and a
 * fuel station, Boots a chemist and a pharmacy), the first category here wins: what the name
 * is mostly known for comes first.
 */
export const CATEGORY_PRECEDENCE: readonly OsmCategory[] = [
  'TELECOM',
  'GROCERY',
  'SPORT',
  'HEALTH',
  'GAMBLING',
  'TOBACCO',
  'SHOPPING',
  'LEISURE',
  'TRANSPORT',
]
