import { overviewData } from "../../data-loaders/overview";

process.stdout.write(JSON.stringify(await overviewData()));
