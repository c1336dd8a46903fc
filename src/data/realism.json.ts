import { realismData } from "../../data-loaders/realism";
import { writeLoaderOutput } from "../../data-loaders/writeLoaderOutput";

await writeLoaderOutput("realism.json", () => realismData());
