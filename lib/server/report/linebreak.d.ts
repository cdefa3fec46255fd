// The part of `linebreak` (the UAX #14 line breaker pdfkit uses) the PDF pen calls; the package ships no types.
declare module "linebreak" {
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity: a UTF-16 offset, `required` for a mandatory break; null at the end. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
