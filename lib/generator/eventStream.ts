/**
 * The simulation as a DuckDB table function, `simulated_events()`, so that events stream straight into
 * the Parquet (or CSV) writer instead of being loaded into a table first. Users are simulated on the
 * JavaScript thread while a DuckDB thread formats, compresses and writes the events simulated before
 * them: the two overlap, and no copy of the events is ever held, whatever their number.
 *
 * Each scan simulates from the first user again (every user draws from a stream of their own, so a scan
 * gives the same rows in the same order every time). Between DuckDB's requests the JavaScript thread
 * simulates ahead, up to AHEAD_EVENTS; a request that finds too few events simulates them on the spot.
 *
 * Every request crosses from a DuckDB thread to the JavaScript thread and back, which costs two thread
 * wake-ups (milliseconds each on a busy machine). So a row of `simulated_events()` is a batch of up to
 * BATCH_EVENTS events, one list per column, and the view `events` unnests them: a few hundred crossings
 * for 10M events instead of one per 2,048.
 */
import bindings from "@duckdb/node-bindings";
import {
  type DuckDBConnection,
  type DuckDBDataChunk,
  DuckDBTableFunction,
  DOUBLE,
  INTEGER,
  LIST,
  TINYINT,
} from "@duckdb/node-api";
import { EventColumns } from "./eventColumns";
import { type SimulationContext, simulateUser } from "./sessions";
import type { UserTable } from "./users";

export const SIMULATED_EVENTS = "simulated_events";
/** Events in one row of `simulated_events()` (one list per column). */
const BATCH_EVENTS = 1 << 16;
/** How far the simulation runs ahead of the writer: a few batches, small in memory. */
const AHEAD_EVENTS = 4 * BATCH_EVENTS;
/**
 * Events simulated before yielding to the event loop: a request from DuckDB waits for the slice under
 * way, so slices are small (one costs about a millisecond).
 */
const SLICE_EVENTS = 2048;

export interface StreamProgress {
  usersDone: number;
  users: number;
  events: number;
}

/** What a finished scan learnt: counts, and each user's planted churn time (ms since the window start). */
export interface StreamTotals {
  events: number;
  sessions: number;
  churnMs: Float64Array;
}

/** One scan's simulation: users in order into a queue of event columns that the writer drains. */
class Simulation {
  private queue = new EventColumns(AHEAD_EVENTS + SLICE_EVENTS);
  private head = 0;
  private nextUser = 0;
  private sessions = 0;
  private emitted = 0;
  private pumping = false;
  private eventIds = new Int32Array(BATCH_EVENTS);
  readonly churnMs: Float64Array;
  private readonly progressEvery: number;

  constructor(
    private users: UserTable,
    private ctx: SimulationContext,
    private onProgress?: (progress: StreamProgress) => void,
    private onDone?: (totals: StreamTotals) => void,
  ) {
    this.churnMs = new Float64Array(users.count);
    this.progressEvery = Math.max(1, Math.floor(users.count / 20));
    this.pump();
  }

  private get buffered(): number {
    return this.queue.length - this.head;
  }

  private get finished(): boolean {
    return this.nextUser >= this.users.count;
  }

  /** Simulates users until `events` more are buffered (or none are left). */
  private simulate(events: number): void {
    if (this.head >= AHEAD_EVENTS / 2) this.compact();
    const target = this.queue.length + events;
    while (this.queue.length < target && !this.finished) {
      const u = this.nextUser++;
      this.sessions = simulateUser(u, this.users, this.ctx, this.queue, this.sessions, this.churnMs);
      if (this.onProgress && (u + 1) % this.progressEvery === 0) {
        this.onProgress({ usersDone: u + 1, users: this.users.count, events: this.emitted + this.buffered });
      }
    }
  }

  /** Moves the unread events to the front of the queue. */
  private compact(): void {
    const q = this.queue;
    const n = this.buffered;
    for (const column of [q.user, q.session, q.type, q.ms, q.product, q.quantity]) column.copyWithin(0, this.head, q.length);
    q.truncate(n);
    this.head = 0;
  }

  /** Simulates ahead in slices while the JavaScript thread would otherwise wait for DuckDB. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    const step = () => {
      if (this.finished || this.buffered >= AHEAD_EVENTS) {
        this.pumping = false;
        return;
      }
      this.simulate(SLICE_EVENTS);
      setImmediate(step);
    };
    setImmediate(step);
  }

  /** Fills `output` with one row holding the next batch of events in order; no row means the scan is over. */
  fill(output: DuckDBDataChunk): void {
    if (this.buffered < BATCH_EVENTS) this.simulate(BATCH_EVENTS - this.buffered);
    const n = Math.min(BATCH_EVENTS, this.buffered);
    output.rowCount = n === 0 ? 0 : 1;
    if (n === 0) {
      this.onDone?.({ events: this.emitted, sessions: this.sessions, churnMs: this.churnMs });
      return;
    }
    for (let i = 0; i < n; i++) this.eventIds[i] = this.emitted + i + 1;
    const raw = output.chunk;
    const q = this.queue;
    setList(raw, 0, this.eventIds, 0, n);
    setList(raw, 1, q.user, this.head, n);
    setList(raw, 2, q.session, this.head, n);
    setList(raw, 3, q.type, this.head, n);
    setList(raw, 4, q.ms, this.head, n);
    setList(raw, 5, q.product, this.head, n);
    setList(raw, 6, q.quantity, this.head, n);
    this.head += n;
    this.emitted += n;
    this.pump();
  }
}

/** Makes row 0 of list column `column` the `n` values of `source` from `offset`. */
function setList(chunk: bindings.DataChunk, column: number, source: Int32Array | Int8Array | Float64Array, offset: number, n: number): void {
  const vector = bindings.data_chunk_get_vector(chunk, column);
  bindings.list_vector_reserve(vector, n);
  const bytes = source.BYTES_PER_ELEMENT;
  bindings.copy_data_to_vector(bindings.list_vector_get_child(vector), 0, source.buffer as ArrayBuffer, source.byteOffset + offset * bytes, n * bytes);
  bindings.list_vector_set_size(vector, n);
  // A list entry is { offset: uint64, length: uint64 } into the child vector.
  const entry = new BigUint64Array([0n, BigInt(n)]);
  bindings.copy_data_to_vector(vector, 0, entry.buffer, 0, entry.byteLength);
}

const COLUMNS = [
  ["event_id", INTEGER],
  ["user_ix", INTEGER],
  ["session_ix", INTEGER],
  ["type", TINYINT],
  ["ms", DOUBLE],
  ["product_ix", INTEGER],
  ["quantity", TINYINT],
] as const;

/** The columns of the raw events, each a list per batch. */
export const RAW_EVENT_COLUMNS = COLUMNS.map(([name]) => name);

/**
 * Registers `simulated_events()` on `connection`: every scan simulates all users in order. `onDone`
 * hears each finished scan's totals (the same for every scan).
 */
export function registerEventStream(
  connection: DuckDBConnection,
  users: UserTable,
  ctx: SimulationContext,
  onProgress?: (progress: StreamProgress) => void,
  onDone?: (totals: StreamTotals) => void,
): void {
  connection.registerTableFunction(
    DuckDBTableFunction.create({
      name: SIMULATED_EVENTS,
      bindFunction: (info) => {
        for (const [name, type] of COLUMNS) info.addResultColumn(name, LIST(type));
      },
      initFunction: (info) => info.setInitData(new Simulation(users, ctx, onProgress, onDone)),
      mainFunction: (info, output) => (info.initData as Simulation).fill(output),
    }),
  );
}
