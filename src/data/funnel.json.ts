import { funnelData } from "../../data-loaders/funnel";
import { writeLoaderOutput } from "../../data-loaders/writeLoaderOutput";

await writeLoaderOutput("funnel.json", () => funnelData());
