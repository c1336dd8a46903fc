/**
 * Events as columns of typed arrays, never as JavaScript objects: at tens of millions of events an
 * object per event costs gigabytes and most of the time in garbage collection.
 * Ids and strings are formatted later, in DuckDB, which is cheaper than formatting them here.
 */
export const EVENT_CODE = { session_start: 0, product_view: 1, add_to_cart: 2, purchase: 3, session_end: 4 } as const;

export class EventColumns {
  length = 0;
  user: Int32Array;
  session: Int32Array;
  type: Int8Array;
  /** Milliseconds since the window start (a double holds them exactly). */
  ms: Float64Array;
  /** Product index, or -1 for session_start / session_end. */
  product: Int32Array;
  /** Quantity on add_to_cart and purchase, 0 elsewhere. */
  quantity: Int8Array;

  constructor(private capacity = 1 << 16) {
    this.user = new Int32Array(capacity);
    this.session = new Int32Array(capacity);
    this.type = new Int8Array(capacity);
    this.ms = new Float64Array(capacity);
    this.product = new Int32Array(capacity);
    this.quantity = new Int8Array(capacity);
  }

  push(user: number, session: number, type: number, ms: number, product: number, quantity: number): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.user[i] = user;
    this.session[i] = session;
    this.type[i] = type;
    this.ms[i] = ms;
    this.product[i] = product;
    this.quantity[i] = quantity;
  }

  /** Drops events from `length` on (used to discard a session that would end outside the window). */
  truncate(length: number): void {
    this.length = Math.min(this.length, length);
  }

  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    this.capacity *= 2;
    const grow = <T extends Int32Array | Int8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    this.user = grow(this.user, (n) => new Int32Array(n));
    this.session = grow(this.session, (n) => new Int32Array(n));
    this.type = grow(this.type, (n) => new Int8Array(n));
    this.ms = grow(this.ms, (n) => new Float64Array(n));
    this.product = grow(this.product, (n) => new Int32Array(n));
    this.quantity = grow(this.quantity, (n) => new Int8Array(n));
  }
}
