/** The one part of jsdom the chart script uses (jsdom ships no types; @types/jsdom would pull a dozen more packages). */
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string);
    window: { document: Document };
  }
}
