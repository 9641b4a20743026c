import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
// Only <ig-embed> is defined at first: this file checks that an embed inside a provider that is
// defined later waits for the provider's consent setting instead of loading at once.
import '../../src/define/ig-embed.js';
import { IgProvider, type IgEmbed } from '../../src/classes.js';
import { STAND_IN, frameOf, hits, uniqueCode } from '../stand-in/support.js';

describe('<ig-embed> before its provider is defined', () => {
  it('waits for the provider, then for consent', async () => {
    const code = uniqueCode('h480');
    // fixtureSync: fixture() would wait for an animation frame on the undefined provider.
    const provider = fixtureSync<IgProvider>(html`<ig-provider consent="required">
      <ig-embed load="eager" embed-origin=${STAND_IN} shortcode=${code}></ig-embed>
    </ig-provider>`);
    const element = provider.querySelector<IgEmbed>('ig-embed')!;
    await element.updateComplete;
    expect(customElements.get('ig-provider')).to.equal(undefined);
    expect(element.phase).to.equal('waiting');
    expect(frameOf(element)).to.equal(null);

    IgProvider.define();
    await provider.updateComplete;
    await element.updateComplete;
    expect(element.phase).to.equal('consent');
    expect(await hits(code)).to.deep.equal([]);

    provider.grant();
    await oneEvent(element, 'ig-embed-load');
  });
});
