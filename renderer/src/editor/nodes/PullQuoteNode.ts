import {
  $applyNodeReplacement,
  $createParagraphNode,
  addClassNamesToElement,
  ElementNode,
  isHTMLElement,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type SerializedPartial,
  type RangeSelection,
  type SerializedElementNode,
} from 'lexical';

export type SerializedPullQuoteNode = SerializedElementNode & { type: 'pullquote' };

/** Marks exported HTML so a pull quote survives copy → paste into another Newsdesk window. */
const DATA_ATTRIBUTE = 'data-pullquote';

function $convertPullQuoteElement(element: HTMLElement): DOMConversionOutput | null {
  if (!element.hasAttribute(DATA_ATTRIBUTE)) return null;
  return { node: $createPullQuoteNode() };
}

/**
 * A pull quote: a short excerpt set large beside the story. It is a block of inline text like a
 * quote, but a different thing editorially (the CMS lays it out apart from the body), so it gets
 * its own node type ('pullquote') instead of a flag on QuoteNode.
 */
export class PullQuoteNode extends ElementNode {
  override $config() {
    return this.config('pullquote', {
      extends: ElementNode,
      importDOM: {
        aside: () => ({ conversion: $convertPullQuoteElement, priority: 1 }),
      },
    });
  }

  static override importJSON(serializedNode: SerializedPartial<SerializedPullQuoteNode>): PullQuoteNode {
    return $createPullQuoteNode().updateFromJSON(serializedNode);
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('aside');
    const className = config.theme['pullquote'];
    if (typeof className === 'string') addClassNamesToElement(element, className);
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const { element } = super.exportDOM(editor);
    if (isHTMLElement(element)) element.setAttribute(DATA_ATTRIBUTE, 'true');
    return { element };
  }

  // Enter at the end of a pull quote continues with an ordinary paragraph, as with quotes.
  override insertNewAfter(selection: RangeSelection, restoreSelection = true): ElementNode {
    const paragraph = $createParagraphNode();
    paragraph.setTextFormat(selection.format);
    paragraph.setDirection(this.getDirection());
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  // Backspace at the very start turns it back into a paragraph rather than merging upwards.
  override collapseAtStart(): boolean {
    const paragraph = $createParagraphNode();
    this.getChildren().forEach((child) => paragraph.append(child));
    this.replace(paragraph);
    return true;
  }

  override canMergeWhenEmpty(): boolean {
    return true;
  }
}

export function $createPullQuoteNode(): PullQuoteNode {
  return $applyNodeReplacement(new PullQuoteNode());
}

export function $isPullQuoteNode(node: LexicalNode | null | undefined): node is PullQuoteNode {
  return node instanceof PullQuoteNode;
}
