import { predictionsData } from "../../data-loaders/predictions";
import { writeLoaderOutput } from "../../data-loaders/writeLoaderOutput";

await writeLoaderOutput("predictions.json", predictionsData);
