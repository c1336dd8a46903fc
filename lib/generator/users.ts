/**
 * Who the users are: planted segment, registration time, demographics and contact details.
 * Registrations spread over the window with growth and the same seasonality as visits; "New" users
 * register near the end of the window, which is what makes them new.
 */
import type { Faker } from "@faker-js/faker";
import { Rng, cumulativeWeights } from "../random/rng";
import { HOUR_CDF } from "./calendar";
import { NEVER_ACTIVE_SHARE, NEW_USER_DAYS, SEGMENTS } from "./behaviour";

const DAY_MS = 86_400_000;

export interface UserTable {
  count: number;
  segment: Int8Array;
  /** Registration time, milliseconds since the window start. */
  registrationMs: Float64Array;
  age: Int8Array;
  female: Uint8Array;
  location: Int32Array;
  neverActive: Uint8Array;
  windowShopper: Uint8Array;
  emails: string[];
  cities: string[];
}

const SEGMENT_CDF = cumulativeWeights(SEGMENTS.map((s) => s.share));
const CITY_COUNT = 40;

/** A time of day drawn from the hour-of-day curve, in milliseconds. */
export function timeOfDayMs(rng: Rng): number {
  return rng.pick(HOUR_CDF) * 3_600_000 + rng.int(3_600_000);
}

export function buildUsers(count: number, days: number, visitFactors: Float64Array, seed: number, faker: Faker): UserTable {
  const rng = new Rng(seed, -1);
  const cities = Array.from({ length: CITY_COUNT }, () => faker.location.city());
  // City sizes follow a Zipf law, so "top cities + Other" breakdowns look like real ones.
  const cityCdf = cumulativeWeights(cities.map((_, i) => 1 / (i + 1)));
  // Registrations follow the visit seasonality, with an opening wave (existing customers signing up
  // in the first weeks) on top of steady growth, so the active base is not empty for months.
  const regWeights = Array.from({ length: days }, (_, d) => (1 + (0.5 * d) / days + 5 * Math.exp(-d / 40)) * visitFactors[d]!);
  const regCdf = cumulativeWeights(regWeights);
  const newFrom = Math.max(0, days - NEW_USER_DAYS);
  const newCdf = cumulativeWeights(regWeights.slice(newFrom));

  const users: UserTable = {
    count,
    segment: new Int8Array(count),
    registrationMs: new Float64Array(count),
    age: new Int8Array(count),
    female: new Uint8Array(count),
    location: new Int32Array(count),
    neverActive: new Uint8Array(count),
    windowShopper: new Uint8Array(count),
    emails: new Array<string>(count),
    cities,
  };
  for (let u = 0; u < count; u++) {
    const s = rng.pick(SEGMENT_CDF);
    const seg = SEGMENTS[s]!;
    users.segment[u] = s;
    const day = seg.name === "New" ? newFrom + rng.pick(newCdf) : rng.pick(regCdf);
    users.registrationMs[u] = day * DAY_MS + timeOfDayMs(rng);
    users.age[u] = Math.round(Math.min(65, Math.max(18, seg.ageMean + seg.ageSd * rng.normal())));
    users.female[u] = rng.bernoulli(0.52) ? 1 : 0;
    users.location[u] = rng.pick(cityCdf);
    users.neverActive[u] = rng.bernoulli(NEVER_ACTIVE_SHARE) ? 1 : 0;
    users.windowShopper[u] = rng.bernoulli(seg.windowShopperShare) ? 1 : 0;
    const sex = users.female[u] ? "female" : "male";
    const firstName = faker.person.firstName(sex);
    const lastName = faker.person.lastName();
    // The index keeps emails unique, as a real user table's would be.
    users.emails[u] = faker.internet
      .email({ firstName, lastName: `${lastName}${u + 1}`, allowSpecialCharacters: false })
      .toLowerCase();
  }
  return users;
}
