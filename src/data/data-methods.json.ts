import { dataMethodsData } from "../../data-loaders/dataMethods";
import { writeLoaderOutput } from "../../data-loaders/writeLoaderOutput";

await writeLoaderOutput("data-methods.json", () => dataMethodsData());
