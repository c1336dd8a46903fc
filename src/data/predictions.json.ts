import { predictionsData, roundNumbers } from "../../data-loaders/predictions";

process.stdout.write(JSON.stringify(await predictionsData(), roundNumbers));
