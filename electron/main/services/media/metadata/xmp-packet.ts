import type { PhotoMetadata } from '../../../../../shared/model/photo';

/**
 * The XMP packet the desk writes into exported copies: the IPTC Photo Metadata Standard's XMP
 * properties for every desk field, in the element form every reader understands.
 */

const NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  xmpRights: 'http://ns.adobe.com/xap/1.0/rights/',
  Iptc4xmpCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
} as const;

/** Whitespace after the packet lets other tools edit it in place (the XMP specification suggests 2 KB). */
export const DEFAULT_PADDING = 2048;

// Characters XML 1.0 does not allow at all (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/F).
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_IN_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#xD;');
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

function simple(name: string, value: string): string[] {
  return value.trim() === '' ? [] : [`   <${name}>${escapeXml(value)}</${name}>`];
}

function list(name: string, kind: 'Seq' | 'Bag', values: readonly string[]): string[] {
  const items = values.map((value) => value.trim()).filter((value) => value !== '');
  if (items.length === 0) return [];
  return [
    `   <${name}>`,
    `    <rdf:${kind}>`,
    ...items.map((item) => `     <rdf:li>${escapeXml(item)}</rdf:li>`),
    `    </rdf:${kind}>`,
    `   </${name}>`,
  ];
}

/** A language alternative with only the default language: what the desk knows a text in. */
function alternative(name: string, value: string): string[] {
  if (value.trim() === '') return [];
  return [`   <${name}>`, '    <rdf:Alt>', `     <rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li>`, '    </rdf:Alt>', `   </${name}>`];
}

function properties(metadata: PhotoMetadata): string[] {
  return [
    // The desk joins several creators with "; " (see PhotoMetadata); XMP lists them one by one.
    ...list('dc:creator', 'Seq', metadata.creator.split(/\s*;\s*/)),
    ...alternative('dc:description', metadata.description),
    ...alternative('dc:title', metadata.title),
    ...alternative('dc:rights', metadata.copyright),
    ...list('dc:subject', 'Bag', metadata.keywords),
    ...simple('photoshop:Headline', metadata.headline),
    ...simple('photoshop:AuthorsPosition', metadata.creatorJobTitle),
    ...simple('photoshop:Credit', metadata.creditLine),
    ...simple('photoshop:Source', metadata.source),
    ...simple('photoshop:Instructions', metadata.instructions),
    ...simple('photoshop:TransmissionReference', metadata.transmissionReference),
    ...simple('photoshop:DateCreated', ISO_DATE.test(metadata.dateCreated) ? metadata.dateCreated : ''),
    ...simple('photoshop:City', metadata.city),
    ...simple('photoshop:State', metadata.state),
    ...simple('photoshop:Country', metadata.country),
    ...simple('Iptc4xmpCore:Location', metadata.sublocation),
    ...simple('Iptc4xmpCore:CountryCode', metadata.countryCode),
    ...alternative('Iptc4xmpCore:ExtDescrAccessibility', metadata.extendedDescription),
    ...alternative('xmpRights:UsageTerms', metadata.usageTerms),
    ...simple('xmpRights:WebStatement', metadata.webStatement),
    ...alternative('Iptc4xmpCore:AltTextAccessibility', metadata.altText),
  ];
}

function paddingOf(bytes: number): string {
  const line = `${' '.repeat(99)}\n`;
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
}

/** A complete, well-formed XMP packet (UTF-8 text) holding the desk's fields. */
export function buildXmpPacket(metadata: PhotoMetadata, padding: number = DEFAULT_PADDING): string {
  const declarations = Object.entries(NAMESPACES).map(([prefix, uri]) => `    xmlns:${prefix}="${uri}"`);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Newsdesk">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    `${declarations.join('\n')}>`,
    ...properties(metadata),
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    `${paddingOf(padding)}<?xpacket end="w"?>`,
  ].join('\n');
}
