import { definitionsData } from "../../data-loaders/definitions";
import { writeLoaderOutput } from "../../data-loaders/writeLoaderOutput";

await writeLoaderOutput("definitions.json", async () => definitionsData());
