import { realismData } from "../../data-loaders/realism";

process.stdout.write(JSON.stringify(await realismData()));
