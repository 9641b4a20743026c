import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { IgConsentRequestDetail, IgProvider } from '../../src/classes.js';
import { STAND_IN, frameOf, hits, part, uniqueCode } from '../stand-in/support.js';

async function mountRequired(embedAttributes: { code: string; mode?: string; load?: string }, providerAttributes = '') {
  const provider = await fixture<IgProvider>(html`<ig-provider consent="required" consent-event=${providerAttributes || ''}>
    <ig-embed mode=${embedAttributes.mode ?? 'iframe'} load=${embedAttributes.load ?? 'eager'} embed-origin=${STAND_IN}
      shortcode=${embedAttributes.code}></ig-embed>
  </ig-provider>`);
  const element = provider.querySelector('ig-embed')!;
  await element.updateComplete;
  return { provider, element };
}

describe('<ig-embed> under <ig-provider consent="required">', () => {
  it('loads nothing and shows the consent box', async () => {
    const code = uniqueCode('h480');
    const { provider, element } = await mountRequired({ code });

    expect(provider.consentState).to.equal('pending');
    expect(element.phase).to.equal('consent');
    expect(element.state).to.equal('loading');
    expect(frameOf(element)).to.equal(null);
    const box = part(element, 'consent')!;
    expect(box.textContent).to.contain('hosted on Instagram');
    expect(box.querySelector('button')!.textContent).to.equal('Allow Instagram content');
    expect(box.querySelector('a')!.getAttribute('href')).to.equal(`https://www.instagram.com/p/${code}/`);
    expect(await hits(code)).to.deep.equal([]);
    await expect(element).to.be.accessible();
  });

  it('loads after grant() and keeps the client', async () => {
    const code = uniqueCode('h480');
    const { provider, element } = await mountRequired({ code });
    const client = provider.client;

    provider.grant();
    await oneEvent(element, 'ig-embed-load');
    expect(provider.consentState).to.equal('granted');
    expect(provider.client, 'a consent change keeps the client and its cache').to.equal(client);
    expect(await hits(code)).to.deep.equal([`/p/${code}/embed/`]);
  });

  it('removes the frame on revoke()', async () => {
    const { provider, element } = await mountRequired({ code: uniqueCode('h480') });
    provider.grant();
    await oneEvent(element, 'ig-embed-load');

    provider.revoke();
    await provider.updateComplete;
    await element.updateComplete;
    expect(provider.consentState).to.equal('pending');
    expect(element.phase).to.equal('consent');
    expect(frameOf(element)).to.equal(null);
    expect(part(element, 'consent')).to.exist;
  });

  it('grants on the named window event', async () => {
    const { provider, element } = await mountRequired({ code: uniqueCode('h480') }, 'my-consent');
    window.dispatchEvent(new Event('unrelated-consent'));
    await provider.updateComplete;
    expect(provider.consentState).to.equal('pending');

    window.dispatchEvent(new CustomEvent('my-consent'));
    await oneEvent(element, 'ig-embed-load');
    expect(provider.consentState).to.equal('granted');
  });

  it('stops listening when removed', async () => {
    const { provider } = await mountRequired({ code: uniqueCode('silent') }, 'my-consent-2');
    provider.remove();
    window.dispatchEvent(new Event('my-consent-2'));
    await provider.updateComplete;
    expect(provider.consentState).to.equal('pending');
  });

  it('grants from the built-in button unless the page cancels', async () => {
    const { provider, element } = await mountRequired({ code: uniqueCode('h480') });
    const button = part(element, 'consent-button') as HTMLButtonElement;

    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener('ig-consent-request', cancel);
    try {
      button.click();
      await provider.updateComplete;
      expect(provider.consentState, 'cancelled by the page').to.equal('pending');
    } finally {
      document.removeEventListener('ig-consent-request', cancel);
    }

    const request = oneEvent(element, 'ig-consent-request');
    button.click();
    const event = (await request) as CustomEvent<IgConsentRequestDetail>;
    expect(event.detail.url).to.equal(`https://www.instagram.com/p/${element.shortcode}/`);
    expect(event.composed).to.equal(true);
    await oneEvent(element, 'ig-embed-load');
    expect(provider.consentState).to.equal('granted');
  });

  it('takes the page content in the consent slot', async () => {
    const provider = await fixture<IgProvider>(html`<ig-provider consent="required">
      <ig-embed load="eager" embed-origin=${STAND_IN} shortcode=${uniqueCode('h480')}>
        <button slot="consent" id="own">Open privacy settings</button>
      </ig-embed>
    </ig-provider>`);
    const element = provider.querySelector('ig-embed')!;
    await element.updateComplete;
    const own = element.querySelector('#own')!;
    expect(own.assignedSlot!.name).to.equal('consent');
    await expect(element).to.be.accessible();
  });

  it('adds no script or blockquote in official mode', async () => {
    const code = uniqueCode('h480');
    const { provider, element } = await mountRequired({ code, mode: 'official' });
    expect(element.querySelector('blockquote')).to.equal(null);
    expect(document.querySelector('script[src$="/embed.js"]')).to.equal(null);

    provider.grant();
    await oneEvent(element, 'ig-embed-load');
    expect(element.querySelector('iframe.instagram-media-rendered')).to.exist;

    provider.revoke();
    await provider.updateComplete;
    await element.updateComplete;
    expect(element.querySelector('iframe'), 'revoke removes the embed.js frame').to.equal(null);
    expect(element.children).to.have.length(0);
  });

  it('shows the facade after consent for load="click"', async () => {
    const code = uniqueCode('h480');
    const { provider, element } = await mountRequired({ code, load: 'click' });
    expect(part(element, 'activate')).to.equal(null);
    provider.grant();
    await provider.updateComplete;
    await element.updateComplete;
    expect(element.phase).to.equal('facade');
    expect(await hits(code)).to.deep.equal([]);
  });

  it('lets grant() win over the attribute and consent="none" need none', async () => {
    const code = uniqueCode('h480');
    const provider = await fixture<IgProvider>(html`<ig-provider consent="none">
      <ig-embed load="eager" embed-origin=${STAND_IN} shortcode=${code}></ig-embed>
    </ig-provider>`);
    const element = provider.querySelector('ig-embed')!;
    expect(provider.consentState).to.equal('granted');
    await oneEvent(element, 'ig-embed-load');
    provider.revoke();
    await waitUntil(() => element.phase === 'consent', 'revoke() did not hold the embed back');
  });
});
