import { definitionsData } from "../../data-loaders/definitions";

process.stdout.write(JSON.stringify(definitionsData()));
