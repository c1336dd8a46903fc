import { segmentsData } from "../../data-loaders/segments";
import { writeLoaderOutput } from "../../data-loaders/writeLoaderOutput";

await writeLoaderOutput("segments.json", () => segmentsData());
