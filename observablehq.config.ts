import { PRINT_VARIANT_SCRIPT } from "./lib/share/printVariantScript";

// Observable Framework configuration. Nothing here may point outside the site: the report must build
// and render with no network (see README, "Offline by construction").

// Framework 1.13's page template has accessibility gaps that no option closes: <html> has no lang,
// the sidebar toggle is named only by its title, the sidebar's close control sits directly inside an
// <ol>, and the viewport forbids zooming. Module scripts run once the document is parsed.
const templateFixes = `<script type="module">
document.documentElement.lang = "en";
document.querySelector('meta[name="viewport"]')?.setAttribute("content", "width=device-width, initial-scale=1");
document.getElementById("observablehq-sidebar-toggle")?.setAttribute("aria-label", "Toggle sidebar");
document.getElementById("observablehq-sidebar")?.setAttribute("aria-label", "Pages");
const close = document.getElementById("observablehq-sidebar-close");
if (close?.parentElement?.tagName === "OL") close.parentElement.before(close);
</script>`;

export default {
  root: "src",
  title: "Event Story Kit",
  // Overview, Cohorts, Funnel, Segments, Data & methods: only pages that exist are listed.
  pages: [
    { name: "Overview", path: "/" },
    { name: "Cohorts", path: "/cohorts" },
    { name: "Funnel", path: "/funnel" },
    { name: "Segments", path: "/segments" },
    { name: "Who will come back?", path: "/predictions" },
    { name: "Data & methods", path: "/data-methods" },
  ],
  // Framework's default stylesheet links Google Fonts; ours uses the theme without external fonts.
  globalStylesheets: [],
  // style.css imports the themes (air, with near-midnight in dark mode) and the Inputs stylesheet;
  // a `style` replaces `theme`, so the themes are chosen there, not here.
  style: "style.css",
  // Without an icon the browser asks for /favicon.ico, a 404 on most static hosts.
  head: `<link rel="icon" href="/favicon.svg" type="image/svg+xml" sizes="any">\n${templateFixes}\n${PRINT_VARIANT_SCRIPT}`,
  footer: process.env.EVENT_KIT_DATA
    ? "Built with Observable Framework and DuckDB from the data this report was given."
    : "Built with Observable Framework and DuckDB from a seeded synthetic dataset.",
  search: false,
  linkify: false,
};
