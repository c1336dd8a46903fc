import { coverageData } from "../../data-loaders/coverage";
import { writeLoaderOutput } from "../../data-loaders/writeLoaderOutput";

await writeLoaderOutput("coverage.json", () => coverageData());
