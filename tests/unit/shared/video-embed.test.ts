import { describe, expect, it } from 'vitest';
import { VideoSource } from '../../../shared/model/video';
import { embedPlayerAttributes, looksLikeEmbedCode, parseVideoEmbed, parseVideoSource } from '../../../shared/rules/video-embed';

const YOUTUBE =
  '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc&amp;start=30" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>';
const VIMEO =
  '<div style="padding:56.25% 0 0 0;position:relative;"><iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;badge=0" style="position:absolute;top:0;left:0;width:100%;height:100%;" frameborder="0" allow="autoplay; fullscreen; picture-in-picture" title="The New Vimeo Player"></iframe></div><script src="https://player.vimeo.com/api/player.js"></script>';

function refused(result: ReturnType<typeof parseVideoSource>): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
}

describe('parseVideoEmbed: what video sites give', () => {
  it('keeps only src, title and size of a YouTube embed, decoding &amp;', () => {
    expect(parseVideoEmbed(YOUTUBE)).toEqual({
      ok: true,
      source: { kind: 'embed', src: 'https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc&start=30', title: 'YouTube video player', width: 560, height: 315 },
    });
  });

  it('reads a Vimeo embed wrapped in a div with a script after it; percentage sizes are left to the page', () => {
    expect(parseVideoEmbed(VIMEO)).toEqual({
      ok: true,
      source: { kind: 'embed', src: 'https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0', title: 'The New Vimeo Player', width: null, height: null },
    });
  });

  it('takes any https player, with single quotes, bare values, upper case and protocol-relative src', () => {
    const result = parseVideoEmbed("<IFRAME SRC='//players.example-news.com/v/123' WIDTH=640 height='360px' TITLE = 'Budget  speech'>");
    expect(result).toEqual({
      ok: true,
      source: { kind: 'embed', src: 'https://players.example-news.com/v/123', title: 'Budget speech', width: 640, height: 360 },
    });
  });

  it('keeps the first src when an attribute is repeated, as a browser does', () => {
    const result = parseVideoEmbed('<iframe src="https://a.example.com/1" src="https://b.example.com/2"></iframe>');
    expect(result.ok && result.source.src).toBe('https://a.example.com/1');
  });

  it('is not fooled by "src=" inside another attribute value or by ">" inside quotes', () => {
    const result = parseVideoEmbed('<iframe title="a > b src=https://evil.example.com" data-x=\'src="javascript:alert(1)"\' src="https://good.example.com/v"></iframe>');
    expect(result).toMatchObject({ ok: true, source: { src: 'https://good.example.com/v', title: 'a > b src=https://evil.example.com' } });
  });

  it('drops sizes out of range and trims a long title', () => {
    const result = parseVideoEmbed(`<iframe src="https://v.example.com/x" width="0" height="99999" title="${'t'.repeat(1000)}"></iframe>`);
    expect(result).toMatchObject({ ok: true, source: { width: null, height: null } });
    expect(result.ok && result.source.title.length).toBe(300);
  });
});

describe('parseVideoEmbed: hostile and broken input', () => {
  it('keeps nothing but the four facts: no handlers, scripts, styles, srcdoc, nested markup', () => {
    const code =
      '<iframe onload="alert(1)" style="x:expression(alert(1))" srcdoc="<script>alert(1)</script>" src="https://player.example.com/v" sandbox="" allow="camera; microphone" title="<b>x</b>"><script>alert(2)</script><img src=x onerror=alert(3)></iframe>';
    const result = parseVideoEmbed(code);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.source).sort()).toEqual(['height', 'kind', 'src', 'title', 'width']);
    expect(result.source.src).toBe('https://player.example.com/v');
    // The title is text: the preview sets it as an attribute value, never as markup.
    expect(result.source.title).toBe('<b>x</b>');
    expect(JSON.stringify(result.source)).not.toMatch(/onload|script|expression|srcdoc|camera/);
    expect(VideoSource.safeParse(result.source).success).toBe(true);
  });

  it('refuses a script with no iframe', () => {
    expect(refused(parseVideoEmbed('<script src="https://evil.example.com/x.js"></script>'))).toMatch(/no <iframe> player/);
    expect(refused(parseVideoEmbed('<iframes src="https://x.example.com">'))).toMatch(/no <iframe> player/);
  });

  it('refuses javascript:, data:, vbscript: and http: players, also when disguised', () => {
    for (const src of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java&#x09;script:alert(1)', ' \tjavascript:alert(1)', 'java\u0000script:alert(1)']) {
      expect(refused(parseVideoEmbed(`<iframe src="${src}"></iframe>`)), src).toMatch(/Only https/);
    }
    expect(refused(parseVideoEmbed('<iframe src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></iframe>'))).toMatch(/not “data:”/);
    expect(refused(parseVideoEmbed('<iframe src="vbscript:msgbox(1)"></iframe>'))).toMatch(/not “vbscript:”/);
    expect(refused(parseVideoEmbed('<iframe src="http://www.youtube.com/embed/x"></iframe>'))).toMatch(/https/);
  });

  it('refuses an iframe with srcdoc only, no src, an empty or relative src, or a host that is not a domain', () => {
    expect(refused(parseVideoEmbed('<iframe srcdoc="<p>hi</p>"></iframe>'))).toMatch(/no player address/);
    expect(refused(parseVideoEmbed('<iframe src=""></iframe>'))).toMatch(/no player address/);
    expect(refused(parseVideoEmbed('<iframe src="/embed/123"></iframe>'))).toMatch(/https/);
    expect(refused(parseVideoEmbed('<iframe src="https://127.0.0.1/v"></iframe>'))).toMatch(/named site/);
    expect(refused(parseVideoEmbed('<iframe src="https://localhost/v"></iframe>'))).toMatch(/named site/);
    expect(refused(parseVideoEmbed('<iframe src="https://user:pw@player.example.com/v"></iframe>'))).toMatch(/user name or password/);
  });

  it('refuses an unclosed tag or an unclosed quote', () => {
    expect(refused(parseVideoEmbed('<iframe src="https://player.example.com/v"'))).toMatch(/cut off/);
    expect(refused(parseVideoEmbed('<iframe src="https://player.example.com/v></iframe>'))).toMatch(/cut off/);
    expect(refused(parseVideoEmbed('<iframe'))).toMatch(/no <iframe>|cut off/);
  });

  it('refuses enormous input at once, and reads long repetitive input under the limit to its end', () => {
    expect(refused(parseVideoEmbed(`<iframe src="https://x.example.com/v" title="${'a'.repeat(1_000_000)}"></iframe>`))).toMatch(/too long/);
    // Thousands of attributes and quotes: the scanner walks them once (a backtracking regex would not return).
    expect(refused(parseVideoEmbed(`<iframe${' a='.repeat(4_000)}`))).toMatch(/cut off/);
    const many = `<iframe${' data-x="1"'.repeat(1_500)} src="https://player.example.com/v">`;
    expect(parseVideoEmbed(many)).toMatchObject({ ok: true, source: { src: 'https://player.example.com/v' } });
  });
});

describe('parseVideoSource', () => {
  it('tells embed code from an address', () => {
    expect(looksLikeEmbedCode(YOUTUBE)).toBe(true);
    expect(looksLikeEmbedCode('  <div>')).toBe(true);
    expect(looksLikeEmbedCode('https://www.youtube.com/watch?v=x')).toBe(false);
    expect(parseVideoSource(`  ${YOUTUBE}\n`)).toMatchObject({ ok: true, source: { kind: 'embed' } });
  });

  it('takes an https video address, and one typed without its scheme', () => {
    expect(parseVideoSource(' https://www.youtube.com/watch?v=dQw4w9WgXcQ ')).toEqual({ ok: true, source: { kind: 'url', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } });
    expect(parseVideoSource('vimeo.com/76979871')).toEqual({ ok: true, source: { kind: 'url', url: 'https://vimeo.com/76979871' } });
    expect(parseVideoSource('//cdn.example.com/clip.mp4')).toEqual({ ok: true, source: { kind: 'url', url: 'https://cdn.example.com/clip.mp4' } });
  });

  it('refuses other schemes and non-addresses with a sentence', () => {
    expect(refused(parseVideoSource(''))).toMatch(/Paste the video’s address/);
    expect(refused(parseVideoSource('http://www.youtube.com/watch?v=x'))).toMatch(/https address/);
    expect(refused(parseVideoSource('javascript:alert(1)'))).toMatch(/not “javascript:”/);
    expect(refused(parseVideoSource('data:video/mp4;base64,AAAA'))).toMatch(/not “data:”/);
    expect(refused(parseVideoSource('file:///etc/passwd'))).toMatch(/not “file:”/);
    expect(refused(parseVideoSource('just some words'))).toMatch(/not a video address/);
    expect(refused(parseVideoSource(`https://x.example.com/${'a'.repeat(3000)}`))).toMatch(/too long/);
  });
});

describe('embedPlayerAttributes', () => {
  it('rebuilds the player with a fixed sandbox and permissions, whatever the pasted code allowed', () => {
    const parsed = parseVideoEmbed(YOUTUBE);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(embedPlayerAttributes(parsed.source)).toEqual({
      src: 'https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc&start=30',
      title: 'YouTube video player',
      width: 560,
      height: 315,
      sandbox: 'allow-scripts allow-same-origin allow-presentation',
      allow: 'fullscreen; picture-in-picture',
      referrerPolicy: 'strict-origin-when-cross-origin',
      loading: 'lazy',
    });
  });

  it('leaves out unknown sizes and names an untitled player', () => {
    const attributes = embedPlayerAttributes({ kind: 'embed', src: 'https://v.example.com/x', title: ' ', width: null, height: null });
    expect(attributes).not.toHaveProperty('width');
    expect(attributes).not.toHaveProperty('height');
    expect(attributes.title).toBe('Video player');
  });
});
