import { overviewData } from "../../data-loaders/overview";
import { writeLoaderOutput } from "../../data-loaders/writeLoaderOutput";

await writeLoaderOutput("overview.json", () => overviewData());
