import { segmentsData } from "../../data-loaders/segments";

process.stdout.write(JSON.stringify(await segmentsData()));
