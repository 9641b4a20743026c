import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { IgFeed, IgMedia, IgSelectDetail } from '../../src/classes.js';
import { dialogOf, focused, itemNodes, mountFeed, nextEvent, settled, shadow } from '../support/feed.js';
import { visiblePosts, type IslandPost } from '../support/island.js';

function tileControl(feed: IgFeed, index: number): HTMLElement {
  return itemNodes(feed)[index]!.querySelector<HTMLElement>('[part~="link"]')!;
}

async function openAt(feed: IgFeed, index: number): Promise<HTMLDialogElement> {
  tileControl(feed, index).click();
  await feed.updateComplete;
  await waitUntil(() => dialogOf(feed)?.open, 'the lightbox did not open');
  return dialogOf(feed)!;
}

function statusText(feed: IgFeed): string {
  return shadow(feed).querySelector('[part~="lightbox-status"]')!.textContent!.replace(/\s+/g, ' ').trim();
}

function postAt(posts: IslandPost[], feed: IgFeed, index: number): IslandPost {
  const id = itemNodes(feed)[index]!.dataset.id;
  return posts.find((post) => post.graphId === id || post.legacyId === id)!;
}

/** Presses a key, or a "Shift+Key" combination, and waits for the feed to render. */
async function press(key: string, feed: IgFeed): Promise<void> {
  const [modifier, name] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: name! });
  if (modifier) await sendKeys({ up: modifier });
  await feed.updateComplete;
}

describe('feed lightbox', () => {
  it('opens a modal dialog with the caption and date', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="6" lang="en-GB"' });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    const dialog = await openAt(feed, 1);
    const post = postAt(posts, feed, 1);

    expect(dialog.matches(':modal')).to.equal(true);
    expect(shadow(feed).querySelector('[part~="lightbox-caption"]')!.textContent).to.equal(post.caption);
    const time = dialog.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(new Date(post.createdTime * 1000).toISOString());
    expect(time.textContent).to.equal(new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(post.createdTime * 1000)));
    expect(dialog.contains(focused(feed)), 'focus moved into the dialog').to.equal(true);
    expect(statusText(feed)).to.match(/^Album 2 of 6\+/);
    await expect(feed).to.be.accessible();
  });

  it('opens on Enter and closes on Escape, returning focus to the tile', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="4"' });
    await settled(feed);
    const control = tileControl(feed, 2);
    expect(control.getAttribute('aria-haspopup')).to.equal('dialog');
    control.focus();
    await press('Enter', feed);
    await waitUntil(() => dialogOf(feed)?.open, 'Enter did not open the lightbox');

    await press('Escape', feed);
    await waitUntil(() => !dialogOf(feed), 'Escape did not close the lightbox');
    await feed.updateComplete;
    expect(focused(feed)).to.equal(tileControl(feed, 2));
  });

  it('moves between posts with the arrow keys, Home and End', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="5"' });
    await settled(feed);
    await openAt(feed, 0);
    await press('ArrowRight', feed);
    expect(statusText(feed)).to.match(/ 2 of 5\+/);
    await press('ArrowRight', feed);
    await press('ArrowLeft', feed);
    expect(statusText(feed)).to.match(/ 2 of 5\+/);
    await press('End', feed);
    expect(statusText(feed)).to.match(/ 5 of 5\+/);
    await press('Home', feed);
    expect(statusText(feed)).to.match(/ 1 of 5\+/);
    await press('ArrowLeft', feed);
    expect(statusText(feed), 'no wrap before the first post').to.match(/ 1 of 5\+/);
  });

  it('returns focus to the tile of the post shown last', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="4"' });
    await settled(feed);
    await openAt(feed, 0);
    await press('ArrowRight', feed);
    await press('ArrowRight', feed);
    await press('Escape', feed);
    await waitUntil(() => !dialogOf(feed));
    await feed.updateComplete;
    expect(focused(feed)).to.equal(tileControl(feed, 2));
  });

  it('reaches every album child with Shift+arrow keys and the buttons', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="12"' });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    const index = posts.findIndex((post) => post.children.length === 5);
    const album = posts[index]!;
    await openAt(feed, index);

    for (const [position, child] of album.children.entries()) {
      const stage = shadow(feed).querySelector('[part~="lightbox-figure"]')!;
      if (child.type === 'video') {
        const video = stage.querySelector('video');
        const fallback = stage.querySelector('[part~="video-fallback"] img');
        expect(video ?? fallback, `child ${position + 1} is a video`).to.exist;
        if (video) {
          expect(video.hasAttribute('controls')).to.equal(true);
          expect(video.getAttribute('src')).to.contain(`/media/${child.shortcode}.mp4`);
          expect(video.getAttribute('poster')).to.contain(`/media/${child.shortcode}.svg`);
        }
      } else {
        expect(stage.querySelector('img')!.getAttribute('src'), `child ${position + 1}`).to.contain(`/media/${child.shortcode}.svg`);
      }
      for (const image of shadow(feed).querySelectorAll('dialog img')) expect(image.getAttribute('src')).not.to.match(/\.mp4/);
      expect(statusText(feed)).to.contain(`${position + 1} of ${album.children.length} in the album`);
      await press('Shift+ArrowRight', feed);
    }
    expect(statusText(feed), 'no step past the last child').to.contain(`${album.children.length} of ${album.children.length} in the album`);

    shadow(feed).querySelector<HTMLButtonElement>('[part~="album-previous"]')!.click();
    await feed.updateComplete;
    expect(statusText(feed)).to.contain(`${album.children.length - 1} of ${album.children.length} in the album`);
    await press('ArrowRight', feed);
    expect(statusText(feed), 'the next post starts at its first child').not.to.contain('in the album');
  });

  it('plays an island video with controls', async () => {
    const { feed } = await mountFeed({ api: 'legacy', attributes: 'limit="6"' });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    const index = posts.findIndex((post) => post.type === 'video' && post.hasMediaUrl);
    await openAt(feed, index);

    const video = shadow(feed).querySelector<HTMLVideoElement>('dialog video')!;
    expect(video.hasAttribute('controls')).to.equal(true);
    expect(video.getAttribute('src')).to.contain(`/media/${posts[index]!.shortcode}.mp4`);
    await waitUntil(() => video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA, 'the video did not load', { timeout: 5000 });
    expect(video.videoWidth).to.be.greaterThan(0);
    expect(shadow(feed).querySelector('[part~="video-fallback"]')).to.equal(null);
  });

  it('falls back from a failing video', async () => {
    // An expired signed URL, as a page kept open for hours would have: the island responds with 403.
    const expire = (item: IgMedia): IgMedia => ({ ...item, mediaUrl: item.type === 'video' ? item.mediaUrl?.replace(/oe=[0-9A-Fa-f]+/, 'oe=1') : item.mediaUrl });
    const { feed } = await mountFeed({ api: 'legacy', attributes: 'limit="6"', properties: { transform: expire } });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    const index = posts.findIndex((post) => post.type === 'video');
    const post = posts[index]!;
    await openAt(feed, index);

    const video = shadow(feed).querySelector('video');
    if (video) {
      expect(video.hasAttribute('controls')).to.equal(true);
      expect(video.getAttribute('poster')).to.contain(`/media/${post.shortcode}.svg`);
    }
    // The failing video gives way to the poster and a link to the post.
    await waitUntil(() => shadow(feed).querySelector('[part~="video-fallback"]'), 'no fallback after the video failed');
    await feed.updateComplete;
    expect(shadow(feed).querySelector('dialog video')).to.equal(null);
    const fallback = shadow(feed).querySelector('[part~="video-fallback"]')!;
    expect(fallback.querySelector('img')!.getAttribute('src')).to.contain(`/media/${post.shortcode}.svg`);
    expect(fallback.querySelector('a')!.getAttribute('href')).to.equal(post.permalink);
    await expect(feed).to.be.accessible();
  });

  it('shows the poster of a reel without media_url, never a player', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="6"' });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    const index = posts.findIndex((post) => !post.hasMediaUrl);
    await openAt(feed, index);
    expect(shadow(feed).querySelector('dialog video')).to.equal(null);
    expect(shadow(feed).querySelector('[part~="video-fallback"] img')!.getAttribute('src')).to.contain(posts[index]!.shortcode);
  });

  it('fires a cancelable ig-select first; preventDefault keeps it closed', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="3"' });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    const selected = nextEvent<CustomEvent<IgSelectDetail>>(feed, 'ig-select');
    feed.addEventListener('ig-select', (event) => event.preventDefault(), { once: true });
    tileControl(feed, 1).click();
    const { detail, cancelable } = await selected;
    await feed.updateComplete;
    expect(cancelable).to.equal(true);
    expect(detail.item.id).to.equal(posts[1]!.graphId);
    expect(detail.index).to.equal(1);
    expect(dialogOf(feed)).to.equal(null);

    const again = nextEvent(feed, 'ig-select');
    tileControl(feed, 1).click();
    await again;
    await waitUntil(() => dialogOf(feed)?.open, 'an ig-select nobody cancels opens the lightbox');
  });

  it('lightbox="off" leaves each tile a plain link to the post', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="3" lightbox="off"' });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    const link = tileControl(feed, 0) as HTMLAnchorElement;
    expect(link.localName).to.equal('a');
    expect(link.hasAttribute('aria-haspopup')).to.equal(false);
    expect(link.getAttribute('href')).to.equal(posts[0]!.permalink);

    let prevented: boolean | undefined;
    const stopNavigation = (event: Event) => {
      prevented = event.defaultPrevented;
      // The test page must not open the post in a new tab.
      event.preventDefault();
    };
    window.addEventListener('click', stopNavigation, { once: true });
    const selected = nextEvent(feed, 'ig-select');
    link.click();
    await selected;
    await feed.updateComplete;
    expect(prevented, 'the link keeps its default action').to.equal(false);
    expect(dialogOf(feed)).to.equal(null);
  });

  it('leaves modified clicks to the browser', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="3"' });
    await settled(feed);
    let selects = 0;
    feed.addEventListener('ig-select', () => selects++);
    let prevented: boolean | undefined;
    window.addEventListener('click', (event) => {
      prevented = event.defaultPrevented;
      event.preventDefault();
    }, { once: true });
    tileControl(feed, 0).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ctrlKey: true }));
    await feed.updateComplete;
    expect(selects).to.equal(0);
    expect(prevented).to.equal(false);
    expect(dialogOf(feed)).to.equal(null);
  });

  it('loads the next page when moving past the last post', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="3" load-more="button"' });
    await settled(feed);
    await openAt(feed, 2);
    const loaded = nextEvent(feed, 'ig-load');
    await press('ArrowRight', feed);
    await loaded;
    await waitUntil(() => statusText(feed).includes(' 4 of 6+'), `status is "${statusText(feed)}"`);
  });

  it('closes on a backdrop click and on the close button', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="3"' });
    await settled(feed);
    const dialog = await openAt(feed, 0);
    dialog.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => !dialogOf(feed), 'a backdrop click did not close it');

    await openAt(feed, 0);
    shadow(feed).querySelector<HTMLButtonElement>('[part~="lightbox-close"]')!.click();
    await waitUntil(() => !dialogOf(feed), 'the close button did not close it');
  });

  it('closes when the items go away', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="3"' });
    await settled(feed);
    await openAt(feed, 0);
    feed.mediaTypes = 'carousel';
    await feed.updateComplete;
    await waitUntil(() => !dialogOf(feed), 'the lightbox stayed open on a filtered-out post');
  });
});
