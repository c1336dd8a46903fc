import { cohortsData } from "../../data-loaders/cohorts";

process.stdout.write(JSON.stringify(await cohortsData()));
