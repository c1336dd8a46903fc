import { funnelData } from "../../data-loaders/funnel";

process.stdout.write(JSON.stringify(await funnelData()));
