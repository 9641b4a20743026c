import { expect, html, waitUntil } from '@open-wc/testing';
import type { IgErrorDetail, IgFeed, IgMedia } from '../../src/classes.js';
import { resetWarnings } from '../../src/internal/dev.js';
import { captureWarnings, dialogOf, focused, itemNodes, mountFeed, settled, shadow } from '../support/feed.js';
import { visiblePosts, type IslandPost } from '../support/island.js';

const EXAMPLE = `<template><figure><img data-ig-src="thumbnail" data-ig-alt="caption"><figcaption data-ig-text="caption"></figcaption><a data-ig-href="permalink">Open</a></figure></template>`;

declare global {
  // eslint-disable-next-line no-var
  var templateRan: boolean | undefined;
}

function postFor(posts: IslandPost[], node: HTMLElement): IslandPost {
  return posts.find((post) => post.graphId === node.dataset.id)!;
}

describe('feed item template', () => {
  let capture: ReturnType<typeof captureWarnings>;
  beforeEach(() => {
    resetWarnings();
    capture = captureWarnings();
  });
  afterEach(() => capture.restore());

  it('binds text and attributes from each item', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="6"', children: EXAMPLE });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    const items = itemNodes(feed);
    expect(items).to.have.length(6);
    expect(shadow(feed).querySelector('[part~="link"]'), 'no built-in tiles').to.equal(null);
    for (const item of items) {
      const post = postFor(posts, item);
      const image = item.querySelector('img')!;
      expect(image.getAttribute('src')).to.match(new RegExp(`/media/(${post.shortcode}|${post.children[0]?.shortcode})\\.svg`));
      expect(image.getAttribute('alt')).to.equal(post.caption ?? '');
      expect(item.querySelector('figcaption')!.textContent).to.equal(post.caption ?? '');
      expect(item.querySelector('a')!.getAttribute('href')).to.equal(post.permalink);
      expect(item.querySelector('[data-ig-src], [data-ig-text], [data-ig-href]'), 'bindings are removed').to.equal(null);
    }
    expect(capture.messages).to.have.length(0);
    await expect(feed).to.be.accessible();
  });

  it('never turns data into HTML', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="20"', children: EXAMPLE });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    const post = posts.find((candidate) => candidate.caption?.includes('<img'))!;
    const item = itemNodes(feed).find((node) => node.dataset.id === post.graphId)!;
    const caption = item.querySelector('figcaption')!;
    expect(caption.children).to.have.length(0);
    expect(caption.textContent).to.equal(post.caption);
    expect(item.querySelectorAll('img')).to.have.length(1);
  });

  it('removes scripts, handlers, styles and script URLs from the template', async () => {
    globalThis.templateRan = false;
    const template = `<template>
      <div class="card" onclick="templateRan = true" style="color: red">
        <script>templateRan = true</script>
        <style>* { display: none }</style>
        <iframe src="https://example.invalid/"></iframe>
        <a class="static" href="javascript:templateRan = true">Static</a>
        <a class="relative" href="/about">About</a>
        <img data-ig-src="thumbnail" data-ig-onerror="caption" data-ig-style="caption" alt="">
        <span data-ig-text="captoin"></span>
      </div></template>`;
    const { feed } = await mountFeed({ attributes: 'limit="2"', children: template });
    await settled(feed);
    const card = itemNodes(feed)[0]!.querySelector('.card')!;
    expect(card.hasAttribute('onclick')).to.equal(false);
    expect(card.hasAttribute('style')).to.equal(false);
    expect(card.querySelector('script, style, iframe')).to.equal(null);
    expect(card.querySelector('.static')!.hasAttribute('href')).to.equal(false);
    expect(card.querySelector('.relative')!.getAttribute('href')).to.equal('/about');
    const image = card.querySelector('img')!;
    expect(image.hasAttribute('onerror')).to.equal(false);
    expect(image.hasAttribute('style')).to.equal(false);
    (card as HTMLElement).click();
    expect(globalThis.templateRan).to.equal(false);

    const warnings = capture.messages.join('\n');
    expect(warnings).to.contain('<ig-feed> item template: <script> elements are removed');
    expect(warnings).to.contain('the onclick attribute is removed from <div>');
    expect(warnings).to.contain('the href attribute of <a> is removed: only http, https, mailto and tel URLs are allowed.');
    expect(warnings).to.contain('data-ig-onerror is not a binding, so it is ignored.');
    expect(warnings).to.contain('data-ig-text="captoin" names no item field');
  });

  it('binds only http and https URLs', async () => {
    const template = `<template><a class="post" data-ig-href="permalink">Post</a><a class="caption" data-ig-href="caption">Caption</a><img data-ig-src="mediaUrl" alt=""></template>`;
    const { feed } = await mountFeed({
      attributes: 'limit="3"',
      children: template,
      properties: { transform: (item: IgMedia) => (item.type === 'image' ? { ...item, permalink: 'javascript:alert(1)' } : item) },
    });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    for (const item of itemNodes(feed)) {
      const post = postFor(posts, item);
      const link = item.querySelector('.post')!;
      if (post.type === 'image') expect(link.hasAttribute('href'), 'a javascript: permalink').to.equal(false);
      else expect(link.getAttribute('href')).to.equal(post.permalink);
      expect(item.querySelector('.caption')!.hasAttribute('href'), 'a caption is no URL').to.equal(false);
      // A video's media file never goes into an <img>: the poster does.
      const src = item.querySelector('img')!.getAttribute('src') ?? '';
      expect(src).not.to.match(/\.mp4/);
    }
  });

  it('formats dates, counts and positions, and removes elements whose field is empty', async () => {
    const template = `<template><p><span class="index" data-ig-text="index"></span>
      <time data-ig-datetime="timestamp" data-ig-text="date"></time>
      <span class="likes" data-ig-if="likeCount" data-ig-text="likeCount"></span>
      <span class="caption" data-ig-if="caption" data-ig-text="caption"></span></p></template>`;
    const { feed } = await mountFeed({ attributes: 'limit="3" lang="de-DE"', children: template });
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    itemNodes(feed).forEach((item, index) => {
      const post = postFor(posts, item);
      const iso = new Date(post.createdTime * 1000).toISOString();
      expect(item.querySelector('.index')!.textContent).to.equal(String(index + 1));
      expect(item.querySelector('time')!.getAttribute('datetime')).to.equal(iso);
      expect(item.querySelector('time')!.textContent).to.equal(new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium' }).format(new Date(iso)));
      expect(item.querySelector('.likes')!.textContent).to.equal(new Intl.NumberFormat('de-DE').format(post.likeCount));
      expect(item.querySelector('.caption') !== null).to.equal(post.caption !== null);
    });
  });

  it('opens the lightbox from a data-ig-open element and returns focus to it', async () => {
    const template = `<template><button type="button" data-ig-open data-ig-aria-label="alt"><img data-ig-src="thumbnail" alt=""></button></template>`;
    const { feed } = await mountFeed({ attributes: 'limit="3"', children: template });
    await settled(feed);
    const opener = itemNodes(feed)[1]!.querySelector<HTMLButtonElement>('[data-ig-open]')!;
    opener.focus();
    opener.click();
    await waitUntil(() => dialogOf(feed)?.open, 'data-ig-open did not open the lightbox');
    shadow(feed).querySelector<HTMLButtonElement>('[part~="lightbox-close"]')!.click();
    await waitUntil(() => !dialogOf(feed));
    await feed.updateComplete;
    expect(focused(feed)).to.equal(itemNodes(feed)[1]!.querySelector('[data-ig-open]'));
  });

  it('picks up a template added later', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="2"' });
    await settled(feed);
    expect(shadow(feed).querySelector('[part~="link"]')).to.exist;
    const template = document.createElement('template');
    template.innerHTML = '<p class="late" data-ig-text="id"></p>';
    feed.append(template);
    await waitUntil(() => shadow(feed).querySelector('.late'), 'the new template was not used');
    expect([...shadow(feed).querySelectorAll('.late')].map((node) => node.textContent)).to.deep.equal(itemNodes(feed).map((node) => node.dataset.id));
  });
});

describe('feed renderItem', () => {
  let capture: ReturnType<typeof captureWarnings>;
  beforeEach(() => {
    resetWarnings();
    capture = captureWarnings();
  });
  afterEach(() => capture.restore());

  it('renders Lit templates, nodes and strings', async () => {
    const renderItem = (item: IgMedia, index: number) => {
      if (index === 0) return html`<p class="lit">${item.id}</p>`;
      if (index === 1) {
        const node = document.createElement('p');
        node.className = 'node';
        node.textContent = item.type;
        return node;
      }
      return `<b class="string">${item.id}</b>`;
    };
    const { feed } = await mountFeed({ attributes: 'limit="3"', properties: { renderItem } });
    await settled(feed);
    const [first, second, third] = itemNodes(feed);
    expect(first!.querySelector('.lit')!.textContent).to.equal(first!.dataset.id);
    expect(second!.querySelector('.node')!.textContent).to.equal(second!.dataset.type);
    expect(third!.querySelector('b'), 'strings are text, not HTML').to.equal(null);
    expect(third!.textContent!.trim()).to.equal(`<b class="string">${third!.dataset.id}</b>`);
    await expect(feed).to.be.accessible();
  });

  it('calls renderItem once per item and keeps its nodes', async () => {
    let calls = 0;
    const renderItem = (item: IgMedia) => {
      calls++;
      const node = document.createElement('p');
      node.textContent = item.id;
      return node;
    };
    const { feed } = await mountFeed({ attributes: 'limit="4"', properties: { renderItem } });
    await settled(feed);
    const before = itemNodes(feed).map((item) => item.querySelector('p'));
    feed.showCaptions = true;
    await feed.updateComplete;
    expect(calls).to.equal(4);
    expect(itemNodes(feed).map((item) => item.querySelector('p'))).to.deep.equal(before);

    feed.layout = 'list';
    await feed.updateComplete;
    expect(itemNodes(feed).map((item) => item.querySelector('p')), 'the nodes move to the new layout').to.deep.equal(before);
  });

  it('wins over a template', async () => {
    const { feed } = await mountFeed({
      attributes: 'limit="2"', children: EXAMPLE, properties: { renderItem: (item: IgMedia) => `item ${item.id}` },
    });
    await settled(feed);
    expect(shadow(feed).querySelector('figure')).to.equal(null);
    expect(itemNodes(feed)[0]!.textContent!.trim()).to.equal(`item ${itemNodes(feed)[0]!.dataset.id}`);
  });

  it('falls back to the tile when renderItem throws or returns nothing', async () => {
    const errors: IgErrorDetail[] = [];
    const renderItem = (item: IgMedia, index: number) => {
      if (index === 0) throw new Error('render failed');
      if (index === 1) return null as unknown as string;
      return `ok ${item.id}`;
    };
    const { feed } = await mountFeed({ attributes: 'limit="3"', properties: { renderItem } });
    feed.addEventListener('ig-error', (event) => errors.push(event.detail));
    await settled(feed);
    const [first, second, third] = itemNodes(feed);
    expect(first!.querySelector('[part~="link"]')).to.exist;
    expect(second!.querySelector('[part~="link"]')).to.exist;
    expect(third!.querySelector('[part~="link"]')).to.equal(null);
    expect(feed.state).to.equal('ready');
    expect(errors).to.have.length(1);
    expect(errors[0]!.error.message).to.contain('The renderItem function threw for item');
    expect(capture.messages.join('\n')).to.contain('renderItem returned null');
  });

  it('ignores a renderItem that is not a function', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="2"', properties: { renderItem: '<b>x</b>' as unknown as IgFeed['renderItem'] } });
    await settled(feed);
    expect(shadow(feed).querySelectorAll('[part~="link"]')).to.have.length(2);
    expect(capture.messages.join('\n')).to.contain('<ig-feed> renderItem is string, not a function');
  });
});
