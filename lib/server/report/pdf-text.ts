import "server-only";
import { fontOf, weightIn, type FaceName, type Weight } from "./pdf-fonts";
import { linesOf, paragraphOf, paragraphsOf, type Line, type RichText } from "./pdf-lines";
import { piecesOf } from "./pdf-visual-order";

// Text in every script on a PDF page: pdfkit draws one font per call and
// left to right only, so a paragraph is laid out here — split into runs by
// the face that has each character's glyphs and broken into lines
// (pdf-lines.ts), then put in visual order line by line
// (pdf-visual-order.ts) — and each run is drawn at its own x
// (docs/adr/0015-pdf-fonts-for-every-script.md).

/**
 * Marks text typed by a user (a name, a title, a reason) as a unit with its
 * own direction inside our left-to-right sentences — what HTML's <bdi> does,
 * with the isolate controls FSI … PDI of UAX #9. An Arabic name followed by
 * "(v2)" then reads as the name's author wrote it, and cannot reorder the
 * label around it. Isolate controls inside the text are dropped so it cannot
 * close the isolate early.
 */
export function isolate(text: string): string {
  return `\u2068${text.replace(/[\u2066-\u2069]/g, "")}\u2069`;
}

// Vertical metrics as multiples of the font size: one line height for every
// face, so that mixed-script lines and table rows stay even. Noto's CJK,
// Arabic and Latin outlines fit between baseline − 0.95 and baseline + 0.3.
const LINE_HEIGHT = 1.28;
const BASELINE = 0.96;

/** A laid-out text: its lines and total height in points. Draw it with {@link TextPen.draw}. */
export type TextLayout = { lines: Line[]; height: number; weight: Weight; size: number };

const registered = new WeakMap<PDFKit.PDFDocument, Set<string>>();

/**
 * Writes rich text on a pdfkit document with the fallback fonts, in visual
 * order, with link annotations. Its font / fontSize / fillColor / moveDown
 * mirror pdfkit's so that drawing code reads the same; sizes are in points.
 */
export class TextPen {
  private weight: Weight = "regular";
  private size = 12;

  constructor(readonly doc: PDFKit.PDFDocument) {}

  font(weight: Weight): this {
    this.weight = weight;
    return this;
  }

  fontSize(size: number): this {
    this.size = size;
    return this;
  }

  fillColor(color: string): this {
    this.doc.fillColor(color);
    return this;
  }

  /** Height of one line at the current size, in points. */
  lineHeight(): number {
    return this.size * LINE_HEIGHT;
  }

  moveDown(lines = 1): this {
    this.doc.y += lines * this.lineHeight();
    return this;
  }

  /** Lays text out in lines of at most `width` points with the current font and size. */
  layout(content: RichText, width: number): TextLayout {
    const { weight, size } = this;
    const lines = paragraphsOf(content).flatMap((parts) => linesOf(paragraphOf(parts, weight), width, weight, size));
    return { lines, height: lines.length * size * LINE_HEIGHT, weight, size };
  }

  /** Draws a layout with its top-left corner at (x, y); `width` is the box `center` aligns in. */
  draw(layout: TextLayout, x: number, y: number, options: { width?: number; align?: "left" | "center" } = {}): this {
    layout.lines.forEach((line, i) => this.drawLine(line, layout, x, y + i * layout.size * LINE_HEIGHT, options));
    return this;
  }

  /**
   * Writes text as a flowing paragraph at doc.y, from doc.x (+ indent) to the
   * right margin, starting a new page when a line does not fit; leaves doc.y
   * below the text.
   */
  text(content: RichText, options: { indent?: number; align?: "left" | "center" } = {}): this {
    const doc = this.doc;
    const left = doc.x + (options.indent ?? 0);
    const width = doc.page.width - doc.page.margins.right - left;
    const layout = this.layout(content, width);
    const height = layout.size * LINE_HEIGHT;
    for (const line of layout.lines) {
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      this.drawLine(line, layout, left, y, { width, align: options.align });
      doc.y = y + height;
    }
    doc.x = left - (options.indent ?? 0);
    return this;
  }

  private drawLine(line: Line, layout: TextLayout, x: number, y: number, options: { width?: number; align?: "left" | "center" }) {
    const doc = this.doc;
    const pieces = piecesOf(line, layout.weight, layout.size);
    const total = pieces.reduce((sum, p) => sum + p.width, 0);
    let cursor = options.align === "center" && options.width ? x + (options.width - total) / 2 : x;
    const links: { url: string; x: number; width: number }[] = [];
    for (const p of pieces) {
      doc.font(this.fontName(p.face, layout.weight)).fontSize(layout.size);
      doc.text(p.draw, cursor, y + layout.size * BASELINE, { lineBreak: false, baseline: "alphabetic", ...(p.whole ? { features: [] } : {}) });
      if (p.link) {
        const last = links[links.length - 1];
        if (last && last.url === p.link && Math.abs(last.x + last.width - cursor) < 0.01) last.width += p.width;
        else links.push({ url: p.link, x: cursor, width: p.width });
      }
      cursor += p.width;
    }
    for (const link of links) doc.link(link.x, y, link.width, layout.size * LINE_HEIGHT, link.url);
  }

  // pdfkit opens a registered font once per document and embeds its subset.
  private fontName(face: FaceName, wanted: Weight): string {
    const weight = weightIn(face, wanted);
    const name = `${face}-${weight}`;
    let names = registered.get(this.doc);
    if (!names) registered.set(this.doc, (names = new Set()));
    if (!names.has(name)) {
      // pdfkit 0.20 takes a parsed fontkit font as a font source (PDFFontFactory.open), which its types do not list.
      this.doc.registerFont(name, fontOf(face, weight) as unknown as Buffer);
      names.add(name);
    }
    return name;
  }
}
