import { noChange } from "lit";
import { Directive, directive, PartType, type AttributePart, type PartInfo } from "lit/directive.js";

/** Property names as CSS writes them (`grid-row`, `--slots`) and their values. */
export type StyleProps = Record<string, string>;

/**
 * `style=${styleProps({ "grid-row": "2" })}`: sets each property through the CSSOM, on the first
 * render too. The content security policy allows no inline style (server/app.ts), and Lit's own
 * styleMap writes a style attribute on its first render, which the browser blocks.
 */
class StylePropsDirective extends Directive {
  private previous: StyleProps = {};

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== "style" || (part.strings?.length ?? 0) > 2) {
      throw new Error("styleProps() must be the whole value of a style attribute");
    }
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleProps]): typeof noChange {
    const style = part.element.style;
    for (const name of Object.keys(this.previous)) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) if (this.previous[name] !== value) style.setProperty(name, value);
    this.previous = { ...props };
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
