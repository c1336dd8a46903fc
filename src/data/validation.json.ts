import { validationData } from "../../data-loaders/validation";
import { writeLoaderOutput } from "../../data-loaders/writeLoaderOutput";

await writeLoaderOutput("validation.json", () => validationData());
