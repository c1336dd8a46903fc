import { validationData } from "../../data-loaders/validation";

process.stdout.write(JSON.stringify(await validationData()));
