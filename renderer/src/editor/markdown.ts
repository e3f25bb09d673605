import {
  ELEMENT_TRANSFORMERS,
  HIGHLIGHT,
  INLINE_CODE,
  TEXT_FORMAT_TRANSFORMERS,
  TEXT_MATCH_TRANSFORMERS,
  type ElementTransformer,
  type Transformer,
} from '@lexical/markdown';
import {
  $createHorizontalRuleNode,
  $isHorizontalRuleNode,
  HorizontalRuleNode,
} from '@lexical/react/LexicalHorizontalRuleNode';
import { $createHeadingNode, $isHeadingNode, HeadingNode } from '@lexical/rich-text';

/** `---`, `***` or `___` on a line of its own becomes a horizontal rule (as in the playground). */
const HR: ElementTransformer = {
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? '***' : null),
  regExp: /^(---|\*\*\*|___)\s?$/,
  replace: (parentNode, _children, _match, isImport) => {
    const line = $createHorizontalRuleNode();
    if (isImport || parentNode.getNextSibling() != null) parentNode.replace(line);
    else parentNode.insertBefore(line);
    line.selectNext();
  },
  type: 'element',
};

/**
 * Articles have H2 and H3 only (the headline is the H1 and lives in the metadata), so `# ` and
 * `## ` both give an H2 and `### ` an H3, instead of the default transformer's H1…H6.
 */
const HEADING: ElementTransformer = {
  dependencies: [HeadingNode],
  export: (node, exportChildren) => {
    if (!$isHeadingNode(node)) return null;
    return `${node.getTag() === 'h3' ? '###' : '##'} ${exportChildren(node)}`;
  },
  regExp: /^(#{1,3})\s/,
  replace: (parentNode, children, match) => {
    const heading = $createHeadingNode((match[1] ?? '').length === 3 ? 'h3' : 'h2');
    heading.append(...children);
    parentNode.replace(heading);
    heading.select(0, 0);
  },
  type: 'element',
};

/**
 * The Markdown shortcuts the editor reacts to: the standard set minus what an article cannot hold
 * (code blocks, inline code, highlight: there is no node or toolbar button for them), plus HR.
 */
export const ARTICLE_TRANSFORMERS: Transformer[] = [
  HR,
  HEADING,
  ...ELEMENT_TRANSFORMERS.filter((t) => !t.dependencies.includes(HeadingNode)),
  ...TEXT_FORMAT_TRANSFORMERS.filter((t) => t !== INLINE_CODE && t !== HIGHLIGHT),
  ...TEXT_MATCH_TRANSFORMERS,
];
