// Stand-in for Instagram's embed.js: defines instgrm.Embeds.process(), which replaces each
// blockquote.instagram-media with a frame of the stand-in embed page, and sizes those frames
// from their MEASURE messages. It counts its runs and process() calls in
// window.__standInEmbed so tests can check that the script ran once.
(() => {
  const counts = (window.__standInEmbed ??= { runs: 0, processCalls: 0, rendered: 0 });
  counts.runs += 1;

  function process() {
    counts.processCalls += 1;
    for (const quote of document.querySelectorAll('blockquote.instagram-media')) {
      let url;
      try {
        url = new URL(quote.dataset.instgrmPermalink ?? '');
      } catch {
        continue;
      }
      const match = /\/(p|reel|tv)\/([A-Za-z0-9_-]+)\/$/.exec(url.pathname);
      // A "silent…" post stays a blockquote, as when embed.js cannot render a post.
      if (!match || match[2].startsWith('silent')) continue;
      const frame = document.createElement('iframe');
      frame.className = 'instagram-media instagram-media-rendered';
      frame.title = `Stand-in Instagram embed ${match[2]}`;
      frame.src = `${url.origin}${url.pathname}embed/${'instgrmCaptioned' in quote.dataset ? 'captioned/' : ''}`;
      frame.style.cssText = 'display:block;width:100%;height:400px;border:0';
      quote.replaceWith(frame);
      counts.rendered += 1;
    }
  }

  window.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return;
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    if (message?.type !== 'MEASURE') return;
    for (const frame of document.querySelectorAll('iframe.instagram-media-rendered')) {
      if (frame.contentWindow === event.source) frame.style.height = `${message.details.height}px`;
    }
  });

  window.instgrm = { Embeds: { process } };
  process();
})();
