import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { IgEmbed, IgEmbedLoadDetail, IgErrorDetail } from '../../src/classes.js';
import {
  SAME_ORIGIN_STAND_IN, STAND_IN, STAND_IN_ORIGIN, frameOf, hits, nextMessage, part, settled, uniqueCode,
} from '../stand-in/support.js';

async function mount(code: string, extra: Partial<Record<string, string | boolean>> = {}): Promise<IgEmbed> {
  const element = document.createElement('ig-embed');
  element.setAttribute('embed-origin', STAND_IN);
  element.setAttribute('shortcode', code);
  element.setAttribute('load', 'eager');
  for (const [name, value] of Object.entries(extra)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  return fixture<IgEmbed>(element);
}

describe('<ig-embed> mode="iframe"', () => {
  it('frames the stand-in embed page of the post', async () => {
    const code = uniqueCode('h480');
    const element = await mount(code);
    const frame = frameOf(element)!;

    expect(frame).to.exist;
    expect(frame.getAttribute('src')).to.equal(`${STAND_IN}/p/${code}/embed/`);
    expect(frame.title).to.equal(`Instagram post ${code}`);
    expect(frame.getAttribute('sandbox')).to.equal('allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    expect(frame.getAttribute('referrerpolicy')).to.equal('strict-origin');
    expect(frame.hasAttribute('allow')).to.equal(false);
    expect(element.state).to.equal('loading');
    expect(element.phase).to.equal('loading');
  });

  it('builds reel, IGTV and captioned frame URLs', async () => {
    const reel = uniqueCode('h900');
    const fromUrl = await fixture<IgEmbed>(html`<ig-embed load="eager" embed-origin=${STAND_IN}
      url=${`https://www.instagram.com/harbour.lights/reels/${reel}/?igsh=MzRlODBiNWFlZA==`}></ig-embed>`);
    expect(frameOf(fromUrl)!.getAttribute('src')).to.equal(`${STAND_IN}/reel/${reel}/embed/`);

    const tv = uniqueCode('h700');
    const captioned = await mount(tv, { kind: 'tv', captioned: true });
    expect(frameOf(captioned)!.getAttribute('src')).to.equal(`${STAND_IN}/tv/${tv}/embed/captioned/`);
    expect(frameOf(captioned)!.title).to.equal(`Instagram video ${tv}`);
  });

  it('takes the height from MEASURE and fires ig-embed-load', async () => {
    const code = uniqueCode('h480');
    const element = await mount(code);
    const { detail } = (await oneEvent(element, 'ig-embed-load')) as CustomEvent<IgEmbedLoadDetail>;

    expect(detail).to.deep.equal({ mode: 'iframe', kind: 'post', shortcode: code, height: 480 });
    expect(element.state).to.equal('ready');
    expect(element.getAttribute('state')).to.equal('ready');
    expect(frameOf(element)!.style.height).to.equal('480px');
    expect(Math.round(part(element, 'box')!.getBoundingClientRect().height)).to.equal(480);
  });

  it('follows later MEASURE messages', async () => {
    const element = await mount(uniqueCode('h300-h520'));
    await waitUntil(() => frameOf(element)?.style.height === '520px', 'the frame never grew to 520px');
    expect(element.phase).to.equal('ready');
  });

  it('reserves a taller box for reels before loading', async () => {
    const post = await mount(uniqueCode('silent'), { load: 'click' });
    const reel = await mount(uniqueCode('silent'), { load: 'click', kind: 'reel' });
    post.style.width = reel.style.width = '400px';
    const postHeight = part(post, 'box')!.getBoundingClientRect().height;
    const reelHeight = part(reel, 'box')!.getBoundingClientRect().height;

    expect(postHeight).to.be.closeTo(400 + 190, 1);
    expect(reelHeight).to.be.closeTo((400 * 16) / 9 + 110, 1);
  });

  it('keeps its reserved height while loading', async () => {
    const element = await mount(uniqueCode('silent'), { timeout: '5000' });
    element.style.width = '400px';
    expect(part(element, 'box')!.getBoundingClientRect().height).to.be.closeTo(590, 1);
    expect(part(element, 'box')!.getAttribute('aria-busy')).to.equal('true');
  });

  it('ignores MEASURE from a frame that is not its own', async () => {
    const element = await mount(uniqueCode('silent'), { timeout: '5000' });
    const stranger = document.createElement('iframe');
    stranger.title = 'Another embed';
    const strangerMessage = nextMessage((event) => event.source === stranger.contentWindow);
    stranger.src = `${STAND_IN}/p/${uniqueCode('h999')}/embed/`;
    document.body.append(stranger);
    try {
      const event = await strangerMessage;
      expect(event.origin).to.equal(STAND_IN_ORIGIN);
      await element.updateComplete;
      expect(element.phase).to.equal('loading');
      expect(frameOf(element)!.style.height).to.equal('');
    } finally {
      stranger.remove();
    }
  });

  it('ignores MEASURE from its frame on another origin', async () => {
    // The stand-in redirects an "xorigin" post from localhost to 127.0.0.1, so the element's own
    // frame posts MEASURE from an origin other than embed-origin.
    const element = await mount(uniqueCode('xorigin-h777'), { timeout: '4000' });
    const frame = frameOf(element)!;
    const event = await nextMessage((candidate) => candidate.source === frame.contentWindow);

    expect(event.origin).to.equal(location.origin);
    expect(event.data).to.contain('777');
    await element.updateComplete;
    expect(element.phase).to.equal('loading');
    expect(frame.style.height).to.equal('');
  });

  it('accepts MEASURE from its own origin when embed-origin is the page', async () => {
    const code = uniqueCode('h333');
    const element = await fixture<IgEmbed>(html`<ig-embed load="eager" embed-origin=${SAME_ORIGIN_STAND_IN} shortcode=${code}></ig-embed>`);
    await settled(element);
    expect(element.phase).to.equal('ready');
    expect(frameOf(element)!.style.height).to.equal('333px');
  });

  it('falls back to a link when no MEASURE arrives in time', async () => {
    const code = uniqueCode('silent');
    const element = await mount(code, { timeout: '300' });
    const { detail } = (await oneEvent(element, 'ig-error')) as CustomEvent<IgErrorDetail>;
    await element.updateComplete;

    expect(detail.error.kind).to.equal('timeout');
    expect(detail.error.message).to.contain(`https://www.instagram.com/p/${code}/`);
    expect(detail.error.message).to.contain('300 ms');
    expect(element.state).to.equal('error');
    expect(frameOf(element), 'the blocked frame is removed').to.equal(null);
    const link = part(element, 'fallback')!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal(`https://www.instagram.com/p/${code}/`);
    expect(link.getAttribute('rel')).to.contain('noopener');
  });

  it('falls back when the post is gone', async () => {
    const code = uniqueCode('gone');
    const element = await mount(code, { timeout: '400' });
    const { detail } = (await oneEvent(element, 'ig-error')) as CustomEvent<IgErrorDetail>;
    expect(detail.error.kind).to.equal('timeout');
    expect(await hits(code)).to.deep.equal([`/p/${code}/embed/`]);
    await element.updateComplete;
    expect(part(element, 'fallback')).to.exist;
  });

  it('uses its light-DOM children as the fallback', async () => {
    const code = uniqueCode('silent');
    const element = await fixture<IgEmbed>(html`<ig-embed load="eager" timeout="200" embed-origin=${STAND_IN} shortcode=${code}>
      <a href="https://www.instagram.com/p/${code}/">Our post on Instagram</a>
    </ig-embed>`);
    const ownLink = element.querySelector('a')!;
    expect(ownLink.assignedSlot, 'hidden while loading').to.equal(null);

    await oneEvent(element, 'ig-error');
    await element.updateComplete;
    expect(ownLink.assignedSlot).to.exist;
    expect(part(element, 'fallback')).to.equal(null);
  });

  it('reloads after a failure', async () => {
    const element = await mount(uniqueCode('silent'), { timeout: '200' });
    await oneEvent(element, 'ig-error');
    element.timeout = 5000;
    element.reload();
    await element.updateComplete;
    expect(element.phase).to.equal('loading');
    expect(frameOf(element)).to.exist;
  });

  it('reloads a post that is showing', async () => {
    const code = uniqueCode('h430');
    const element = await mount(code);
    await oneEvent(element, 'ig-embed-load');
    const loadedAgain = oneEvent(element, 'ig-embed-load');
    element.reload();
    const { detail } = (await loadedAgain) as CustomEvent<IgEmbedLoadDetail>;
    expect(detail.height).to.equal(430);
    expect(element.state).to.equal('ready');
    expect(await hits(code)).to.deep.equal([`/p/${code}/embed/`, `/p/${code}/embed/`]);
  });

  it('switches posts when the url changes', async () => {
    const first = uniqueCode('h400');
    const element = await mount(first);
    await oneEvent(element, 'ig-embed-load');
    const second = uniqueCode('h410');
    element.shortcode = second;
    const { detail } = (await oneEvent(element, 'ig-embed-load')) as CustomEvent<IgEmbedLoadDetail>;
    expect(detail.shortcode).to.equal(second);
    expect(frameOf(element)!.getAttribute('src')).to.contain(second);
    expect(frameOf(element)!.style.height).to.equal('410px');
  });

  it('loads again when reconnected', async () => {
    const code = uniqueCode('h450');
    const element = await mount(code);
    await oneEvent(element, 'ig-embed-load');
    const parent = element.parentElement!;
    element.remove();
    const loadedAgain = oneEvent(element, 'ig-embed-load');
    parent.append(element);
    await loadedAgain;
    expect(await hits(code)).to.deep.equal([`/p/${code}/embed/`, `/p/${code}/embed/`]);
  });
});

describe('<ig-embed> input', () => {
  it('reports an invalid url with the accepted forms', async () => {
    const bad = 'https://instagram.com.example.test/p/BSCoDz7Du7k/';
    const errors: IgErrorDetail[] = [];
    const element = await fixture<IgEmbed>(html`<ig-embed embed-origin=${STAND_IN} url=${bad}
      @ig-error=${(event: CustomEvent<IgErrorDetail>) => errors.push(event.detail)}></ig-embed>`);

    expect(errors).to.have.length(1);
    expect(errors[0]!.error.kind).to.equal('invalid-attribute');
    expect(errors[0]!.error.message).to.contain(bad);
    expect(errors[0]!.error.hint).to.contain('/reel/SHORTCODE/');
    expect(element.state).to.equal('error');
    expect(frameOf(element)).to.equal(null);
    expect(part(element, 'fallback')!.textContent).to.contain('cannot be shown');
    expect(part(element, 'fallback')!.querySelector('a'), 'no post to link to').to.equal(null);
  });

  it('reports a missing post and an invalid shortcode', async () => {
    const missing = await fixture<IgEmbed>(html`<ig-embed embed-origin=${STAND_IN}></ig-embed>`);
    expect(missing.error?.kind).to.equal('invalid-attribute');
    expect(missing.error?.message).to.contain('Neither url nor shortcode');

    const invalid = await fixture<IgEmbed>(html`<ig-embed embed-origin=${STAND_IN} shortcode="not/valid"></ig-embed>`);
    expect(invalid.error?.kind).to.equal('invalid-attribute');
    expect(invalid.error?.message).to.contain('shortcode="not/valid"');
  });

  it('prefers url over shortcode', async () => {
    const code = uniqueCode('h480');
    const element = await fixture<IgEmbed>(html`<ig-embed load="eager" embed-origin=${STAND_IN}
      url=${`https://instagr.am/p/${code}`} shortcode="Other"></ig-embed>`);
    expect(frameOf(element)!.getAttribute('src')).to.equal(`${STAND_IN}/p/${code}/embed/`);
  });

  it('warns about invalid mode and load and uses the defaults', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const element = await fixture<IgEmbed>(html`<ig-embed embed-origin=${STAND_IN} shortcode=${uniqueCode('silent')}
        mode="video" load="never" timeout="5000"></ig-embed>`);
      expect(element.phase).to.be.oneOf(['waiting', 'loading']);
    } finally {
      console.warn = original;
    }
    expect(warnings.some((line) => line.includes('mode="video"') && line.includes('"iframe"'))).to.equal(true);
    expect(warnings.some((line) => line.includes('load="never"') && line.includes('"lazy"'))).to.equal(true);
  });

  it('warns about an invalid embed-origin', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      // load="click" and no click: nothing is loaded from the default origin.
      const element = await fixture<IgEmbed>(html`<ig-embed load="click" embed-origin="javascript:alert(1)" shortcode="BSCoDz7Du7k"></ig-embed>`);
      expect(element.phase).to.equal('facade');
    } finally {
      console.warn = original;
    }
    expect(warnings.some((line) => line.includes('embed-origin="javascript:alert(1)"'))).to.equal(true);
  });
});

describe('<ig-embed> accessibility', () => {
  it('is accessible while loading and when ready', async () => {
    const element = await mount(uniqueCode('h480'));
    await expect(element).to.be.accessible();
    await settled(element);
    await expect(element).to.be.accessible();
  });

  it('is accessible in the fallback', async () => {
    const element = await mount(uniqueCode('silent'), { timeout: '200' });
    await settled(element);
    await expect(element).to.be.accessible();
  });

  it('is accessible with an invalid url', async () => {
    const element = await fixture<IgEmbed>(html`<ig-embed url="https://example.test/p/x/"></ig-embed>`);
    await expect(element).to.be.accessible();
  });
});
