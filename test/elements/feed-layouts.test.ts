import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { IgFeed, IgProvider } from '../../src/classes.js';
import { dialogOf, focused, itemIds, itemNodes, mountFeed, settled, shadow } from '../support/feed.js';
import { GRAPH_ENDPOINT, addFaults, issueToken, visiblePosts } from '../support/island.js';

function columnCount(feed: IgFeed): number {
  const grid = shadow(feed).querySelector<HTMLElement>('[part~="grid"]')!;
  return getComputedStyle(grid).gridTemplateColumns.split(' ').length;
}

/** Mounts a feed inside a box of `width` pixels, for the responsive grid. */
async function mountInBox(width: number, feedAttributes: string, feedStyle = ''): Promise<IgFeed> {
  const token = await issueToken();
  const provider = await fixture<IgProvider>(html`<ig-provider api="graph" endpoint=${GRAPH_ENDPOINT} .accessToken=${token.access_token}>
    <div style=${`width: ${width}px`}><ig-feed limit="4" style=${feedStyle}></ig-feed></div></ig-provider>`);
  const feed = provider.querySelector('ig-feed')!;
  for (const attribute of feedAttributes.split(' ').filter(Boolean)) {
    const [name, value] = attribute.split('=');
    feed.setAttribute(name!, value ?? '');
  }
  await settled(feed);
  return feed;
}

function carouselStatus(feed: IgFeed): string {
  return shadow(feed).querySelector('[part~="carousel-status"] [aria-hidden="true"]')!.textContent!.trim();
}

function track(feed: IgFeed): HTMLElement {
  return shadow(feed).querySelector<HTMLElement>('[part~="track"]')!;
}

describe('feed grid layout', () => {
  const cases: Array<[string, number, string, string, number]> = [
    ['fills the width with 140px tiles by default', 600, '', '', 4],
    ['shows the columns attribute', 600, 'columns=3', '', 3],
    ['drops columns when tiles would be under 64px', 150, 'columns=3', '', 2],
    ['takes --ig-columns from CSS', 800, '', '--ig-columns: 5', 5],
    ['keeps --ig-columns while tiles fit --ig-tile-min-width', 300, '', '--ig-columns: 4; --ig-tile-min-width: 100px', 2],
    ['keeps exactly N columns with --ig-tile-min-width: 0', 120, 'columns=4', '--ig-tile-min-width: 0px', 4],
  ];
  for (const [label, width, attributes, style, expected] of cases) {
    it(label, async () => {
      const feed = await mountInBox(width, attributes, style);
      expect(columnCount(feed)).to.equal(expected);
    });
  }

  it('is accessible with captions and dates', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="6" show-captions show-dates' });
    await settled(feed);
    expect(shadow(feed).querySelectorAll('[part~="grid"] time[part~="date"]')).to.have.length(6);
    await expect(feed).to.be.accessible();
  });
});

describe('feed list layout', () => {
  it('renders a row per item with media, caption, username and date', async () => {
    const { feed } = await mountFeed({ attributes: 'layout="list" limit="5" caption-length="20" lang="en-US"' });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    const rows = itemNodes(feed);
    expect(rows).to.have.length(5);
    rows.forEach((row, index) => {
      const post = posts[index]!;
      expect(row.getAttribute('part')).to.equal('item row');
      expect(row.querySelector('[part~="row-media"] [part~="link"]')!.getAttribute('href')).to.equal(post.permalink);
      const caption = row.querySelector('[part~="caption"]');
      if (post.caption) expect([...new Intl.Segmenter().segment(caption!.textContent!)].length).to.be.at.most(20);
      else expect(caption).to.equal(null);
      expect(row.querySelector('[part~="username"]')!.textContent).to.equal('@harbour.lights');
      const time = row.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal(new Date(post.createdTime * 1000).toISOString());
    });
    await expect(feed).to.be.accessible();
  });

  it('shows list skeleton rows while loading', async () => {
    const token = await issueToken();
    await addFaults(token.access_token, [{ delayMs: 400 }]);
    const { feed } = await mountFeed({ token, attributes: 'layout="list" limit="8"' });
    await feed.updateComplete;
    expect(shadow(feed).querySelector('[part~="skeleton-list"]')).to.exist;
    expect(shadow(feed).querySelectorAll('[part~="skeleton"]')).to.have.length(4);
    await expect(feed).to.be.accessible();
    await settled(feed);
  });
});

describe('feed carousel layout', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('renders a labelled carousel of slides with a polite position', async () => {
    const { feed } = await mountFeed({ attributes: 'layout="carousel" limit="6"' });
    await settled(feed);
    const region = shadow(feed).querySelector('[part~="carousel"]')!;
    expect(region.getAttribute('aria-roledescription')).to.equal('carousel');
    expect(region.getAttribute('aria-label')).to.equal('Instagram posts');
    const slides = itemNodes(feed);
    expect(slides).to.have.length(6);
    expect(slides[2]!.getAttribute('role')).to.equal('group');
    expect(slides[2]!.getAttribute('aria-roledescription')).to.equal('slide');
    expect(slides[2]!.getAttribute('aria-label')).to.equal('3 of 6');
    const status = shadow(feed).querySelector('[part~="carousel-status"]')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(status.textContent!.replace(/\s+/g, ' ').trim()).to.equal('1 / 6 Post 1 of 6');
    expect(getComputedStyle(track(feed)).scrollSnapType).to.equal('x mandatory');
    expect(shadow(feed).querySelector('[part~="carousel-previous"]')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(feed).to.be.accessible();
  });

  it('shows one skeleton slide while loading', async () => {
    const token = await issueToken();
    await addFaults(token.access_token, [{ delayMs: 400 }]);
    const { feed } = await mountFeed({ token, attributes: 'layout="carousel" limit="8"' });
    await feed.updateComplete;
    expect(shadow(feed).querySelector('[part~="skeleton-carousel"]')).to.exist;
    expect(shadow(feed).querySelectorAll('[part~="skeleton"]')).to.have.length(1);
    await expect(feed).to.be.accessible();
    await settled(feed);
  });

  it('moves with the buttons, instantly under reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { feed } = await mountFeed({ attributes: 'layout="carousel" limit="4"' });
    await settled(feed);
    expect(getComputedStyle(track(feed)).scrollBehavior).to.equal('auto');
    shadow(feed).querySelector<HTMLButtonElement>('[part~="carousel-next"]')!.click();
    await feed.updateComplete;
    expect(carouselStatus(feed)).to.equal('2 / 4');
    // No smooth scrolling: the track is already at the second slide.
    const slide = itemNodes(feed)[1]!;
    expect(Math.abs(slide.getBoundingClientRect().left - track(feed).getBoundingClientRect().left)).to.be.below(1);
    shadow(feed).querySelector<HTMLButtonElement>('[part~="carousel-previous"]')!.click();
    await feed.updateComplete;
    expect(carouselStatus(feed)).to.equal('1 / 4');
  });

  it('scrolls smoothly without reduced motion', async () => {
    const { feed } = await mountFeed({ attributes: 'layout="carousel" limit="4"' });
    await settled(feed);
    expect(getComputedStyle(track(feed)).scrollBehavior).to.equal('smooth');
    shadow(feed).querySelector<HTMLButtonElement>('[part~="carousel-next"]')!.click();
    await waitUntil(() => Math.abs(track(feed).scrollLeft - track(feed).clientWidth) < 8, 'the track did not reach slide 2');
  });

  it('moves with the arrow keys and takes the focus along', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { feed } = await mountFeed({ attributes: 'layout="carousel" limit="4"' });
    await settled(feed);
    itemNodes(feed)[0]!.querySelector<HTMLElement>('[part~="link"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await feed.updateComplete;
    expect(carouselStatus(feed)).to.equal('2 / 4');
    expect(focused(feed)).to.equal(itemNodes(feed)[1]!.querySelector('[part~="link"]'));
    await sendKeys({ press: 'End' });
    await feed.updateComplete;
    expect(carouselStatus(feed)).to.equal('4 / 4');
    expect(shadow(feed).querySelector('[part~="carousel-next"]')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('follows a scroll by touch or wheel', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { feed } = await mountFeed({ attributes: 'layout="carousel" limit="5"' });
    await settled(feed);
    const slides = itemNodes(feed);
    track(feed).scrollLeft = slides[2]!.offsetLeft - slides[0]!.offsetLeft;
    await waitUntil(() => carouselStatus(feed) === '3 / 5', `status is ${carouselStatus(feed)}`);
  });

  it('reaches every album child and opens the lightbox at it', async () => {
    const { feed } = await mountFeed({ attributes: 'layout="carousel" limit="4"' });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    const index = posts.findIndex((post) => post.type === 'carousel');
    const album = posts[index]!;
    const slide = itemNodes(feed)[index]!;
    const next = slide.querySelector<HTMLButtonElement>('[part~="album-next"]')!;
    expect(slide.querySelector('[part~="album-previous"]')!.getAttribute('aria-disabled')).to.equal('true');

    for (const [position, child] of album.children.entries()) {
      expect(slide.querySelector('[part~="album-status"] [aria-hidden]')!.textContent).to.equal(`${position + 1} / ${album.children.length}`);
      // Every child shows an image: a photo itself, a video by its poster, never the video file.
      expect(slide.querySelector('img')!.getAttribute('src')).to.contain(`/media/${child.shortcode}.svg`);
      if (position < album.children.length - 1) {
        next.click();
        await feed.updateComplete;
      }
    }
    slide.querySelector<HTMLElement>('[part~="link"]')!.click();
    await waitUntil(() => dialogOf(feed)?.open, 'the lightbox did not open');
    const status = shadow(feed).querySelector('[part~="lightbox-status"]')!.textContent!;
    expect(status).to.contain(`${album.children.length} of ${album.children.length} in the album`);
  });

  it('keeps the slide order of the feed', async () => {
    const { feed } = await mountFeed({ attributes: 'layout="carousel" limit="5" sort="oldest"' });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    expect(itemIds(feed)).to.deep.equal(posts.slice(0, 5).reverse().map((post) => post.graphId));
  });
});
