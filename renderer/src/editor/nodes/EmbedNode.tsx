import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import type { ReactNode } from 'react';
import { EMBED_NODE_TYPE, EMBED_PROVIDERS, parseEmbedUrl, providerName, type EmbedProvider, type ParsedEmbed } from '../../../../shared/rules/embed-providers';

export type SerializedEmbedNode = Spread<{ url: string; provider: EmbedProvider; title: string }, SerializedLexicalNode>;

/**
 * The card the editor shows: provider, title when known, the address. Nothing is loaded from the
 * provider. In a read-only body (the reader preview, revisions) it is the placeholder a reader
 * would see where the player or post goes: the same link the HTML output carries.
 */
function EmbedCard({ embed, title }: { embed: ParsedEmbed; title: string }) {
  const editable = useLexicalEditable();
  if (!editable) {
    return (
      <figure className={`nd-embed nd-embed--reader embed embed-${embed.provider}`} data-testid="embed-placeholder">
        <a href={embed.url}>{`${providerName(embed.provider)}: ${title || embed.url}`}</a>
        <span className="nd-embed__note">Shown as the {providerName(embed.provider)} embed on the published page</span>
      </figure>
    );
  }
  return (
    <figure className={`nd-embed nd-embed--${embed.provider}`} data-testid="embed-card" contentEditable={false}>
      <span className="nd-embed__provider">{providerName(embed.provider)}</span>
      {title && <span className="nd-embed__title">{title}</span>}
      <span className="nd-embed__url">{embed.url}</span>
      <span className="nd-embed__note">Embedded when published</span>
    </figure>
  );
}

/**
 * An embedded post, player, map or document: a block that stores only the provider's URL (and a
 * title when the editor gave one). Its address passed the allow-list in shared/rules/embed-providers.
 */
export class EmbedNode extends DecoratorNode<ReactNode> {
  __embed: ParsedEmbed;
  __title: string;

  static override getType(): string {
    return EMBED_NODE_TYPE;
  }

  static override clone(node: EmbedNode): EmbedNode {
    return new EmbedNode(node.__embed, node.__title, node.__key);
  }

  /**
   * Lenient, as for photos: a stored address that fails the allow-list (a crafted file) is kept
   * with its stored provider so nothing is lost on save; the outputs re-check and leave it out.
   */
  static override importJSON(json: SerializedEmbedNode): EmbedNode {
    const url = typeof json.url === 'string' ? json.url.slice(0, 2048) : '';
    const provider: EmbedProvider = typeof json.provider === 'string' && json.provider in EMBED_PROVIDERS ? json.provider : 'youtube';
    const embed = parseEmbedUrl(url) ?? { provider, url };
    return $createEmbedNode(embed, typeof json.title === 'string' ? json.title.slice(0, 300) : '');
  }

  // Defaults: the shared-document binding builds each node type once with no arguments.
  constructor(embed: ParsedEmbed = { provider: 'youtube', url: '' }, title = '', key?: NodeKey) {
    super(key);
    this.__embed = embed;
    this.__title = title;
  }

  override exportJSON(): SerializedEmbedNode {
    const self = this.getLatest();
    return { type: EMBED_NODE_TYPE, version: 1, url: self.__embed.url, provider: self.__embed.provider, title: self.__title };
  }

  override exportDOM(): DOMExportOutput {
    const link = document.createElement('a');
    link.href = this.__embed.url;
    link.textContent = this.__embed.url;
    return { element: link };
  }

  override getTextContent(): string {
    return `${this.__embed.url}\n`;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    const className = config.theme.embed;
    if (typeof className === 'string') element.className = className;
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override decorate(): ReactNode {
    return <EmbedCard embed={this.__embed} title={this.__title} />;
  }
}

export function $createEmbedNode(embed: ParsedEmbed, title = ''): EmbedNode {
  return $applyNodeReplacement(new EmbedNode(embed, title));
}

export function $isEmbedNode(node: LexicalNode | null | undefined): node is EmbedNode {
  return node instanceof EmbedNode;
}
