/**
 * The words that travel: the post (lib/share/post.ts, built with the Overview from its insights) and
 * each page's social card (lib/share/pageCards.ts: number, label, description, text alternative), read
 * from the same analyses the pages word (shared per dataset). The Segments card is left out: its words
 * come from the segmentation, which this test keeps out (the naming rules are checked on their own).
 */
import type { PredictionsPage } from "../../../lib/pages/predictions.js";
import type { Post } from "../../../lib/share/post.js";
import { type CardSources, type PageCard, pageCard } from "../../../lib/share/pageCards.js";
import { cohortsWords } from "./cohorts.js";
import { sharedFunnels, sharedOverview } from "./overview.js";
import type { PageWords } from "./pageWords.js";
import { sharedPredictions } from "./predictions.js";

export const CARD_PAGES = [
  ["/", "Overview"],
  ["/funnel", "Funnel"],
  ["/cohorts", "Cohorts"],
  ["/data-methods", "Data & methods"],
  ["/predictions", "Who will come back?"],
] as const;

export interface TravellingWords {
  post: Post;
  cards: PageCard[];
  /** What the post and the cards are worded from. */
  sources: CardSources & { predictions: PredictionsPage };
}

export const postWords: PageWords<TravellingWords> = {
  name: "post",
  async build(context) {
    const { page } = await sharedOverview(context);
    // The cards read the Cohorts page as the site builds it.
    const cohortsPage = await cohortsWords.build(context);
    const { funnels } = await sharedFunnels(context);
    const sources: TravellingWords["sources"] = {
      overview: page,
      funnel: { session_funnel: { steps: funnels.session_funnel.steps } },
      cohorts: { retention: cohortsPage.retention },
      // Never read: the Segments card is not built here (see above).
      segments: { k: 0, n_users: 0, clusters: [] },
      coverage: context.coverage,
      predictions: await sharedPredictions(context),
    };
    const cards = CARD_PAGES.map(([path, name]) => pageCard(path, name, name, sources, ""));
    return { post: page.post, cards, sources };
  },
  sentences({ post, cards, sources }) {
    const { overview, funnel, cohorts, coverage, predictions } = sources;
    // One parts object for the post and one for the cards, so their spellings are worked out once.
    const parts = [overview.headline, overview.insights.map((c) => c.insight), coverage.users, coverage.events, coverage.event_types];
    const cardParts = [parts, funnel.session_funnel.steps, overview.glance.funnel, Object.values(cohorts.retention).map((r) => r?.average), predictions.facts];
    return [
      { text: post.lead, parts },
      { text: post.context, parts },
      ...post.findings.map((text) => ({ text, parts })),
      { text: post.method, parts },
      ...cards.flatMap((card) => {
        const words = [card.description, card.alt, `${card.content.number} ${card.content.numberLabel}`];
        // The predictions card quotes the page's own KPI cards, already worded (checked with that page).
        return words.map((text) => ({ text, parts: cardParts, free: card.path === "/predictions" }));
      }),
    ];
  },
};
