/**
 * True on any data: the words every page module builds (registered in PAGES, one module per page under
 * test/pages/words/: the Overview, the Predictions page, the post and the social cards), on 220 randomly shaped small datasets (test/pages/words/shapes.ts), computed by the
 * real engines on one shared DuckDB connection. Every sentence must:
 * - leak no template value (undefined, NaN, null, [object Object]);
 * - agree in number ("1 event", "2 events");
 * - carry only numbers found in the typed parts it was built from;
 * - claim no maximum on a tie and no superlative on 0; and no claim rests on 0 comparisons.
 * Segment names and their evidence are checked on random cluster traits (segmentation itself is kept out:
 * the naming rules are what words them).
 */
import { plainText } from "../../lib/pages/richText.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataNotes } from "../../lib/analysis/dataNotes.js";
import { type Database, openDatabase } from "../../lib/db/duckdb.js";
import type { FunnelPage } from "../../lib/pages/funnel.js";
import type { OverviewPage } from "../../lib/pages/overview.js";
import type { PredictionsPage } from "../../lib/pages/predictions.js";
import { type ClusterTraits, nameClusters } from "../../lib/segments/naming.js";
import { loadTinyDataset, uniformStream } from "../helpers/tinyDataset.js";
import { LEAK, countedNumbers, numberDisagreements, spellingsOnce } from "./words/checks.js";
import { cohortsWords } from "./words/cohorts.js";
import { dataMethodsWords } from "./words/dataMethods.js";
import { funnelWords } from "./words/funnel.js";
import { overviewWords } from "./words/overview.js";
import { postWords } from "./words/post.js";
import { predictionsWords } from "./words/predictions.js";
import { segmentsWords } from "./words/segments.js";
import type { DatasetContext, PageWords, Sentence } from "./words/pageWords.js";
import { SHAPES, type Shape, coverageOf, shapedDataset, windowOf } from "./words/shapes.js";

const DATASETS = 220;

/** Every page whose words are checked; a new page adds its module here. */
const PAGES: PageWords<any>[] = [overviewWords, funnelWords, cohortsWords, segmentsWords, dataMethodsWords, predictionsWords, postWords];

interface Built {
  shape: Shape;
  seed: number;
  page: string;
  data: unknown;
  sentences: Sentence[];
}

let db: Database;
const built: Built[] = [];
const overviews = () => built.filter((b) => b.page === "overview") as (Built & { data: OverviewPage })[];

beforeAll(async () => {
  // One thread: on data this small DuckDB's parallelism costs more than it saves.
  db = await openDatabase(":memory:", { threads: 1 });
  const connection = db.connection;
  for (let i = 0; i < DATASETS; i++) {
    const shape = SHAPES[i % SHAPES.length]!;
    const seed = 1000 + i;
    const data = shapedDataset(shape, seed);
    if (data.events.length === 0) continue;
    for (const table of ["events", "products", "users"]) await connection.run(`DROP TABLE IF EXISTS ${table}`);
    await loadTinyDataset(connection, data);
    const window = windowOf(data);
    const memo = new Map<string, Promise<unknown>>();
    const context: DatasetContext = {
      connection,
      data,
      shape,
      seed,
      window,
      coverage: { ...coverageOf(data, window), ...(await dataNotes(connection, { duplicate_rows: null, timestamps: "date_time" })), currency: { code: "USD", symbol: "$" } },
      once<T>(key: string, compute: () => Promise<T>): Promise<T> {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as Promise<T>;
      },
    };
    for (const words of PAGES) {
      const page = await words.build(context);
      built.push({ shape, seed, page: words.name, data: page, sentences: words.sentences(page) });
    }
  }
}, 900_000);
afterAll(() => db?.close());

const label = (b: Built) => `${b.page}, ${b.shape} #${b.seed}`;

describe(`page words on ${DATASETS} randomly shaped datasets`, () => {
  it("covers every shape and every page", () => {
    expect(new Set(built.map((b) => b.shape)).size).toBe(SHAPES.length);
    for (const words of PAGES) expect(built.filter((b) => b.page === words.name).length, words.name).toBeGreaterThanOrEqual(200);
    // The fitted words (forecasts, segments, value) are checked too, not only the "why not".
    const predictions = built.filter((b) => b.page === "predictions") as (Built & { data: PredictionsPage })[];
    expect(predictions.filter((b) => b.data.fitted).length, "datasets on which BG/NBD fits").toBeGreaterThan(5);
    expect(predictions.filter((b) => !b.data.fitted).length, "datasets on which it cannot").toBeGreaterThan(100);
  });

  it("leaks no template value", () => {
    for (const b of built) for (const { text } of b.sentences) expect(text, label(b)).not.toMatch(LEAK);
  });

  it("agrees in number", () => {
    for (const b of built) for (const { text } of b.sentences) expect(numberDisagreements(text), `${label(b)}: ${text}`).toEqual([]);
  });

  it("carries only numbers found in its typed parts", () => {
    for (const b of built) {
      for (const { text, parts } of b.sentences.filter((s) => !s.free)) {
        const allowed = spellingsOnce(parts);
        for (const number of countedNumbers(text)) expect(allowed.has(number), `${label(b)}: ${number} in "${text}"`).toBe(true);
      }
    }
  });

  it("claims no maximum on a tie, no superlative on 0, nothing from 0 comparisons", () => {
    for (const b of built) for (const { text } of b.sentences) expect(text, label(b)).not.toMatch(/\b0 comparisons\b/);
    let contrasts = 0;
    for (const { shape, seed, data: page } of overviews()) {
      for (const { insight } of page.insights) {
        if ("comparisons" in insight) expect(insight.comparisons).toBeGreaterThan(0);
        if (insight.kind === "interest_vs_purchase") {
          contrasts += 1;
          expect(insight.sold_share, `${shape} #${seed}: sells the most at 0`).toBeGreaterThan(0);
        }
        if (insight.kind === "window_shoppers") expect(insight.users).toBeGreaterThan(0);
      }
      if (shape === "tied counts") {
        // Every category viewed and bought equally, every step reached equally: nothing is "most".
        expect(page.insights.map((c) => c.insight.kind), `${shape} #${seed}`).not.toContain("interest_vs_purchase");
        expect(page.insights.map((c) => c.sentence).join(" ")).not.toMatch(/the most|biggest/);
      }
    }
    expect(contrasts, "some datasets have a single most-viewed and best-selling category").toBeGreaterThan(0);
  });

  it("the Funnel page names the Overview's most viewed and best-selling categories, and none on a tie", () => {
    const funnelOf = (o: Built) => built.find((b) => b.page === "funnel" && b.seed === o.seed) as (Built & { data: FunnelPage }) | undefined;
    for (const overview of overviews()) {
      const funnel = funnelOf(overview);
      if (!funnel) continue;
      const sentence = plainText(funnel.data.category_sentence ?? []);
      const contrast = overview.data.insights.find((c) => c.insight.kind === "interest_vs_purchase")?.insight;
      if (contrast?.kind === "interest_vs_purchase") {
        expect(sentence, label(funnel)).toContain(`${contrast.most_viewed} is viewed in the most sessions`);
        expect(sentence, label(funnel)).toContain(`behind ${contrast.best_selling} (`);
      } else expect(sentence, label(funnel)).not.toContain("is not what they buy");
      if (funnel.shape === "tied counts") {
        expect(funnel.data.category_sentence, label(funnel)).toBeNull();
        expect(funnel.sentences.map((x) => x.text).join(" "), label(funnel)).not.toMatch(/viewed in the most sessions \(|biggest drop-off|most-viewed product,|most-bought,/);
      }
    }
  });

  it("says 'went on to buy', never 'went on to bought'", () => {
    const sentences = built.flatMap((b) => b.sentences.map((s) => s.text)).filter((s) => s.includes("went on to"));
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) expect(sentence).not.toMatch(/went on to (bought|added|viewed|started)/);
  });

  it("says 'registered' only where the data has registrations", () => {
    for (const b of built.filter((x) => x.shape === "no registrations")) {
      for (const { text } of b.sentences) expect(text, label(b)).not.toMatch(/registered/);
    }
  });
});

describe("segment names on random cluster traits", () => {
  it("are unique, never numbered, and their evidence leaks nothing", () => {
    const random = uniformStream(99);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    for (let run = 0; run < 300; run++) {
      const k = 2 + Math.floor(random() * 6);
      const twin = random() < 0.3;
      const traits: ClusterTraits[] = Array.from({ length: k }, (_, cluster) => ({
        cluster,
        share: twin ? 1 / k : random(),
        z: twin ? { product_views: 1 } : { product_views: pick([-1, 0, 1]), sessions: pick([-1, 0, 1]), recency_days: pick([0, 1]), orders: pick([0, 1]), tenure_days: pick([-1, 0]) },
        buyer_share: twin ? 0 : pick([0, 0.05, 0.3, 0.6, 1]),
        session_conversion: pick([0, 0.1]),
        revenue_share: random(),
        revenue_per_user: pick([0, 50, 500]),
        median_product_views: pick([0, 1, 12]),
        median_recency_days: pick([1, 45]),
        median_sessions: pick([1, 3]),
      }));
      const named = nameClusters(traits, { buyer_share: 0.3, revenue_per_user: 100, median_product_views: 5, median_recency_days: 20 });
      const names = named.map((n) => n.name);
      expect(new Set(names).size, names.join(" | ")).toBe(names.length);
      for (const n of named) {
        expect(n.name).not.toMatch(/\s\d+$/);
        expect(`${n.meaning} ${n.evidence}`).not.toMatch(/undefined|NaN|\[object Object\]|\b1 days\b/);
      }
    }
  });
});
