import { cohortsData } from "../../data-loaders/cohorts";
import { writeLoaderOutput } from "../../data-loaders/writeLoaderOutput";

await writeLoaderOutput("cohorts.json", () => cohortsData());
