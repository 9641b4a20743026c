import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { IgEmbed, IgEmbedLoadDetail, IgErrorDetail } from '../../src/classes.js';
import { STAND_IN, hits, part, settled, uniqueCode } from '../stand-in/support.js';

declare global {
  interface Window {
    /** Counters kept by the stand-in embed.js. */
    __standInEmbed?: { runs: number; processCalls: number; rendered: number };
  }
}

const SCRIPT_SRC = `${STAND_IN}/embed.js`;

function scriptTags(): HTMLScriptElement[] {
  return [...document.querySelectorAll<HTMLScriptElement>('script')].filter((script) => script.src.endsWith('/embed.js'));
}

function renderedFrame(element: IgEmbed): HTMLIFrameElement | null {
  return element.querySelector('iframe.instagram-media-rendered');
}

describe('<ig-embed> mode="official"', () => {
  it('renders several embeds with one script', async () => {
    const codes = [uniqueCode('h480'), uniqueCode('h500'), uniqueCode('h520')];
    const wrapper = fixtureSync<HTMLDivElement>(html`<div>
      ${codes.map((code) => html`<ig-embed mode="official" load="eager" embed-origin=${STAND_IN} shortcode=${code}></ig-embed>`)}
    </div>`);
    const elements = [...wrapper.querySelectorAll('ig-embed')];
    await Promise.all(elements.map((element) => settled(element)));

    expect(scriptTags().map((script) => script.src)).to.deep.equal([SCRIPT_SRC]);
    expect(window.__standInEmbed?.runs).to.equal(1);
    elements.forEach((element, index) => {
      expect(element.phase, codes[index]).to.equal('ready');
      const frame = renderedFrame(element)!;
      expect(frame, 'embed.js put its frame in the light DOM').to.exist;
      expect(frame.getAttribute('src')).to.equal(`${STAND_IN}/p/${codes[index]}/embed/`);
      expect(element.shadowRoot!.querySelector('iframe')).to.equal(null);
    });
    // "ready" comes when embed.js has put its frame in place, which can be before the frame's request reaches the server.
    for (const code of codes) {
      let seen: string[] = [];
      for (let attempt = 0; attempt < 40 && seen.length === 0; attempt += 1) {
        seen = await hits(code);
        if (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(seen).to.deep.equal([`/p/${code}/embed/`]);
    }
  });

  it('builds the blockquote in the light DOM', async () => {
    const code = uniqueCode('h480');
    const element = await fixture<IgEmbed>(html`<ig-embed mode="official" load="click" captioned embed-origin=${STAND_IN}
      url=${`https://www.instagram.com/reel/${code}/`}></ig-embed>`);
    (part(element, 'activate') as HTMLButtonElement).click();

    // Read before embed.js replaces it, which happens after the current task.
    const quote = element.querySelector('blockquote')!;
    expect(quote, 'light DOM').to.exist;
    expect(quote.className).to.equal('instagram-media');
    expect(quote.dataset.instgrmPermalink).to.equal(`${STAND_IN}/reel/${code}/?utm_source=ig_embed&utm_campaign=loading`);
    expect(quote.dataset.instgrmVersion).to.equal('14');
    expect(quote.hasAttribute('data-instgrm-captioned')).to.equal(true);
    const link = quote.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal(`https://www.instagram.com/reel/${code}/`);
    expect(link.textContent).to.equal(`View Instagram reel ${code} on Instagram`);
    expect(quote.parentElement!.slot).to.equal('embed');

    await oneEvent(element, 'ig-embed-load');
    expect(renderedFrame(element)!.getAttribute('src')).to.equal(`${STAND_IN}/reel/${code}/embed/captioned/`);
  });

  it('escapes data instead of parsing it as HTML', async () => {
    const element = await fixture<IgEmbed>(html`<ig-embed mode="official" load="click" embed-origin=${STAND_IN}
      shortcode=${uniqueCode('silent')} label="<img src=x onerror=alert(1)>"></ig-embed>`);
    (part(element, 'activate') as HTMLButtonElement).click();
    const link = element.querySelector('blockquote a')!;
    expect(link.textContent).to.equal('View <img src=x onerror=alert(1)> on Instagram');
    expect(element.querySelector('blockquote img')).to.equal(null);
  });

  it('processes embeds connected later', async () => {
    const first = await fixture<IgEmbed>(html`<ig-embed mode="official" load="eager" embed-origin=${STAND_IN} shortcode=${uniqueCode('h480')}></ig-embed>`);
    await settled(first);
    const callsBefore = window.__standInEmbed!.processCalls;

    const code = uniqueCode('h480');
    const later = document.createElement('ig-embed');
    later.mode = 'official';
    later.load = 'eager';
    later.embedOrigin = STAND_IN;
    later.shortcode = code;
    first.after(later);
    const { detail } = (await oneEvent(later, 'ig-embed-load')) as CustomEvent<IgEmbedLoadDetail>;

    expect(detail).to.deep.equal({ mode: 'official', kind: 'post', shortcode: code });
    expect(window.__standInEmbed!.processCalls).to.equal(callsBefore + 1);
    expect(scriptTags()).to.have.length(1);
    later.remove();
  });

  it('calls process() once for embeds connected together', async () => {
    const callsBefore = window.__standInEmbed?.processCalls ?? 0;
    const wrapper = fixtureSync<HTMLDivElement>(html`<div>
      <ig-embed mode="official" load="eager" embed-origin=${STAND_IN} shortcode=${uniqueCode('h480')}></ig-embed>
      <ig-embed mode="official" load="eager" embed-origin=${STAND_IN} shortcode=${uniqueCode('h480')}></ig-embed>
    </div>`);
    await Promise.all([...wrapper.querySelectorAll('ig-embed')].map((element) => settled(element)));
    expect(window.__standInEmbed!.processCalls - callsBefore).to.equal(1);
  });

  it('falls back when embed.js does not render the post', async () => {
    const code = uniqueCode('silent');
    const element = await fixture<IgEmbed>(html`<ig-embed mode="official" load="eager" timeout="500" embed-origin=${STAND_IN} shortcode=${code}></ig-embed>`);
    const { detail } = (await oneEvent(element, 'ig-error')) as CustomEvent<IgErrorDetail>;
    await element.updateComplete;

    expect(detail.error.kind).to.equal('timeout');
    expect(detail.error.message).to.contain('embed.js');
    expect(element.querySelector('blockquote'), 'the blockquote is removed').to.equal(null);
    expect(part(element, 'fallback')!.querySelector('a')!.getAttribute('href')).to.equal(`https://www.instagram.com/p/${code}/`);
  });

  it('moves focus into the frame after a click', async () => {
    const element = await fixture<IgEmbed>(html`<ig-embed mode="official" load="click" embed-origin=${STAND_IN} shortcode=${uniqueCode('h480')}></ig-embed>`);
    (part(element, 'activate') as HTMLButtonElement).click();
    await oneEvent(element, 'ig-embed-load');
    await waitUntil(() => document.activeElement === renderedFrame(element), 'focus did not move into the frame');
  });

  it('is accessible while loading and when ready', async () => {
    const element = await fixture<IgEmbed>(html`<ig-embed mode="official" load="eager" embed-origin=${STAND_IN} shortcode=${uniqueCode('h480')}></ig-embed>`);
    await expect(element).to.be.accessible();
    await settled(element);
    await expect(element).to.be.accessible();
  });

  it('removes its markup when disconnected', async () => {
    const element = await fixture<IgEmbed>(html`<ig-embed mode="official" load="eager" embed-origin=${STAND_IN} shortcode=${uniqueCode('h480')}></ig-embed>`);
    await settled(element);
    element.remove();
    expect(element.querySelector('iframe')).to.equal(null);
    expect(element.children).to.have.length(0);
  });
});
