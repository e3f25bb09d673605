import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { EmbedNode } from './nodes/EmbedNode';
import { PhotoNode } from './nodes/PhotoNode';
import { PullQuoteNode } from './nodes/PullQuoteNode';

/**
 * Every node an article body may contain. The editor, the read-only revision preview and the
 * paste importer all use this one list, so a stored document always loads in each of them.
 */
export const ARTICLE_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  PullQuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  HorizontalRuleNode,
  PhotoNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  EmbedNode,
  // Around commented words; the comments themselves live in the story document (features/desk/comments).
  MarkNode,
];
