import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { IgEmbed } from '../../src/classes.js';
import { STAND_IN, STAND_IN_ORIGIN, frameOf, hits, part, uniqueCode, whenPageVisible } from '../stand-in/support.js';

function preconnectLinks(): HTMLLinkElement[] {
  return [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].filter((link) => link.href.startsWith(STAND_IN_ORIGIN));
}

/**
 * Mounts an embed below a spacer taller than the viewport and the lazy margin. fixtureSync,
 * because fixture() waits for an animation frame on plain elements, which a background tab never gets.
 */
async function mountBelowFold(code: string, load: string): Promise<{ element: IgEmbed; spacer: HTMLElement }> {
  const wrapper = fixtureSync<HTMLDivElement>(html`<div>
    <div class="spacer" style="height: ${window.innerHeight + 2000}px"></div>
    <ig-embed load=${load} embed-origin=${STAND_IN} shortcode=${code}></ig-embed>
  </div>`);
  const element = wrapper.querySelector('ig-embed')!;
  await element.updateComplete;
  return { element, spacer: wrapper.querySelector('.spacer')! };
}

function buttonCenter(button: HTMLElement): [number, number] {
  const box = button.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

describe('<ig-embed> load="lazy"', () => {
  afterEach(() => window.scrollTo(0, 0));

  it('loads nothing below the fold', async () => {
    const code = uniqueCode('h480');
    const { element } = await mountBelowFold(code, 'lazy');
    // The observer reports on the next rendering steps; a short real wait lets a wrong eager load show up.
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(element.phase).to.equal('waiting');
    expect(frameOf(element)).to.equal(null);
    expect(await hits(code)).to.deep.equal([]);
    expect(preconnectLinks().filter((link) => link.href.includes(code))).to.have.length(0);
    expect(part(element, 'box'), 'the box is reserved').to.exist;
    await expect(element).to.be.accessible();
  });

  it('loads when scrolled near the viewport', async function () {
    await whenPageVisible(this);
    const code = uniqueCode('h480');
    const { element } = await mountBelowFold(code, 'lazy');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(element.phase).to.equal('waiting');

    element.scrollIntoView();
    await oneEvent(element, 'ig-embed-load');
    expect(frameOf(element)!.getAttribute('src')).to.contain(code);
    expect(await hits(code)).to.deep.equal([`/p/${code}/embed/`]);
  });

  it('is the default', async function () {
    await whenPageVisible(this);
    const code = uniqueCode('h480');
    const element = await fixture<IgEmbed>(html`<ig-embed embed-origin=${STAND_IN} shortcode=${code}></ig-embed>`);
    expect(element.phase).to.be.oneOf(['waiting', 'loading']);
    await oneEvent(element, 'ig-embed-load');
    expect(element.phase).to.equal('ready');
  });
});

describe('<ig-embed> load="eager"', () => {
  it('loads at once, even far below the fold', async () => {
    const code = uniqueCode('h480');
    const { element } = await mountBelowFold(code, 'eager');
    expect(element.phase).to.equal('loading');
    expect(frameOf(element)).to.exist;
    await oneEvent(element, 'ig-embed-load');
    expect(await hits(code)).to.deep.equal([`/p/${code}/embed/`]);
  });
});

describe('<ig-embed> load="click"', () => {
  it('shows a labelled button and loads nothing', async () => {
    const code = uniqueCode('h480');
    const element = await fixture<IgEmbed>(html`<ig-embed load="click" embed-origin=${STAND_IN} shortcode=${code}></ig-embed>`);
    const button = part(element, 'activate') as HTMLButtonElement;

    expect(element.phase).to.equal('facade');
    expect(button.tagName).to.equal('BUTTON');
    expect(button.type).to.equal('button');
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Load Instagram post: Instagram post ${code}`);
    expect(part(element, 'facade')!.querySelector('a')!.getAttribute('href')).to.equal(`https://www.instagram.com/p/${code}/`);
    expect(frameOf(element)).to.equal(null);
    expect(await hits(code)).to.deep.equal([]);
    await expect(element).to.be.accessible();
  });

  it('warms the connection on hover and focus', async () => {
    for (const link of preconnectLinks()) link.remove();
    const element = await fixture<IgEmbed>(html`<ig-embed load="click" embed-origin=${STAND_IN} shortcode=${uniqueCode('h480')}></ig-embed>`);
    const button = part(element, 'activate')!;
    expect(preconnectLinks()).to.have.length(0);

    button.dispatchEvent(new PointerEvent('pointerenter'));
    expect(preconnectLinks()).to.have.length(1);
    expect(new URL(preconnectLinks()[0]!.href).origin).to.equal(STAND_IN_ORIGIN);
    expect(preconnectLinks()[0]!.hasAttribute('crossorigin')).to.equal(false);

    preconnectLinks()[0]!.remove();
    // A synthetic event: a background tab gets no focus events from focus().
    button.dispatchEvent(new FocusEvent('focus'));
    expect(preconnectLinks(), 'focus warms the connection too').to.have.length(1);
    button.dispatchEvent(new PointerEvent('pointerenter'));
    expect(preconnectLinks(), 'one link per origin').to.have.length(1);
  });

  it('opens on click and moves focus into the frame', async () => {
    const code = uniqueCode('h480');
    const element = await fixture<IgEmbed>(html`<ig-embed load="click" embed-origin=${STAND_IN} shortcode=${code}></ig-embed>`);
    const button = part(element, 'activate') as HTMLButtonElement;
    button.focus();
    button.click();
    await element.updateComplete;

    const frame = frameOf(element)!;
    expect(frame).to.exist;
    expect(element.shadowRoot!.activeElement).to.equal(frame);
    await oneEvent(element, 'ig-embed-load');
    expect(await hits(code)).to.deep.equal([`/p/${code}/embed/`]);
    await expect(element).to.be.accessible();
  });

  it('warms on real hover and opens on Enter', async function () {
    await whenPageVisible(this);
    for (const link of preconnectLinks()) link.remove();
    const element = await fixture<IgEmbed>(html`<ig-embed load="click" embed-origin=${STAND_IN} shortcode=${uniqueCode('h480')}></ig-embed>`);
    const button = part(element, 'activate')!;

    const [x, y] = buttonCenter(button);
    await sendMouse({ type: 'move', position: [x, y] });
    await waitUntil(() => preconnectLinks().length === 1, 'no preconnect link after hover');
    await sendMouse({ type: 'move', position: [0, 0] });

    button.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement).to.equal(frameOf(element));
    await oneEvent(element, 'ig-embed-load');
  });
});
