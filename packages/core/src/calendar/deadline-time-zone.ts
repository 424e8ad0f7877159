import { getJurisdiction } from '../jurisdictions/index.js';
import type { JurisdictionKey } from '../manifest/schema/common.js';

/**
 * The zone of each country that has one zone (EEA, UK, China), for a controller that names its
 * country but no zone.
 */
const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  HR: 'Europe/Zagreb',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  DE: 'Europe/Berlin',
  GR: 'Europe/Athens',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  LV: 'Europe/Riga',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SK: 'Europe/Bratislava',
  SI: 'Europe/Ljubljana',
  ES: 'Europe/Madrid',
  SE: 'Europe/Stockholm',
  IS: 'Atlantic/Reykjavik',
  LI: 'Europe/Vaduz',
  NO: 'Europe/Oslo',
  GB: 'Europe/London',
  CN: 'Asia/Shanghai',
};

/**
 * Zone used for a law that spans several zones when the controller's is not known: the
 * easternmost, whose midnight comes first, so a deadline is never late anywhere the law applies.
 */
const EARLIEST_MIDNIGHT: Partial<Record<JurisdictionKey, string>> = { 'eu-gdpr': 'Europe/Athens' };

/** Where the controller is, as the manifest states it (`controller.timeZone`, `controller.country`). */
export interface ControllerLocation {
  timeZone?: string | undefined;
  country?: string | undefined;
}

/**
 * The IANA zone in which a request's day-counted deadline ends. A law with a zone of its own
 * (UK, California, Brazil, China) keeps it. Otherwise (EU, or no law): the controller's
 * `timeZone`, else the zone of its `country` when the law covers that country, else the law's
 * earliest midnight (`Europe/Athens` for the EU), else UTC.
 */
export function deadlineTimeZone(key: JurisdictionKey | undefined, controller?: ControllerLocation): string {
  const law = key ? getJurisdiction(key) : undefined;
  if (law?.timeZone) return law.timeZone;
  if (controller?.timeZone) return controller.timeZone;
  const country = controller?.country?.toUpperCase();
  const countryZone = country ? COUNTRY_ZONES[country] : undefined;
  if (countryZone && (!law || law.regions.includes(country as string))) return countryZone;
  return (key && EARLIEST_MIDNIGHT[key]) ?? 'UTC';
}
