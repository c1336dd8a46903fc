/**
 * Generates a whole dataset for a seed: catalogue, users and their events, as the seed-schema tables
 * users and products and the view events of a DuckDB connection. One integer seed fixes everything,
 * Faker included; users are simulated in order, each from its own random stream. The events are
 * simulated while they are written (lib/generator/eventStream.ts), so they exist only once written.
 */
import { Faker, en } from "@faker-js/faker";
import type { DuckDBConnection } from "@duckdb/node-api";
import { Rng } from "../random/rng";
import { buildCatalog } from "./catalog";
import { dayFactors } from "./calendar";
import { MIN_SESSION_ID_WIDTH, appendDimensions, createEventsView, idWidth, materializeDimensions } from "./duckdbTables";
import { type StreamProgress, type StreamTotals, registerEventStream } from "./eventStream";
import { appendPlantedChurn } from "./plantedChurn";
import { buildContext } from "./sessions";
import { buildUsers } from "./users";
import type { GeneratorParams } from "./params";
import { validateParams } from "./params";

export type GenerateProgress = StreamProgress;

export interface GenerateSummary {
  users: number;
  products: number;
  sessions: number;
  events: number;
}

export interface Generation {
  /**
   * Runs `write`, which must read the whole view `events` (e.g. copy it to a file), then records the
   * planted churn (table planted_churn) and returns the counts. Should the sessions outnumber what
   * 8-digit session ids can name, the view is widened and `write` runs again (the scan is deterministic).
   */
  writeEvents(write: () => Promise<void>): Promise<GenerateSummary>;
}

/** Fills `connection` with tables users and products, and a view events that simulates as it is read. */
export async function startGeneration(
  connection: DuckDBConnection,
  params: GeneratorParams,
  onProgress?: (progress: GenerateProgress) => void,
): Promise<Generation> {
  validateParams(params);
  const faker = new Faker({ locale: [en] });
  faker.seed(params.seed);
  const startMs = params.start.getTime();
  const factors = dayFactors(startMs, params.days);
  const catalog = buildCatalog(params.products, new Rng(params.seed, -2), faker);
  const users = buildUsers(params.users, params.days, factors.visits, params.seed, faker);
  const ctx = buildContext(params.seed, params.days, catalog, factors);

  await appendDimensions(connection, users, catalog);
  await materializeDimensions(connection, startMs, users.count, catalog.count);
  let totals: StreamTotals | undefined;
  registerEventStream(connection, users, ctx, onProgress, (done) => (totals = done));
  let width = MIN_SESSION_ID_WIDTH;
  await createEventsView(connection, startMs, { users: users.count, products: catalog.count, sessionIdWidth: width });
  return {
    async writeEvents(write) {
      await write();
      if (!totals) throw new Error("the events were not read to the end");
      if (idWidth(totals.sessions, MIN_SESSION_ID_WIDTH) > width) {
        width = idWidth(totals.sessions, MIN_SESSION_ID_WIDTH);
        await createEventsView(connection, startMs, { users: users.count, products: catalog.count, sessionIdWidth: width });
        await write();
      }
      await appendPlantedChurn(connection, startMs, totals.churnMs);
      return { users: users.count, products: catalog.count, sessions: totals.sessions, events: totals.events };
    },
  };
}
