// Observable Framework configuration. Nothing here may point outside the site: the report must build
// and render with no network (see README, "Offline by construction").
export default {
  root: "src",
  title: "Event Story Kit",
  pages: [{ name: "Overview", path: "/" }],
  // Framework's default stylesheet links Google Fonts; ours uses the theme without external fonts.
  globalStylesheets: [],
  theme: ["air", "near-midnight"],
  footer: "Built with Observable Framework and DuckDB from a seeded synthetic dataset.",
  search: false,
  linkify: false,
};
