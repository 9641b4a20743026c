import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { IgEmbed, IgErrorDetail } from '../../src/classes.js';
import { STAND_IN, part, uniqueCode } from '../stand-in/support.js';

// A file of its own: once any embed.js has run, the page's instgrm is reused and no script loads.
describe('<ig-embed> mode="official" with embed.js blocked', () => {
  it('falls back with a network error', async () => {
    const blocked = `${STAND_IN}/blocked`;
    const code = uniqueCode('h480');
    const element = await fixture<IgEmbed>(html`<ig-embed mode="official" load="eager" embed-origin=${blocked} shortcode=${code}>
      <p>See the post <a href="https://www.instagram.com/p/${code}/">on Instagram</a>.</p>
    </ig-embed>`);
    const { detail } = (await oneEvent(element, 'ig-error')) as CustomEvent<IgErrorDetail>;
    await element.updateComplete;

    expect(detail.error.kind).to.equal('network');
    expect(detail.error.message).to.contain(`${blocked}/embed.js`);
    expect(detail.error.hint).to.contain('Content-Security-Policy');
    expect(element.state).to.equal('error');
    expect(element.querySelector('blockquote')).to.equal(null);
    expect(element.querySelector('p')!.assignedSlot, 'the page fallback shows').to.exist;
    expect(part(element, 'fallback')).to.equal(null);
    expect(document.querySelector(`script[src="${blocked}/embed.js"]`), 'the failed script tag is removed').to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('tries the script again on reload', async () => {
    const element = await fixture<IgEmbed>(html`<ig-embed mode="official" load="eager" embed-origin=${`${STAND_IN}/blocked`} shortcode=${uniqueCode('h480')}></ig-embed>`);
    await oneEvent(element, 'ig-error');
    const retried = oneEvent(element, 'ig-error');
    element.reload();
    await element.updateComplete;
    expect(document.querySelectorAll(`script[src="${STAND_IN}/blocked/embed.js"]`)).to.have.length(1);
    await retried;
  });
});
