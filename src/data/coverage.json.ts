import { coverageData } from "../../data-loaders/coverage";

process.stdout.write(JSON.stringify(await coverageData()));
