/**
 * Moves generated columns into DuckDB. Events go in as whole data chunks copied straight from the
 * typed arrays (the fastest path the Node client offers: ~4M rows/s against ~1M for row-by-row
 * appends); ids, event-type names and timestamps are then formatted by DuckDB in one SQL pass.
 */
import bindings from "@duckdb/node-bindings";
import {
  DuckDBAppender,
  DuckDBConnection,
  DuckDBDataChunk,
  DOUBLE,
  INTEGER,
  TINYINT,
} from "@duckdb/node-api";
import { EVENT_TYPES, PLANTED_SEGMENTS } from "../dataset/schema";
import type { Catalog } from "./catalog";
import { CATEGORIES } from "./catalog";
import type { EventColumns } from "./eventColumns";
import type { UserTable } from "./users";
import { sqlString } from "../db/duckdb";

const RAW_EVENT_TYPES = [INTEGER, INTEGER, INTEGER, TINYINT, DOUBLE, INTEGER, TINYINT];
const VECTOR_SIZE = bindings.vector_size();

export class DuckDBEventSink {
  private appender!: DuckDBAppender;
  private chunk = DuckDBDataChunk.create(RAW_EVENT_TYPES);
  private written = 0;
  private eventIds = new Int32Array(VECTOR_SIZE);

  constructor(private connection: DuckDBConnection) {}

  async open(): Promise<void> {
    await this.connection.run(
      "CREATE TEMP TABLE events_raw (event_id INTEGER, user_ix INTEGER, session_ix INTEGER, type TINYINT, ms DOUBLE, product_ix INTEGER, quantity TINYINT)",
    );
    this.appender = await this.connection.createAppender("events_raw");
  }

  get eventCount(): number {
    return this.written;
  }

  /** Appends every buffered event, in order, numbering them from 1. */
  append(columns: EventColumns): void {
    for (let offset = 0; offset < columns.length; offset += VECTOR_SIZE) {
      const n = Math.min(VECTOR_SIZE, columns.length - offset);
      for (let i = 0; i < n; i++) this.eventIds[i] = this.written + offset + i + 1;
      this.chunk.reset();
      this.chunk.rowCount = n;
      const raw = this.chunk.chunk;
      copy(raw, 0, this.eventIds, 0, n);
      copy(raw, 1, columns.user, offset, n);
      copy(raw, 2, columns.session, offset, n);
      copy(raw, 3, columns.type, offset, n);
      copy(raw, 4, columns.ms, offset, n);
      copy(raw, 5, columns.product, offset, n);
      copy(raw, 6, columns.quantity, offset, n);
      this.appender.appendDataChunk(this.chunk);
    }
    this.written += columns.length;
  }

  close(): void {
    this.appender.flushSync();
    this.appender.closeSync();
  }
}

function copy(chunk: bindings.DataChunk, column: number, source: Int32Array | Int8Array | Float64Array, offset: number, n: number): void {
  const bytes = source.BYTES_PER_ELEMENT;
  bindings.copy_data_to_vector(bindings.data_chunk_get_vector(chunk, column), 0, source.buffer as ArrayBuffer, source.byteOffset + offset * bytes, n * bytes);
}

/** Loads the user and product tables (small: the row appender is fast enough). */
export async function appendDimensions(connection: DuckDBConnection, users: UserTable, catalog: Catalog): Promise<void> {
  await connection.run("CREATE TEMP TABLE users_raw (ix INTEGER, email VARCHAR, reg_ms DOUBLE, age INTEGER, female BOOLEAN, location VARCHAR, segment TINYINT)");
  const ua = await connection.createAppender("users_raw");
  for (let u = 0; u < users.count; u++) {
    ua.appendInteger(u);
    ua.appendVarchar(users.emails[u]!);
    ua.appendDouble(users.registrationMs[u]!);
    ua.appendInteger(users.age[u]!);
    ua.appendBoolean(users.female[u] === 1);
    ua.appendVarchar(users.cities[users.location[u]!]!);
    ua.appendTinyInt(users.segment[u]!);
    ua.endRow();
  }
  ua.closeSync();
  await connection.run("CREATE TEMP TABLE products_raw (ix INTEGER, name VARCHAR, category VARCHAR, price DOUBLE)");
  const pa = await connection.createAppender("products_raw");
  for (let p = 0; p < catalog.count; p++) {
    pa.appendInteger(p);
    pa.appendVarchar(catalog.names[p]!);
    pa.appendVarchar(CATEGORIES[catalog.category[p]!]!.name);
    pa.appendDouble(catalog.price[p]!);
    pa.endRow();
  }
  pa.closeSync();
}

const list = (values: readonly string[]) => `[${values.map(sqlString).join(", ")}]`;

/** Id widths grow with the data so ids stay fixed-width (U000001 for up to 999,999 users). */
function idWidth(count: number, minimum: number): number {
  return Math.max(minimum, String(count).length);
}

/**
 * Turns the raw tables into the seed-schema tables users and products, and a view `events` that formats
 * the raw event columns on the fly. The view is exported in one pass; its product and user columns are
 * list look-ups by index rather than a join, because a join would cost a sort to restore event order.
 */
export async function materialize(connection: DuckDBConnection, startMs: number, userCount: number, productCount: number, sessionCount: number): Promise<void> {
  const startUs = `${BigInt(startMs) * 1000n}::BIGINT`;
  const ts = (msColumn: string) => `make_timestamp(${startUs} + (${msColumn} * 1000)::BIGINT)`;
  const uid = (ix: string) => `printf('U%0${idWidth(userCount, 6)}d', ${ix} + 1)`;
  const pid = (ix: string) => `printf('P%0${idWidth(productCount, 4)}d', ${ix} + 1)`;
  const sid = (ix: string) => `printf('S%0${idWidth(sessionCount, 8)}d', ${ix} + 1)`;
  await connection.run(`CREATE TABLE products AS
    SELECT ${pid("ix")} AS product_id, name AS product_name, category, price FROM products_raw ORDER BY ix`);
  await connection.run(`CREATE TABLE users AS
    SELECT ${uid("ix")} AS user_id, email, ${ts("reg_ms")} AS registration_date, age,
           CASE WHEN female THEN 'F' ELSE 'M' END AS gender, location,
           ${list(PLANTED_SEGMENTS)}[segment + 1] AS segment
    FROM users_raw ORDER BY ix`);
  await connection.run(`SET VARIABLE user_ids = (SELECT list(user_id ORDER BY user_id) FROM users)`);
  for (const column of ["product_id", "category", "price"]) {
    await connection.run(`SET VARIABLE product_${column}s = (SELECT list(${column} ORDER BY product_id) FROM products)`);
  }
  // product_ix is -1 on session events: list index 0 is NULL in DuckDB, which is what those rows need.
  await connection.run(`CREATE VIEW events AS
    SELECT event_id::BIGINT AS event_id, getvariable('user_ids')[user_ix + 1] AS user_id, ${sid("session_ix")} AS session_id,
           ${list(EVENT_TYPES)}[type + 1] AS event_type, ${ts("ms")} AS "timestamp",
           getvariable('product_product_ids')[product_ix + 1] AS product_id,
           getvariable('product_categorys')[product_ix + 1] AS category,
           getvariable('product_prices')[product_ix + 1] AS price,
           CASE WHEN quantity > 0 THEN quantity::INTEGER END AS quantity
    FROM events_raw`);
}
