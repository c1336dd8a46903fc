/**
 * Generates a whole dataset for a seed: catalogue, users and their events, into the seed-schema
 * tables of a DuckDB connection, and optionally into a dataset folder. One integer seed fixes
 * everything, Faker included; users are simulated in order, each from its own random stream.
 */
import { Faker, en } from "@faker-js/faker";
import type { DuckDBConnection } from "@duckdb/node-api";
import { Rng } from "../random/rng";
import { buildCatalog } from "./catalog";
import { dayFactors } from "./calendar";
import { DuckDBEventSink, appendDimensions, materialize } from "./duckdbSink";
import { appendPlantedChurn } from "./plantedChurn";
import { EventColumns } from "./eventColumns";
import { buildContext, simulateUser } from "./sessions";
import { buildUsers } from "./users";
import type { GeneratorParams } from "./params";
import { validateParams } from "./params";

export interface GenerateProgress {
  usersDone: number;
  users: number;
  events: number;
}

export interface GenerateSummary {
  users: number;
  products: number;
  sessions: number;
  events: number;
}

const FLUSH_AT = 1 << 16;

/** Fills `connection` with tables users, products and events for `params`. */
export async function generateIntoDuckDB(
  connection: DuckDBConnection,
  params: GeneratorParams,
  onProgress?: (progress: GenerateProgress) => void,
): Promise<GenerateSummary> {
  validateParams(params);
  const faker = new Faker({ locale: [en] });
  faker.seed(params.seed);
  const startMs = params.start.getTime();
  const factors = dayFactors(startMs, params.days);
  const catalog = buildCatalog(params.products, new Rng(params.seed, -2), faker);
  const users = buildUsers(params.users, params.days, factors.visits, params.seed, faker);
  const ctx = buildContext(params.seed, params.days, catalog, factors);

  await appendDimensions(connection, users, catalog);
  const sink = new DuckDBEventSink(connection);
  await sink.open();
  const buffer = new EventColumns(FLUSH_AT * 2);
  const churnMs = new Float64Array(users.count);
  let sessions = 0;
  const progressEvery = Math.max(1, Math.floor(params.users / 20));
  for (let u = 0; u < users.count; u++) {
    sessions = simulateUser(u, users, ctx, buffer, sessions, churnMs);
    if (buffer.length >= FLUSH_AT) {
      sink.append(buffer);
      buffer.clear();
    }
    if (onProgress && (u + 1) % progressEvery === 0) {
      onProgress({ usersDone: u + 1, users: users.count, events: sink.eventCount + buffer.length });
    }
  }
  sink.append(buffer);
  sink.close();
  await materialize(connection, startMs, users.count, catalog.count, sessions);
  await appendPlantedChurn(connection, startMs, churnMs);
  return { users: users.count, products: catalog.count, sessions, events: sink.eventCount };
}
